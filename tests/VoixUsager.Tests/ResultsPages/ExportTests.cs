using System.Globalization;
using System.Net;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.ResultsPages;

/// <summary>Downloads parsed back and compared with what the dashboard shows.</summary>
public sealed class ExportTests : CantalResultsTest
{
    [Fact]
    public async Task Responses_csv_is_utf8_with_bom_semicolons_one_row_per_response_and_masked()
    {
        var response = await Cantal.Http.GetAsync($"/resultats/export/reponses.csv?campagne={Ids.CurrentCampaignId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        // The file and its name say what it covers: préfecture, filters, cut-off.
        var fileName = response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!;
        Assert.Matches(@"^voixusager-reponses-prefecture-cantal-campagne-2026-arrete-\d{4}-\d{2}-\d{2}-\d{4}\.csv$", fileName);
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        Assert.Equal("Préfecture;Préfecture Cantal", await reader.ReadLineAsync());
        Assert.Equal("Filtres;Campagne : Campagne 2026", await reader.ReadLineAsync());
        Assert.Matches(@"^Données arrêtées au;\d{2}/\d{2}/\d{4} à \d{2}:\d{2}$", await reader.ReadLineAsync());
        Assert.Equal("", await reader.ReadLineAsync());
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        var rows = new List<Dictionary<string, string>>();
        await csv.ReadAsync();
        csv.ReadHeader();
        var headers = csv.HeaderRecord!;
        while (await csv.ReadAsync())
        {
            rows.Add(headers.ToDictionary(h => h, h => csv.GetField(h) ?? ""));
        }

        Assert.Equal(40, rows.Count);
        var global = headers.Single(h => h.Contains("Globalement, êtes-vous satisfait", StringComparison.Ordinal));
        // The same distribution as the dashboard: 12 / 10 / 5 / 3 / 10.
        Assert.Equal(12, rows.Count(r => r[global] == "Tout à fait satisfait"));
        Assert.Equal(10, rows.Count(r => r[global] == "Plutôt satisfait"));
        Assert.Equal(10, rows.Count(r => r[global] == "Sans avis"));
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("06 12 34 56 78", text);
        Assert.DoesNotContain("jean.dupont@example.fr", text);
        var suggestion = headers.Single(h => h.Contains("Votre suggestion", StringComparison.Ordinal));
        Assert.Contains(rows, r => r[suggestion] == ResultsTestData.ScriptSuggestion);
        Assert.Equal(30, rows.Count(r => r["Site"] == "Préfecture Cantal"));
    }

    [Fact]
    public async Task Workbook_holds_the_dashboard_figures_one_sheet_per_area()
    {
        var response = await Cantal.Http.GetAsync($"/resultats/export/resultats.xlsx?campagne={Ids.CurrentCampaignId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var part = document.WorkbookPart!;
        var sheets = part.Workbook.Sheets!.Elements<Sheet>().ToList();
        var fileName = response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!;
        Assert.Matches(@"^voixusager-resultats-prefecture-cantal-campagne-2026-toutes-les-campagnes-arrete-\d{4}-\d{2}-\d{2}-\d{4}\.xlsx$", fileName);
        Assert.Equal(["Périmètre", "Enquête", "Questions à choix", "Notes de 0 à 10", "Sites et canaux", "Langues", "Tendance", "Représentativité", "Appels mystères", "Courriels mystères", "Recommandations", "Indicateurs", "Suggestions retenues"], sheets.Select(s => s.Name!.Value!));

        var scope = ((WorksheetPart)part.GetPartById(sheets[0].Id!)).Worksheet.Descendants<Row>().Select(r => string.Join(" | ", r.Descendants<Cell>().Select(c => c.InnerText))).ToList();
        Assert.Contains("Préfecture | Préfecture Cantal", scope);
        Assert.Contains("Filtres | Campagne : Campagne 2026 ; Enquêtes mystères : toutes les campagnes", scope);
        Assert.Contains(scope, r => r.StartsWith("Données arrêtées au | ", StringComparison.Ordinal));
        var survey = (WorksheetPart)part.GetPartById(sheets[1].Id!);
        var row = survey.Worksheet.Descendants<Row>().Single(r => r.Descendants<Cell>().First().InnerText.Contains("Globalement", StringComparison.Ordinal));
        var cells = row.Descendants<Cell>().Select(c => c.InnerText).ToList();
        Assert.Equal(["12", "10", "5", "3", "10", "30"], cells.Skip(1).Take(6));
        // 22 / 30, as the dashboard's 73,3 %.
        Assert.Equal(22.0 / 30, double.Parse(cells[7], CultureInfo.InvariantCulture), 6);
        Assert.Equal(0.555520, double.Parse(cells[8], CultureInfo.InvariantCulture), 5);
        Assert.Equal(0.858173, double.Parse(cells[9], CultureInfo.InvariantCulture), 5);

        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Mystery_csv_lists_each_submitted_record()
    {
        using var referent = StaffClient.For(App);
        await referent.SignInAsync(StaffTestData.Email("Referent", "allier"), StaffTestData.Password);
        await referent.PostFormAsync($"/referent/appel/{Ids.Staff.CallScenarioId}", GridFields.ValidCall(App, Ids.Staff.CallScenarioId, submit: true));

        var response = await Cantal.Http.GetAsync("/resultats/export/mystere.csv");
        var fileName = response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!;
        Assert.Matches(@"^voixusager-enquetes-mysteres-prefecture-cantal-toutes-les-campagnes-arrete-\d{4}-\d{2}-\d{2}-\d{4}\.csv$", fileName);

        using var reader = new StreamReader(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal("Préfecture;Préfecture Cantal", await reader.ReadLineAsync());
        Assert.Equal("Filtres;Enquêtes mystères : toutes les campagnes", await reader.ReadLineAsync());
        Assert.StartsWith("Données arrêtées au;", await reader.ReadLineAsync(), StringComparison.Ordinal);
        Assert.Equal("", await reader.ReadLineAsync());
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        var records = csv.GetRecords<dynamic>().ToList();
        var record = Assert.Single(records);
        Assert.Equal("Appel", (string)((IDictionary<string, object>)record)["Canal"]);
        Assert.Equal("4", (string)((IDictionary<string, object>)record)["Sonneries"]);
        // Outcomes and answers in words, as on the screens: never the enum's name.
        Assert.Equal("Abouti", (string)((IDictionary<string, object>)record)["Issue"]);
        Assert.Contains("Oui", ((IDictionary<string, object>)record).Values.Cast<string>());
        Assert.DoesNotContain(((IDictionary<string, object>)record).Values.Cast<string>(), v => v is "SansObjet" or "PasDeReponse");
    }

    [Fact]
    public async Task Exports_of_another_prefecture_are_refused()
    {
        using var allier = StaffClient.For(App);
        await allier.SignInAsync(StaffTestData.Email("Qualite", "allier"), StaffTestData.Password);

        Assert.Equal(HttpStatusCode.Forbidden, (await allier.Http.GetAsync($"/resultats/export/reponses.csv?prefecture={Ids.Staff.CantalId}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await allier.Http.GetAsync($"/resultats/export/reponses.csv?campagne={Ids.CurrentCampaignId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Cantal.Http.GetAsync("/resultats/export/tout.zip")).StatusCode);
    }
}
