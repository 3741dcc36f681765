using System.Diagnostics;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Clu;
using VoixUsager.Clu.Documents;
using VoixUsager.Jobs;
using VoixUsager.Results;
using VoixUsager.Results.Statistics;
using VoixUsager.Tests.Email;
using VoixUsager.Tests.Infrastructure;
using Xunit.Abstractions;
using Drawing = DocumentFormat.OpenXml.Drawing;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace VoixUsager.Tests.Clu;

/// <summary>
/// A CLU's slide deck and draft minutes, downloaded from its page: valid Office files that LibreOffice
/// converts, with the numbers of the summary that was sent (the frozen snapshot).
/// </summary>
public sealed class CluDocumentsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string PreviousDecision = "Afficher les horaires du point d’accueil numérique à l’entrée";
    private const string ThisDecision = "Former deux agents au serveur vocal & <mesurer> l’attente";

    private SmtpTestServer _smtp = null!;
    private VoixUsagerAppFactory _app = null!;
    private ResultsTestData.Ids _ids = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartNewAsync();
        _app = new VoixUsagerAppFactory { SmtpPort = _smtp.Port };
        _ids = await ResultsTestData.SeedAsync(_app);
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _smtp.DisposeAsync();
    }

    private Task<int> CluAsync(int prefectureId, int daysFromToday, string place, params CluMember[] members) => _app.WithDbAsync(async db =>
    {
        var clu = new CluMeeting
        {
            PrefectureId = prefectureId, MeetingOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysFromToday), Place = place,
            DaysBefore = 15, CreatedAtUtc = DateTime.UtcNow, Members = [.. members],
        };
        db.CluMeetings.Add(clu);
        await db.SaveChangesAsync();
        return clu.Id;
    });

    [Fact]
    public async Task Deck_and_minutes_of_a_sent_clu_are_valid_and_show_the_summary_s_frozen_numbers()
    {
        using (var referent = StaffClient.For(_app))
        {
            await referent.SignInAsync(StaffTestData.Email("Referent", "allier"), StaffTestData.Password);
            await referent.PostFormAsync($"/referent/appel/{_ids.Staff.CallScenarioId}", GridFields.ValidCall(_app, _ids.Staff.CallScenarioId, submit: true));
        }

        // A suggestion retained for the committee, which a member of the public wrote with markup in it.
        await _app.WithDbAsync(async db =>
        {
            var answer = await db.SurveyAnswers.SingleAsync(a => a.Text == ResultsTestData.ScriptSuggestion);
            var reviewer = await db.Users.Where(u => u.Email == StaffTestData.Email("Qualite", "cantal")).Select(u => u.Id).SingleAsync();
            db.SuggestionReviews.Add(new SuggestionReview { AnswerId = answer.Id, RetainedForClu = true, Response = "Un guichet ouvrira à 8 h 30.", ReviewedByUserId = reviewer, ReviewedAtUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        using var quality = StaffClient.For(_app);
        await quality.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);
        var previous = await CluAsync(_ids.Staff.CantalId, -60, "Aurillac");
        var previousUrl = $"/resultats/clu/{previous}";
        Assert.Equal(HttpStatusCode.Redirect, (await quality.PostFormAsync($"{previousUrl}?handler=Decision", [new("decisionText", PreviousDecision), new("asAction", "true")], previousUrl)).StatusCode);

        var cluId = await CluAsync(_ids.Staff.CantalId, 10, "Préfecture, salle Georges-Pompidou",
            new CluMember { Name = "Marie Durand", Organisation = "UFC-Que Choisir", Email = "ufc@cantal.test" },
            new CluMember { Name = "Paul Martin", Organisation = "UDAF", Email = "udaf@cantal.test" });
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CluSummaryJob>().RunAsync(cluId, CancellationToken.None);
        }

        var url = $"/resultats/clu/{cluId}";
        Assert.Equal(HttpStatusCode.Redirect, (await quality.PostFormAsync($"{url}?handler=Decision", [new("decisionText", ThisDecision)], url)).StatusCode);
        var frozen = await _app.WithDbAsync(async db => SnapshotService.Read(await db.ResultsSnapshots.AsNoTracking().SingleAsync(s => s.Id == db.CluMeetings.Single(c => c.Id == cluId).SnapshotId)));
        var email = Assert.Single(_smtp.Received(), r => r.EnvelopeRecipients.Contains("qualite@cantal.test")).Message.TextBody!.ReplaceLineEndings("\n").Split('\n');

        // The CLU's page links to both documents.
        var page = await quality.GetPageAsync(url);
        var links = page.QuerySelectorAll("#documents-seance + p + ul a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/resultats/clu/{cluId}/documents/diaporama", $"/resultats/clu/{cluId}/documents/compterendu"], links);

        var deckResponse = await quality.Http.GetAsync(links[0]);
        Assert.Equal(HttpStatusCode.OK, deckResponse.StatusCode);
        Assert.Equal(CluDeck.ContentType, deckResponse.Content.Headers.ContentType!.MediaType);
        var deckName = deckResponse.Content.Headers.ContentDisposition!.FileNameStar ?? deckResponse.Content.Headers.ContentDisposition.FileName!;
        Assert.StartsWith($"voixusager-clu-{DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10):yyyy-MM-dd}-diaporama-prefecture", deckName);
        Assert.EndsWith(".pptx", deckName);
        var deck = await deckResponse.Content.ReadAsByteArrayAsync();

        // Valid, then the numbers: the key figures are the sent email's lines, the tables the snapshot's.
        var slides = Validate(deck, stream => PresentationDocument.Open(stream, false));
        using (var presentation = PresentationDocument.Open(new MemoryStream(deck), false))
        {
            Assert.Equal("Comité local des usagers", Texts(presentation, 0)[0]);
            Assert.Contains("Préfecture Cantal", Texts(presentation, 0));
            var keyFigures = SlideTitled(presentation, CluDocumentContent.KeyFiguresTitle);
            var expected = CluSummary.KeyFigures(frozen);
            Assert.Equal(expected, keyFigures.Skip(1).Take(expected.Count));
            Assert.All(expected, line => Assert.Contains($"- {line}", email));
            Assert.Contains(keyFigures, t => t.StartsWith($"{FrenchFormat.Count(frozen.Survey.Responses)} réponses", StringComparison.Ordinal));

            var satisfaction = TableOf(presentation, "Taux de satisfaction par question");
            var questions = frozen.Survey.Questions.Where(q => q.Scale is not null).ToList();
            Assert.Equal(questions.Count + 1, satisfaction.Count);
            for (var i = 0; i < questions.Count; i++)
            {
                var p = questions[i].Scale!.TopTwoBox;
                Assert.Equal([questions[i].Text, p.Successes.ToString(), p.Total.ToString(), FrenchFormat.Percent(p) + FrenchFormat.IndicativeSuffix(p), FrenchFormat.Interval(p)], satisfaction[i + 1]);
            }

            Assert.Contains(satisfaction, r => r[3] == "73,3 %");
            var calls = TableOf(presentation, "Conformité des appels mystères par critère");
            var measured = frozen.Mystery.Calls.Criteria.Where(c => c.Compliance.Total > 0).ToList();
            Assert.NotEmpty(measured);
            Assert.Equal(measured.Select(c => (IReadOnlyList<string>)[c.Label, c.Compliance.Successes.ToString(), c.Compliance.Total.ToString(), FrenchFormat.Percent(c.Compliance) + FrenchFormat.IndicativeSuffix(c.Compliance), FrenchFormat.Interval(c.Compliance)]),
                calls.Skip(1).Take(measured.Count));

            // Each chart is a picture beside its table; the suggestion's markup is text, not markup.
            var chartSlides = presentation.PresentationPart!.SlideParts.Where(s => s.ImageParts.Any()).ToList();
            Assert.Equal(4, chartSlides.Count);
            Assert.All(chartSlides, s => Assert.Single(s.Slide.Descendants<Drawing.Table>()));
            Assert.Contains(slides.SelectMany(s => s), t => t.Contains("<script>alert('x')</script> Plus de guichets le matin. » — Un guichet ouvrira à 8 h 30.", StringComparison.Ordinal));
            var followUp = TableOf(presentation, CluSummary.FollowUpTitle);
            Assert.Equal([CluSectionTexts.Action, PreviousDecision, "À réaliser", VoixUsager.ActionPlan.ActionPlanLabels.Unassigned, CluSectionTexts.NoDueDate], followUp[1]);
        }

        // A response arriving after the freeze changes neither the deck's figures nor the summary's.
        await _app.WithDbAsync(async db =>
        {
            var model = await db.SurveyResponses.AsNoTracking().Include(r => r.Answers).Where(r => r.CampaignId == _ids.CurrentCampaignId).FirstAsync();
            db.SurveyResponses.Add(new VoixUsager.Surveys.SurveyResponse
            {
                CampaignId = model.CampaignId, SiteId = model.SiteId, QuestionnaireVersionId = model.QuestionnaireVersionId, Channel = model.Channel,
                SubmissionId = Guid.NewGuid(), SubmittedAtUtc = DateTime.UtcNow,
                Answers = model.Answers.Select(a => new VoixUsager.Surveys.SurveyAnswer { QuestionId = a.QuestionId, OptionId = a.OptionId, Text = a.Text }).ToList(),
            });
            return await db.SaveChangesAsync();
        });
        var again = await quality.Http.GetByteArrayAsync(links[0]);
        Assert.Equal(slides, Validate(again, stream => PresentationDocument.Open(stream, false)));

        var minutesResponse = await quality.Http.GetAsync(links[1]);
        Assert.Equal(HttpStatusCode.OK, minutesResponse.StatusCode);
        Assert.Equal(CluMinutes.ContentType, minutesResponse.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".docx", minutesResponse.Content.Headers.ContentDisposition!.FileNameStar ?? minutesResponse.Content.Headers.ContentDisposition.FileName!);
        var minutes = await minutesResponse.Content.ReadAsByteArrayAsync();
        Validate(minutes, stream => WordprocessingDocument.Open(stream, false));
        using (var word = WordprocessingDocument.Open(new MemoryStream(minutes), false))
        {
            var body = word.MainDocumentPart!.Document.Body!;
            var headings = body.Elements<Word.Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
            Assert.Equal(CluMinutes.PresenceTitle, headings[0]);
            Assert.Equal(CluMinutes.AgendaTitle, headings[1]);
            Assert.Contains($"3. {CluDocumentContent.MysteryTitle}", headings);
            Assert.Equal([CluMinutes.DecisionsTitle, CluMinutes.AnnexTitle], headings.TakeLast(2));
            Assert.Contains("Préfecture Cantal – Comité local des usagers du ", word.MainDocumentPart.HeaderParts.Single().Header.InnerText);
            var paragraphs = body.Descendants<Word.Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Contains(CluMinutes.InvitedTitle, paragraphs);
            Assert.Contains("Marie Durand – UFC-Que Choisir", paragraphs);
            Assert.Equal(CluSummary.KeyFigures(frozen), paragraphs.SkipWhile(p => p != $"1. {CluDocumentContent.KeyFiguresTitle}").Skip(1).Take(CluSummary.KeyFigures(frozen).Count));
            var tables = body.Elements<Word.Table>().Select(t => t.Elements<Word.TableRow>().Select(r => r.Elements<Word.TableCell>().Select(c => c.InnerText).ToList()).ToList()).ToList();
            Assert.Contains(tables, t => t[0].SequenceEqual(["N°", "Décision", "Nature", "Suite"]) && t.Count == 2 && t[1].SequenceEqual(["1", ThisDecision, CluSectionTexts.Note, "–"]));
            Assert.Contains(tables, t => t.Skip(1).Any(r => r.SequenceEqual([CluSectionTexts.Action, PreviousDecision, "À réaliser", VoixUsager.ActionPlan.ActionPlanLabels.Unassigned, CluSectionTexts.NoDueDate])));
            // Satisfaction, distribution, the trend over the two campaigns, the calls (no mystery email).
            Assert.Equal(4, word.MainDocumentPart.ImageParts.Count());
            Assert.All(body.Elements<Word.Table>(), t => Assert.Equal("TableauVoixUsager", t.GetFirstChild<Word.TableProperties>()!.TableStyle!.Val!.Value));
        }

        await ConvertWithLibreOfficeAsync(deck, "pptx");
        await ConvertWithLibreOfficeAsync(minutes, "docx");
    }

    [Fact]
    public async Task A_clu_without_responses_or_mystery_calls_still_has_its_deck_and_minutes()
    {
        // Allier has a campaign but no response, and no préfecture phoned or wrote to it.
        var cluId = await CluAsync(_ids.Staff.AllierId, 20, "Moulins");
        CluFigures data;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            data = await scope.ServiceProvider.GetRequiredService<CluSummaryJob>().FiguresForAsync(cluId, CancellationToken.None);
        }

        Assert.False(data.Frozen);
        var content = CluDocumentContent.Build(data);
        var deck = CluDeck.Build(content);
        var texts = Validate(deck, stream => PresentationDocument.Open(stream, false)).SelectMany(s => s).ToList();
        Assert.Contains(CluDocumentContent.NoSurveyResponse, texts);
        Assert.Contains(CluDocumentContent.NoMystery, texts);
        Assert.Contains(CluDocumentContent.NoSuggestionRetained, texts);
        Assert.Contains(CluSectionTexts.NoPreviousClu, texts);
        Assert.Contains("Appels mystères : aucun", texts);
        Assert.Contains(texts, t => t.StartsWith("Chiffres provisoires, calculés le ", StringComparison.Ordinal));
        using (var presentation = PresentationDocument.Open(new MemoryStream(deck), false))
        {
            Assert.DoesNotContain(presentation.PresentationPart!.SlideParts, s => s.ImageParts.Any());
        }

        var minutes = CluMinutes.Build(content, [], CluAgenda.Default(content), []);
        var paragraphs = Validate(minutes, stream => WordprocessingDocument.Open(stream, false)).SelectMany(s => s).ToList();
        Assert.Contains(CluMinutes.NoDecision, paragraphs);
        Assert.Contains(CluDocumentContent.NoMystery, paragraphs);
        await ConvertWithLibreOfficeAsync(deck, "pptx");
    }

    [Fact]
    public async Task Presence_list_groups_present_represented_and_excused_by_site_when_several_meet()
    {
        var cluId = await CluAsync(_ids.Staff.AllierId, 20, "Moulins");
        await using var scope = _app.Services.CreateAsyncScope();
        var content = CluDocumentContent.Build(await scope.ServiceProvider.GetRequiredService<CluSummaryJob>().FiguresForAsync(cluId, CancellationToken.None));
        var minutes = CluMinutes.Build(content,
        [
            new("Anne Préfète", "secrétaire générale", null, "Préfecture de l’Allier", CluAttendance.Present, null),
            new("Marc Dupuis", null, "UDAF", "Sous-préfecture de Vichy", CluAttendance.Present, null),
            new("Lucie Bernard", null, "Défenseur des droits", "Préfecture de l’Allier", CluAttendance.Excuse, null),
            new("Jean Roy", "président", "CCI", "Sous-préfecture de Vichy", CluAttendance.Represente, "Léa Roy"),
        ], [new("Accueil des nouveaux membres"), new("Résultats de l’enquête", CluDocumentPart.Survey)], []);
        Validate(minutes, stream => WordprocessingDocument.Open(stream, false));
        using var word = WordprocessingDocument.Open(new MemoryStream(minutes), false);
        var lines = word.MainDocumentPart!.Document.Body!.Elements<Word.Paragraph>()
            .Select(p => $"{p.ParagraphProperties?.ParagraphStyleId?.Val?.Value}: {p.InnerText}").ToList();
        var presence = lines.SkipWhile(l => l != $"Heading1: {CluMinutes.PresenceTitle}").Skip(1).TakeWhile(l => !l.StartsWith("Heading1", StringComparison.Ordinal)).ToList();
        Assert.Equal(
        [
            "Heading2: Présents", "Heading3: Préfecture de l’Allier", "ListBullet: Anne Préfète, secrétaire générale",
            "Heading3: Sous-préfecture de Vichy", "ListBullet: Marc Dupuis – UDAF",
            "Heading2: Représentés", "Heading3: Sous-préfecture de Vichy", "ListBullet: Jean Roy, président – CCI, représenté(e) par Léa Roy",
            "Heading2: Excusés", "Heading3: Préfecture de l’Allier", "ListBullet: Lucie Bernard – Défenseur des droits",
        ], presence);

        // The agenda's own items are headings; the figures no item presents follow them.
        Assert.Contains("Heading1: 1. Accueil des nouveaux membres", lines);
        Assert.Contains("Heading1: 2. Résultats de l’enquête", lines);
        Assert.Contains($"Heading1: {CluMinutes.OtherFiguresTitle}", lines);
        Assert.Contains($"Heading2: {CluDocumentContent.MysteryTitle}", lines);
        Assert.DoesNotContain($"Heading2: {CluDocumentContent.SurveyTitle}", lines);
    }

    [Fact]
    public async Task Documents_are_refused_for_another_prefecture_s_clu_and_unknown_for_no_clu()
    {
        var cluId = await CluAsync(_ids.Staff.CantalId, 10, "Aurillac");
        using var allier = StaffClient.For(_app);
        await allier.SignInAsync(StaffTestData.Email("Qualite", "allier"), StaffTestData.Password);
        foreach (var handler in new[] { "Diaporama", "CompteRendu" })
        {
            // As the CLU's page: 403 for another préfecture's CLU, 404 for none.
            Assert.Equal(HttpStatusCode.Forbidden, (await allier.Http.GetAsync($"/resultats/clu/{cluId}/documents/{handler}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await allier.Http.GetAsync($"/resultats/clu/{cluId + 1000}/documents/{handler}")).StatusCode);
        }

        using var anonymous = StaffClient.For(_app);
        var response = await anonymous.Http.GetAsync($"/resultats/clu/{cluId}/documents/Diaporama");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/connexion", response.Headers.Location!.OriginalString);
        Assert.False(await _app.WithDbAsync(db => db.CluMeetings.AnyAsync(c => c.Id == cluId && c.SnapshotId != null)));
    }

    /// <summary>Validates the package and returns each slide's (or the document's) paragraphs.</summary>
    private List<List<string>> Validate<T>(byte[] file, Func<Stream, T> open) where T : OpenXmlPackage
    {
        using var package = open(new MemoryStream(file));
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(package).ToList();
        foreach (var error in errors.Take(20))
        {
            output.WriteLine($"{error.Part?.Uri} {error.Path?.XPath}: {error.Description}");
        }

        Assert.Empty(errors);
        return package switch
        {
            PresentationDocument presentation => presentation.PresentationPart!.Presentation.SlideIdList!.Elements<DocumentFormat.OpenXml.Presentation.SlideId>()
                .Select(id => ((SlidePart)presentation.PresentationPart.GetPartById(id.RelationshipId!)).Slide.Descendants<Drawing.Paragraph>().Select(p => p.InnerText).ToList()).ToList(),
            WordprocessingDocument word => [word.MainDocumentPart!.Document.Body!.Descendants<Word.Paragraph>().Select(p => p.InnerText).ToList()],
            _ => [],
        };
    }

    private static IEnumerable<SlidePart> Slides(PresentationDocument presentation) =>
        presentation.PresentationPart!.Presentation.SlideIdList!.Elements<DocumentFormat.OpenXml.Presentation.SlideId>()
            .Select(id => (SlidePart)presentation.PresentationPart.GetPartById(id.RelationshipId!));

    private static List<string> Texts(PresentationDocument presentation, int index) =>
        Slides(presentation).ElementAt(index).Slide.Descendants<Drawing.Paragraph>().Select(p => p.InnerText).ToList();

    private static List<string> SlideTitled(PresentationDocument presentation, string title) =>
        Slides(presentation).Select(s => s.Slide.Descendants<Drawing.Paragraph>().Select(p => p.InnerText).ToList()).First(t => t[0] == title);

    /// <summary>The native table of the first slide with that title, row by row.</summary>
    private static List<IReadOnlyList<string>> TableOf(PresentationDocument presentation, string title) =>
        Slides(presentation).First(s => s.Slide.Descendants<Drawing.Paragraph>().First().InnerText == title).Slide.Descendants<Drawing.Table>().Single()
            .Elements<Drawing.TableRow>().Select(r => (IReadOnlyList<string>)r.Elements<Drawing.TableCell>().Select(c => c.InnerText).ToList()).ToList();

    /// <summary>
    /// LibreOffice headless opens the file and writes it as PDF: it fails on a package it cannot read.
    /// infra/test.sh installs it; a machine without it says so in the test's output.
    /// </summary>
    private async Task ConvertWithLibreOfficeAsync(byte[] file, string extension)
    {
        const string soffice = "/usr/bin/soffice";
        if (!File.Exists(soffice))
        {
            output.WriteLine($"LibreOffice absent ({soffice}): the {extension} file was not converted.");
            return;
        }

        var work = Directory.CreateTempSubdirectory("voixusager-soffice-");
        try
        {
            var input = Path.Combine(work.FullName, $"document.{extension}");
            await File.WriteAllBytesAsync(input, file);
            var start = new ProcessStartInfo(soffice)
            {
                ArgumentList = { $"-env:UserInstallation=file://{work.FullName}/profil", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work.FullName, input },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            output.WriteLine($"soffice {extension}: {await stdout} {await stderr}");
            Assert.Equal(0, process.ExitCode);
            var pdf = await File.ReadAllBytesAsync(Path.Combine(work.FullName, "document.pdf"));
            Assert.True(pdf.Length > 1000 && pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8), $"{extension}: {pdf.Length} bytes of PDF");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
