using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using VoixUsager.Reporting;

namespace VoixUsager.Tests.Reporting;

[Trait("Category", "Logic")]
public class CsvExportTests
{
    private static readonly string[] Headers = ["Préfecture", "Commentaire", "Taux"];

    private static readonly string?[][] Tricky =
    [
        ["Rhône", "Très bien; rapide", "0,92"],
        ["Bouches-du-Rhône", "Il a dit \"revenez demain\"", "0,5"],
        ["Nord", "Première ligne\r\ndeuxième ligne\nfin", null],
        ["Côte-d'Or", "", "1"],
        ["Œuvre «ÿ» €", "  espaces  ", "0"],
    ];

    [Fact]
    public void The_file_starts_with_a_utf8_bom_and_uses_semicolons_and_crlf()
    {
        var bytes = CsvExport.Write(Headers, [["Rhône", "Bien", "0,92"], ["Nord", "Moyen", "0,5"]]);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        Assert.Equal("Préfecture;Commentaire;Taux\r\nRhône;Bien;0,92\r\nNord;Moyen;0,5\r\n", text);
        Assert.DoesNotContain('\uFEFF', text);
    }

    [Fact]
    public void Quoted_values_round_trip_through_csvhelper()
    {
        var bytes = CsvExport.Write(Headers, Tricky);

        var (headers, records) = Parse(bytes);

        Assert.Equal(Headers, headers);
        Assert.Equal(Tricky.Length, records.Count);
        for (var i = 0; i < Tricky.Length; i++)
        {
            Assert.Equal(Tricky[i].Select(value => value ?? string.Empty), records[i]);
        }
    }

    [Fact]
    public void Fields_are_quoted_only_when_needed()
    {
        Assert.Equal("simple", CsvExport.EscapeField("simple"));
        Assert.Equal("\"a;b\"", CsvExport.EscapeField("a;b"));
        Assert.Equal("\"dit \"\"oui\"\"\"", CsvExport.EscapeField("dit \"oui\""));
        Assert.Equal("\"l1\nl2\"", CsvExport.EscapeField("l1\nl2"));
        Assert.Equal("a,b", CsvExport.EscapeField("a,b"));
        Assert.Equal(string.Empty, CsvExport.EscapeField(null));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("=HYPERLINK(\"http://exemple.invalid\";\"clic\")", "'=HYPERLINK(\"http://exemple.invalid\";\"clic\")")]
    [InlineData("+33 6 12 34 56 78", "'+33 6 12 34 56 78")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("a=b", "a=b")]
    [InlineData("Très bien", "Très bien")]
    public void Cells_that_a_spreadsheet_would_run_as_formulas_get_a_quote(string value, string expected)
    {
        var (_, records) = Parse(CsvExport.Write(["Commentaire"], [[value]]));

        Assert.Equal(expected, Assert.Single(records)[0]);
    }

    [Fact]
    public void Headers_are_escaped_like_values()
    {
        var text = Encoding.UTF8.GetString(CsvExport.Write(["=Taux", "a;b"], []).AsSpan(3));

        Assert.Equal("'=Taux;\"a;b\"\r\n", text);
    }

    [Fact]
    public void Accents_and_symbols_are_preserved()
    {
        var bytes = CsvExport.Write(["Libellé"], [["Préfecture de l'Hérault — accueil « très » satisfaisant, 12 € 😀"]]);

        var (_, records) = Parse(bytes);
        Assert.Equal("Préfecture de l'Hérault — accueil « très » satisfaisant, 12 € 😀", Assert.Single(records)[0]);
        // Strict UTF-8 decoding would throw on any byte Windows-1252 would have put there.
        new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
    }

    [Fact]
    public async Task Stream_overloads_write_the_same_bytes()
    {
        var expected = CsvExport.Write(Headers, Tricky);

        using var synchronous = new MemoryStream();
        CsvExport.Write(synchronous, Headers, Tricky);
        Assert.Equal(expected, synchronous.ToArray());

        using var fromEnumerable = new MemoryStream();
        await CsvExport.WriteAsync(fromEnumerable, Headers, Tricky);
        Assert.Equal(expected, fromEnumerable.ToArray());

        using var fromAsync = new MemoryStream();
        await CsvExport.WriteAsync(fromAsync, Headers, AsAsync(Tricky));
        Assert.Equal(expected, fromAsync.ToArray());
        Assert.True(fromAsync.CanWrite, "the caller's stream is left open");
    }

    [Fact]
    public void A_large_export_streams_every_row()
    {
        using var output = new MemoryStream();
        CsvExport.Write(output, ["N", "Texte"], Enumerable.Range(0, 20_000).Select(i => (IReadOnlyList<string?>)[i.ToString(CultureInfo.InvariantCulture), $"ligne {i}; suite"]));

        var (_, records) = Parse(output.ToArray());
        Assert.Equal(20_000, records.Count);
        Assert.Equal(["19999", "ligne 19999; suite"], records[^1]);
    }

    [Fact]
    public void A_row_of_the_wrong_width_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CsvExport.Write(Headers, [["un", "deux"]]));
    }

    [Fact]
    public void A_row_of_the_wrong_width_says_which_line_and_how_many_values()
    {
        // Line 1 is the first row after the headers.
        var error = Assert.Throws<ArgumentException>(() => CsvExport.Write(Headers, [["a", "b", "c"], ["un", "deux"]]));

        Assert.StartsWith("La ligne 2 a 2 valeurs pour 3 colonnes.", error.Message, StringComparison.Ordinal);
        Assert.Equal("fields", error.ParamName);
        Assert.Throws<ArgumentNullException>(() => CsvExport.Write(Headers, [["a", "b", "c"], null!]));
    }

    [Fact]
    public async Task Missing_arguments_are_refused_before_anything_is_written()
    {
        IReadOnlyList<string?>[] rows = [["a", "b", "c"]];
        using var output = new MemoryStream();

        Assert.Equal("output", Assert.Throws<ArgumentNullException>(() => CsvExport.Write(null!, Headers, rows)).ParamName);
        Assert.Equal("headers", Assert.Throws<ArgumentNullException>(() => CsvExport.Write(output, null!, rows)).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentNullException>(() => CsvExport.Write(output, Headers, (IEnumerable<IReadOnlyList<string?>>)null!)).ParamName);
        Assert.Equal("output", (await Assert.ThrowsAsync<ArgumentNullException>(() => CsvExport.WriteAsync(null!, Headers, AsAsync(rows)))).ParamName);
        Assert.Equal("headers", (await Assert.ThrowsAsync<ArgumentNullException>(() => CsvExport.WriteAsync(output, null!, AsAsync(rows)))).ParamName);
        Assert.Equal("rows", (await Assert.ThrowsAsync<ArgumentNullException>(() => CsvExport.WriteAsync(output, Headers, (IAsyncEnumerable<IReadOnlyList<string?>>)null!))).ParamName);
        Assert.Equal("rows", (await Assert.ThrowsAsync<ArgumentNullException>(() => CsvExport.WriteAsync(output, Headers, (IEnumerable<IReadOnlyList<string?>>)null!))).ParamName);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void An_empty_preamble_adds_no_blank_line()
    {
        var withEmpty = CsvExport.Write(["A"], [["1"]], []);

        Assert.Equal("A\r\n1\r\n", Encoding.UTF8.GetString(withEmpty.AsSpan(3)));
        Assert.Equal("Préfecture;Cantal\r\n\r\nA\r\n1\r\n", Encoding.UTF8.GetString(CsvExport.Write(["A"], [["1"]], [("Préfecture", "Cantal")]).AsSpan(3)));
    }

    [Fact]
    public async Task Rows_read_as_they_come_reach_the_stream_in_batches_not_one_write_per_row()
    {
        using var output = new MemoryStream();
        long? afterHundredRows = null;
        long? afterSixHundredRows = null;

        async IAsyncEnumerable<IReadOnlyList<string?>> Rows()
        {
            for (var i = 0; i < 700; i++)
            {
                if (i == 100)
                {
                    afterHundredRows = output.Length;
                }

                if (i == 600)
                {
                    afterSixHundredRows = output.Length;
                }

                await Task.Yield();
                yield return [i.ToString(CultureInfo.InvariantCulture)];
            }
        }

        await CsvExport.WriteAsync(output, ["N"], Rows());

        // A hundred short rows stay in the writer's buffer (only the BOM has reached the stream); by row 600 a
        // batch has been flushed although the buffer never filled; at the end everything is there.
        Assert.Equal(3, afterHundredRows);
        Assert.True(afterSixHundredRows > 3 + 500 * 3, $"{afterSixHundredRows} bytes after 600 rows");
        var (_, records) = Parse(output.ToArray());
        Assert.Equal(700, records.Count);
        Assert.Equal(["699"], records[^1]);
    }

    private static (string[] Headers, List<string[]> Records) Parse(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var configuration = new CsvConfiguration(CultureInfo.GetCultureInfo("fr-FR")) { Delimiter = ";" };
        using var csv = new CsvReader(reader, configuration);
        Assert.True(csv.Read());
        csv.ReadHeader();
        var headers = csv.HeaderRecord!;
        var records = new List<string[]>();
        while (csv.Read())
        {
            records.Add(Enumerable.Range(0, headers.Length).Select(i => csv.GetField(i)!).ToArray());
        }

        return (headers, records);
    }

    private static async IAsyncEnumerable<IReadOnlyList<string?>> AsAsync(IEnumerable<IReadOnlyList<string?>> rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }
}
