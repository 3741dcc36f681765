using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using VoixUsager.Reporting;

namespace VoixUsager.Tests.Reporting;

[Trait("Category", "Logic")]
public class XlsxWorkbookTests
{
    private static readonly string[] Headers = ["Préfecture", "Réponses", "Note", "Budget", "Taux", "Campagne", "Dernière réponse", "Labellisée", "Commentaire"];

    private static readonly DateOnly Campaign = new(2026, 3, 15);
    private static readonly DateTime LastAnswer = new(2026, 4, 2, 14, 30, 0);

    private static readonly object?[][] Rows =
    [
        ["Rhône", 1234, 3.5, 12.25m, new Percent(0.725), Campaign, LastAnswer, true, "<script>alert(1)</script>"],
        ["Nord", 0L, double.NaN, 0m, new Percent(1), new DateTime(2026, 1, 31), null, false, "=1+1"],
        ["  Côte-d'Or  ", (short)-3, -0.5f, null, null, null, null, null, "Ligne 1\nLigne 2 « guillemets » 😀"],
    ];

    [Fact]
    public void Values_headers_and_sheet_names_read_back()
    {
        var bytes = new XlsxWorkbook()
            .AddSheet("Synthèse", Headers, Rows)
            .AddSheet("Détail", ["A"], [["x"]])
            .ToBytes();

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        Assert.Equal(["Synthèse", "Détail"], SheetNames(document));

        var cells = Cells(document, "Synthèse");
        for (var c = 0; c < Headers.Length; c++)
        {
            Assert.Equal(Headers[c], Text(cells[$"{XlsxWorkbook.ColumnName(c)}1"]));
        }

        Assert.Equal("Rhône", Text(cells["A2"]));
        Assert.Equal("1234", Number(cells["B2"]));
        Assert.Equal("3.5", Number(cells["C2"]));
        Assert.Equal("12.25", Number(cells["D2"]));
        Assert.Equal("0.725", Number(cells["E2"]));
        Assert.Equal(Campaign.ToDateTime(TimeOnly.MinValue), DateTime.FromOADate(double.Parse(Number(cells["F2"]), CultureInfo.InvariantCulture)));
        Assert.Equal(LastAnswer, DateTime.FromOADate(double.Parse(Number(cells["G2"]), CultureInfo.InvariantCulture)));
        Assert.Equal("Oui", Text(cells["H2"]));
        Assert.Equal("<script>alert(1)</script>", Text(cells["I2"]));

        Assert.Equal("0", Number(cells["B3"]));
        Assert.False(cells.ContainsKey("C3"), "NaN is an empty cell");
        Assert.Equal("1", Number(cells["E3"]));
        Assert.Equal("Non", Text(cells["H3"]));
        Assert.Equal("=1+1", Text(cells["I3"]));

        Assert.Equal("  Côte-d'Or  ", Text(cells["A4"]));
        Assert.Equal("-3", Number(cells["B4"]));
        Assert.Equal("-0.5", Number(cells["C4"]));
        Assert.False(cells.ContainsKey("D4"), "null is an empty cell");
        Assert.Equal("Ligne 1\nLigne 2 « guillemets » 😀", Text(cells["I4"]));

        Assert.Equal("x", Text(Cells(document, "Détail")["A2"]));
    }

    [Fact]
    public void Percentages_and_dates_carry_their_number_formats()
    {
        var bytes = new XlsxWorkbook().AddSheet("Synthèse", Headers, Rows).ToBytes();

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var cells = Cells(document, "Synthèse");

        Assert.Equal("0.0 %", FormatCode(document, cells["E2"]));
        Assert.Equal("dd/mm/yyyy", FormatCode(document, cells["F2"]));
        Assert.Equal("dd/mm/yyyy hh:mm", FormatCode(document, cells["G2"]));
        Assert.Equal("dd/mm/yyyy", FormatCode(document, cells["F3"]));
        Assert.Null(FormatCode(document, cells["B2"]));
        Assert.Null(FormatCode(document, cells["A2"]));
    }

    [Fact]
    public void The_header_row_is_bold_and_frozen_and_columns_have_widths()
    {
        var bytes = new XlsxWorkbook().AddSheet("Synthèse", Headers, Rows).ToBytes();

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var cells = Cells(document, "Synthèse");
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet!;
        var fonts = stylesheet.Fonts!.Elements<Font>().ToList();
        var formats = stylesheet.CellFormats!.Elements<CellFormat>().ToList();

        Assert.NotNull(fonts[(int)formats[(int)cells["A1"].StyleIndex!.Value].FontId!.Value].Bold);
        Assert.Null(fonts[(int)formats[(int)(cells["A2"].StyleIndex?.Value ?? 0)].FontId!.Value].Bold);

        var worksheet = WorksheetPart(document, "Synthèse").Worksheet!;
        var pane = worksheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1, pane.VerticalSplit!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);

        var widths = worksheet.GetFirstChild<Columns>()!.Elements<Column>().Select(column => column.Width!.Value).ToList();
        Assert.Equal(Headers.Length, widths.Count);
        Assert.All(widths, width => Assert.InRange(width, 8, 60));
        Assert.True(widths[8] > widths[1], "the comment column is wider than the count column");
    }

    [Fact]
    public void Text_that_looks_like_markup_or_a_formula_stays_literal_text()
    {
        var values = new[] { "<script>alert(1)</script>", "=1+1", "+33 6", "-A1", "@SUM(A1)", "=HYPERLINK(\"http://exemple.invalid\")" };
        var bytes = new XlsxWorkbook().AddSheet("Textes", ["Valeur"], values.Select(value => (IReadOnlyList<object?>)[value])).ToBytes();

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var worksheet = WorksheetPart(document, "Textes").Worksheet!;
        Assert.Empty(worksheet.Descendants<CellFormula>());
        var cells = Cells(document, "Textes");
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ToList();
        for (var i = 0; i < values.Length; i++)
        {
            var cell = cells[$"A{i + 2}"];
            Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
            Assert.Equal(values[i], Text(cell));
        }

        // Formula-looking text keeps its quote prefix, so editing the cell in Excel does not turn it into a formula.
        Assert.True(formats[(int)cells["A3"].StyleIndex!.Value].QuotePrefix!.Value);
        Assert.Null(cells["A2"].StyleIndex);
    }

    [Fact]
    public void The_validator_finds_no_error()
    {
        var bytes = new XlsxWorkbook()
            .AddSheet("Synthèse", Headers, Rows)
            .AddSheet("Bizarre [1]: a/b*?", ["Texte"], [["ctrl\u0001\u0008 char"], ["lone \uD800 surrogate"], [new string('x', 40_000)], [" espace "]])
            .AddSheet("Vide", ["Rien"], [])
            .AddSheet("Synthèse", ["Encore"], [[1]])
            .ToBytes();

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(error => $"{error.Part?.Uri} {error.Path?.XPath}: {error.Description}")
            .ToList();
        Assert.Empty(errors);

        var cells = Cells(document, "Bizarre -1-- a-b--");
        Assert.Equal("ctrl char", Text(cells["A2"]));
        Assert.Equal("lone  surrogate", Text(cells["A3"]));
        Assert.Equal(XlsxWorkbook.MaxCellTextLength, Text(cells["A4"]).Length);
        Assert.Equal(" espace ", Text(cells["A5"]));
    }

    [Fact]
    public void An_empty_workbook_still_has_a_sheet()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(new XlsxWorkbook().ToBytes()), isEditable: false);

        Assert.Equal(["Feuille 1"], SheetNames(document));
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document));
    }

    [Fact]
    public void Sheet_names_are_made_valid_and_unique()
    {
        var workbook = new XlsxWorkbook()
            .AddSheet("Synthèse", ["A"], [])
            .AddSheet("SYNTHÈSE", ["A"], [])
            .AddSheet("synthèse", ["A"], [])
            .AddSheet("Résultats [T1]: Rhône/Ain *?\\", ["A"], [])
            .AddSheet("Préfecture des Bouches-du-Rhône — site d'Aix", ["A"], [])
            .AddSheet("Préfecture des Bouches-du-Rhône — site de Marseille", ["A"], [])
            .AddSheet("", ["A"], [])
            .AddSheet("'Citée'", ["A"], [])
            .AddSheet("history", ["A"], []);

        Assert.Equal(
            [
                "Synthèse",
                "SYNTHÈSE (2)",
                "synthèse (3)",
                "Résultats -T1-- Rhône-Ain ---",
                "Préfecture des Bouches-du-Rhône",
                "Préfecture des Bouches-du-R (2)",
                "Feuille",
                "Citée",
                "history (feuille)",
            ],
            workbook.SheetNames);
        Assert.All(workbook.SheetNames, name => Assert.InRange(name.Length, 1, XlsxWorkbook.MaxSheetNameLength));

        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook.ToBytes()), isEditable: false);
        Assert.Equal(workbook.SheetNames, SheetNames(document));
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document));
    }

    [Fact]
    public void A_cut_sheet_name_does_not_end_with_an_apostrophe()
    {
        var name = new string('a', 30) + "'bcd";

        Assert.Equal(new string('a', 30), XlsxWorkbook.SanitizeSheetName(name, []));
        Assert.Equal(new string('a', 27) + " (2)", XlsxWorkbook.SanitizeSheetName(name, [new string('a', 30)]));
        Assert.Equal("Feuille", XlsxWorkbook.SanitizeSheetName(" ' ' ", []));
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(51, "AZ")]
    [InlineData(52, "BA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Column_names_follow_excel(int index, string expected)
    {
        Assert.Equal(expected, XlsxWorkbook.ColumnName(index));
    }

    [Fact]
    public void Unsupported_values_and_misaligned_rows_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new XlsxWorkbook().AddSheet("A", ["X"], [[new object()]]));
        Assert.Throws<ArgumentException>(() => new XlsxWorkbook().AddSheet("A", ["X", "Y"], [["seul"]]));
    }

    private static List<string> SheetNames(SpreadsheetDocument document) =>
        document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Select(sheet => sheet.Name!.Value!).ToList();

    private static WorksheetPart WorksheetPart(SpreadsheetDocument document, string name)
    {
        var sheet = document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!.Value!);
    }

    private static Dictionary<string, Cell> Cells(SpreadsheetDocument document, string sheetName) =>
        WorksheetPart(document, sheetName).Worksheet!.Descendants<Cell>().ToDictionary(cell => cell.CellReference!.Value!);

    private static string Text(Cell cell)
    {
        Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
        return cell.InlineString!.Text!.Text;
    }

    private static string Number(Cell cell)
    {
        Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number);
        return cell.CellValue!.Text;
    }

    private static string? FormatCode(SpreadsheetDocument document, Cell cell)
    {
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet!;
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        var id = format.NumberFormatId?.Value ?? 0;
        return id == 0 ? null : stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId! == id).FormatCode!.Value;
    }
}
