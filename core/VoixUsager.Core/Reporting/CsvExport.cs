using System.Text;

namespace VoixUsager.Reporting;

/// <summary>
/// CSV files that French Excel opens as they are: UTF-8 with a byte order mark (without it Excel reads
/// the file as Windows-1252 and mangles accents), semicolons (the list separator of a French Windows,
/// where the comma is the decimal separator), CRLF line ends and RFC 4180 quoting.
/// </summary>
public static class CsvExport
{
    public const char Separator = ';';
    public const string LineEnd = "\r\n";

    /// <summary>The media type to serve the files with; the charset tells browsers what the BOM tells Excel.</summary>
    public const string ContentType = "text/csv; charset=utf-8";

    // The BOM is written by hand, once, whatever the stream's position or seekability.
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The whole file in memory, for small exports and email attachments.</summary>
    public static byte[] Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, IReadOnlyList<(string Label, string Value)>? preamble = null)
    {
        using var buffer = new MemoryStream();
        Write(buffer, headers, rows, preamble);
        return buffer.ToArray();
    }

    /// <summary>
    /// Writes the file to <paramref name="output"/> row by row, so a large export is never held in memory.
    /// The stream is left open. Not for an ASP.NET Core response body, which refuses synchronous writes: use
    /// <see cref="WriteAsync(Stream, IReadOnlyList{string}, IAsyncEnumerable{IReadOnlyList{string?}}, CancellationToken)"/>.
    /// </summary>
    /// <param name="preamble">Label–value lines written before the column headers, then an empty line: what the file covers.</param>
    public static void Write(Stream output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, IReadOnlyList<(string Label, string Value)>? preamble = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);

        output.Write(Bom);
        using var writer = NewWriter(output);
        WritePreamble(writer, preamble);
        WriteRecord(writer, headers, headers.Count, 0);
        var line = 1;
        foreach (var row in rows)
        {
            WriteRecord(writer, row, headers.Count, line++);
        }
    }

    /// <summary>Writes the file asynchronously, for response bodies and rows read from the database as they come.</summary>
    public static async Task WriteAsync(
        Stream output,
        IReadOnlyList<string> headers,
        IAsyncEnumerable<IReadOnlyList<string?>> rows,
        CancellationToken cancellationToken = default,
        IReadOnlyList<(string Label, string Value)>? preamble = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);

        await output.WriteAsync(Bom, cancellationToken);
        await using var writer = NewWriter(output);
        WritePreamble(writer, preamble);
        WriteRecord(writer, headers, headers.Count, 0);
        var line = 1;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            WriteRecord(writer, row, headers.Count, line++);
            // The writer's own buffer is small: flushing every so often keeps memory flat without a
            // network write per row.
            if (line % 512 == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <inheritdoc cref="WriteAsync(Stream, IReadOnlyList{string}, IAsyncEnumerable{IReadOnlyList{string?}}, CancellationToken)"/>
    public static Task WriteAsync(
        Stream output,
        IReadOnlyList<string> headers,
        IEnumerable<IReadOnlyList<string?>> rows,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteAsync(output, headers, ToAsync(rows), cancellationToken);
    }

    /// <summary>
    /// One field as written in the file. A value starting with =, +, -, @, a tab or a carriage return is
    /// prefixed with a single quote: spreadsheets run such a cell as a formula, and a survey comment like
    /// <c>=HYPERLINK("http://…")</c> or <c>=cmd|' /C calc'!A0</c> would otherwise execute on the quality
    /// team's computer (CSV injection, OWASP). Excel shows the quote, which is the accepted price; negative
    /// numbers written as text get it too, so exports meant for computation should use XLSX.
    /// </summary>
    public static string EscapeField(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        if (value.AsSpan().IndexOfAny(";\"\r\n") < 0)
        {
            return value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void WritePreamble(StreamWriter writer, IReadOnlyList<(string Label, string Value)>? preamble)
    {
        if (preamble is null || preamble.Count == 0)
        {
            return;
        }

        foreach (var (label, value) in preamble)
        {
            writer.Write(EscapeField(label));
            writer.Write(Separator);
            writer.Write(EscapeField(value));
            writer.Write(LineEnd);
        }

        writer.Write(LineEnd);
    }

    private static StreamWriter NewWriter(Stream output) =>
        new(output, Utf8NoBom, bufferSize: 16 * 1024, leaveOpen: true) { NewLine = LineEnd };

    private static void WriteRecord(StreamWriter writer, IReadOnlyList<string?> fields, int expected, int line)
    {
        ArgumentNullException.ThrowIfNull(fields);
        // A short or long row would silently shift every following value into the wrong column.
        if (fields.Count != expected)
        {
            throw new ArgumentException($"La ligne {line} a {fields.Count} valeurs pour {expected} colonnes.", nameof(fields));
        }

        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(Separator);
            }

            writer.Write(EscapeField(fields[i]));
        }

        writer.Write(LineEnd);
    }

    private static async IAsyncEnumerable<IReadOnlyList<string?>> ToAsync(IEnumerable<IReadOnlyList<string?>> rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }

        await Task.CompletedTask;
    }
}
