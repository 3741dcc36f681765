using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace VoixUsager.Reporting;

/// <summary>
/// A small XLSX builder: one sheet per table, a bold and frozen header row, typed cells. Cell values may be
/// strings, numbers (int, long, double, decimal…), <see cref="Percent"/>, <see cref="DateOnly"/>,
/// <see cref="DateTime"/>, <see cref="DateTimeOffset"/> (its wall-clock time), booleans (written "Oui" or
/// "Non") and null (an empty cell). Strings are always stored as text, never as formulas.
/// </summary>
public sealed class XlsxWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Excel's limit on a sheet name.</summary>
    public const int MaxSheetNameLength = 31;

    /// <summary>Excel's limit on the text of one cell; longer text makes it repair the file.</summary>
    public const int MaxCellTextLength = 32_767;

    public const string PercentFormat = "0.0 %";
    public const string DateFormat = "dd/mm/yyyy";
    public const string DateTimeFormat = "dd/mm/yyyy hh:mm";

    private const uint PercentFormatId = 164;
    private const uint DateFormatId = 165;
    private const uint DateTimeFormatId = 166;

    // Indexes into the cell formats written by BuildStylesheet, in that order.
    private const uint StyleHeader = 1;
    private const uint StylePercent = 2;
    private const uint StyleDate = 3;
    private const uint StyleDateTime = 4;
    private const uint StyleQuotedText = 5;

    private const double MinColumnWidth = 8;
    private const double MaxColumnWidth = 60;

    // Dates are stored as serial numbers, which Excel only reads correctly from 1 March 1900 (its 1900
    // leap-year bug shifts earlier ones); earlier dates are written as text instead.
    private static readonly DateTime FirstSerialDate = new(1900, 3, 1);

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly char[] ForbiddenInSheetNames = ['[', ']', ':', '*', '?', '/', '\\'];

    private readonly List<SheetContent> _sheets = [];

    /// <summary>The sheet names as they will appear in the file, after <see cref="SanitizeSheetName"/>.</summary>
    public IReadOnlyList<string> SheetNames => _sheets.Select(sheet => sheet.Name).ToList();

    /// <summary>
    /// Adds a sheet. The rows are read now, so a query behind them may be disposed afterwards. The name is
    /// made valid and unique (see <see cref="SanitizeSheetName"/>).
    /// </summary>
    public XlsxWorkbook AddSheet(string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);

        var materialised = new List<object?[]>();
        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            // A short or long row would silently shift values into the wrong columns.
            if (row.Count != headers.Count)
            {
                throw new ArgumentException($"La ligne {materialised.Count + 1} a {row.Count} valeurs pour {headers.Count} colonnes.", nameof(rows));
            }

            var values = row.ToArray();
            foreach (var value in values)
            {
                EnsureSupported(value);
            }

            materialised.Add(values);
        }

        var unique = SanitizeSheetName(name, _sheets.Select(sheet => sheet.Name));
        _sheets.Add(new SheetContent(unique, headers.ToArray(), materialised));
        return this;
    }

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        WriteTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Writes the workbook; the stream must be seekable (the zip format needs it), and is left open.</summary>
    public void WriteTo(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);

        // An empty workbook is not a valid file: Excel refuses a workbook without a sheet.
        var sheets = _sheets.Count > 0 ? _sheets : [new SheetContent("Feuille 1", [], [])];

        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = BuildStylesheet();

        var sheetList = new Sheets();
        for (var i = 0; i < sheets.Count; i++)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            WriteWorksheet(worksheetPart, sheets[i], selected: i == 0);
            sheetList.Append(new Sheet
            {
                Name = sheets[i].Name,
                SheetId = (uint)(i + 1),
                Id = workbookPart.GetIdOfPart(worksheetPart),
            });
        }

        workbookPart.Workbook = new Workbook(new BookViews(new WorkbookView()), sheetList);
    }

    /// <summary>
    /// A sheet name Excel accepts: the characters [ ] : * ? / \ become "-", apostrophes cannot start or
    /// end it, "History" is reserved by Excel, at most 31 characters, and it differs (ignoring case, as
    /// Excel does) from every name in <paramref name="taken"/>, by a " (2)", " (3)"… suffix if need be.
    /// </summary>
    public static string SanitizeSheetName(string? name, IEnumerable<string> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);

        var builder = new StringBuilder();
        foreach (var c in name ?? string.Empty)
        {
            builder.Append(ForbiddenInSheetNames.Contains(c) ? '-' : char.IsControl(c) ? ' ' : c);
        }

        var cleaned = TrimSheetName(builder.ToString());
        if (cleaned.Length == 0)
        {
            cleaned = "Feuille";
        }

        if (string.Equals(cleaned, "History", StringComparison.OrdinalIgnoreCase))
        {
            cleaned += " (feuille)";
        }

        // Cutting can bring an apostrophe to the end: trimmed again.
        cleaned = TrimSheetName(Truncate(cleaned, MaxSheetNameLength));
        var names = new HashSet<string>(taken, StringComparer.OrdinalIgnoreCase);
        var candidate = cleaned;
        for (var n = 2; names.Contains(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = TrimSheetName(Truncate(cleaned, MaxSheetNameLength - suffix.Length)) + suffix;
        }

        return candidate;
    }

    private static string TrimSheetName(string name) => name.Trim(' ', '\'');

    /// <summary>The column letters of a zero-based index: 0 is A, 25 is Z, 26 is AA.</summary>
    internal static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static string Truncate(string value, int length)
    {
        if (value.Length <= length)
        {
            return value;
        }

        // Never split a surrogate pair: half an emoji is not valid XML.
        var cut = char.IsHighSurrogate(value[length - 1]) ? length - 1 : length;
        return value[..cut];
    }

    private static void EnsureSupported(object? value)
    {
        switch (value)
        {
            case null or string or bool or Percent or DateOnly or DateTime or DateTimeOffset:
            case byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal:
                return;
            default:
                throw new ArgumentException($"Type de cellule non pris en charge : {value.GetType().Name}.", nameof(value));
        }
    }

    private static void WriteWorksheet(WorksheetPart part, SheetContent sheet, bool selected)
    {
        var columnCount = sheet.Headers.Length;

        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());

        // Frozen header: the column titles stay in view while scrolling down a long export.
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane
            {
                // ySplit in the file: the number of rows above the split.
                VerticalSplit = 1,
                TopLeftCell = "A2",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        {
            TabSelected = selected,
            WorkbookViewId = 0,
        }));

        if (columnCount > 0)
        {
            var columns = new Columns();
            for (var c = 0; c < columnCount; c++)
            {
                columns.Append(new Column
                {
                    Min = (uint)(c + 1),
                    Max = (uint)(c + 1),
                    Width = ColumnWidth(sheet, c),
                    CustomWidth = true,
                });
            }

            writer.WriteElement(columns);
        }

        writer.WriteStartElement(new SheetData());
        writer.WriteStartElement(new Row { RowIndex = 1 });
        for (var c = 0; c < sheet.Headers.Length; c++)
        {
            var header = TextCell(sheet.Headers[c]);
            header.CellReference = ColumnName(c) + "1";
            header.StyleIndex = StyleHeader;
            writer.WriteElement(header);
        }

        writer.WriteEndElement();

        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var rowIndex = (uint)(r + 2);
            writer.WriteStartElement(new Row { RowIndex = rowIndex });
            var values = sheet.Rows[r];
            for (var c = 0; c < values.Length; c++)
            {
                if (BuildCell(values[c]) is { } cell)
                {
                    cell.CellReference = ColumnName(c) + rowIndex.ToString(CultureInfo.InvariantCulture);
                    writer.WriteElement(cell);
                }
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement(); // sheetData
        writer.WriteEndElement(); // worksheet
    }

    private static Cell? BuildCell(object? value) => value switch
    {
        null => null,
        string text => TextCell(text),
        bool flag => TextCell(flag ? "Oui" : "Non"),
        Percent percent => NumberCell(percent.Fraction, StylePercent),
        DateOnly date => DateCell(date.ToDateTime(TimeOnly.MinValue), StyleDate),
        DateTime dateTime => DateCell(dateTime, dateTime.TimeOfDay == TimeSpan.Zero ? StyleDate : StyleDateTime),
        DateTimeOffset offset => DateCell(offset.DateTime, offset.TimeOfDay == TimeSpan.Zero ? StyleDate : StyleDateTime),
        decimal number => NumberCell((double)number, null),
        _ => NumberCell(Convert.ToDouble(value, CultureInfo.InvariantCulture), null),
    };

    private static Cell? NumberCell(double number, uint? style)
    {
        // A spreadsheet has no NaN nor infinity: an undefined rate is an empty cell.
        if (!double.IsFinite(number))
        {
            return null;
        }

        var cell = new Cell
        {
            DataType = CellValues.Number,
            CellValue = new CellValue(number.ToString("R", CultureInfo.InvariantCulture)),
        };
        if (style is { } index)
        {
            cell.StyleIndex = index;
        }

        return cell;
    }

    private static Cell DateCell(DateTime value, uint style)
    {
        if (value < FirstSerialDate)
        {
            return TextCell(value.ToString(style == StyleDate ? "dd/MM/yyyy" : "dd/MM/yyyy HH:mm", French));
        }

        var serial = value.ToOADate();
        return new Cell
        {
            CellValue = new CellValue(serial.ToString("R", CultureInfo.InvariantCulture)),
            StyleIndex = style,
        };
    }

    /// <summary>
    /// An inline string: Excel never evaluates its content, so "=1+1" or "&lt;script&gt;" stay literal text.
    /// Text that looks like a formula also gets the quote-prefix style, so editing the cell in Excel keeps
    /// it text instead of turning it into a formula.
    /// </summary>
    private static Cell TextCell(string? text)
    {
        var clean = CleanText(text ?? string.Empty);
        var cell = new Cell
        {
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(clean) { Space = SpaceProcessingModeValues.Preserve }),
        };
        if (clean.Length > 0 && clean[0] is '=' or '+' or '-' or '@')
        {
            cell.StyleIndex = StyleQuotedText;
        }

        return cell;
    }

    /// <summary>
    /// Text XML can carry: control characters other than tab and line breaks, and unpaired surrogates, are
    /// not allowed in XML 1.0 and would make the writer throw; they are dropped. Cut at Excel's limit.
    /// </summary>
    private static string CleanText(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var valid = c switch
            {
                '\t' or '\n' or '\r' => true,
                _ when char.IsHighSurrogate(c) => i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]),
                _ when char.IsLowSurrogate(c) => i > 0 && char.IsHighSurrogate(text[i - 1]),
                _ => c >= ' ' && c != '\uFFFE' && c != '\uFFFF',
            };
            if (!valid && builder is null)
            {
                builder = new StringBuilder(text.Length);
                builder.Append(text, 0, i);
            }

            if (valid)
            {
                builder?.Append(c);
            }
        }

        var result = builder?.ToString() ?? text;
        return Truncate(result, MaxCellTextLength);
    }

    private static double ColumnWidth(SheetContent sheet, int column)
    {
        // Looking at the first rows is enough to size a column and keeps huge exports cheap.
        var longest = column < sheet.Headers.Length ? sheet.Headers[column].Length * 1.15 : 0;
        foreach (var row in sheet.Rows.Take(500))
        {
            if (column < row.Length)
            {
                longest = Math.Max(longest, DisplayLength(row[column]));
            }
        }

        return Math.Round(Math.Clamp(longest + 2, MinColumnWidth, MaxColumnWidth), 1);
    }

    private static double DisplayLength(object? value) => value switch
    {
        null => 0,
        string text => text.Split('\n').Max(line => line.Length),
        bool => 3,
        Percent => 7,
        DateOnly => 10,
        DateTime dateTime => dateTime.TimeOfDay == TimeSpan.Zero ? 10 : 16,
        DateTimeOffset offset => offset.TimeOfDay == TimeSpan.Zero ? 10 : 16,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Length ?? 0,
    };

    private static Stylesheet BuildStylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = PercentFormatId, FormatCode = PercentFormat },
            new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = DateFormat },
            new NumberingFormat { NumberFormatId = DateTimeFormatId, FormatCode = DateTimeFormat })
        { Count = 3 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }))
        { Count = 2 },
        // The first two fills are reserved by the format: none and gray125.
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()))
        { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 })
        { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = PercentFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = DateFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = DateTimeFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, QuotePrefix = true })
        { Count = 6 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 })
        { Count = 1 });

    private sealed record SheetContent(string Name, string[] Headers, List<object?[]> Rows);
}
