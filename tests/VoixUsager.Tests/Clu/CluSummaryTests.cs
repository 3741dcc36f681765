using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Clu;
using VoixUsager.Email;
using VoixUsager.Jobs;
using VoixUsager.Tests.Email;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Clu;

/// <summary>A due CLU's summary, sent by the real job through MailKit to a real SMTP server on loopback.</summary>
public sealed class CluSummaryTests : IAsyncLifetime
{
    private SmtpTestServer _smtp = null!;
    private VoixUsagerAppFactory _app = null!;
    private ResultsTestData.Ids _ids = null!;
    private int _cluId;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartNewAsync();
        _app = new VoixUsagerAppFactory { SmtpPort = _smtp.Port };
        _ids = await ResultsTestData.SeedAsync(_app);
        using var referent = StaffClient.For(_app);
        await referent.SignInAsync(StaffTestData.Email("Referent", "allier"), StaffTestData.Password);
        await referent.PostFormAsync($"/referent/appel/{_ids.Staff.CallScenarioId}", GridFields.ValidCall(_app, _ids.Staff.CallScenarioId, submit: true));
        _cluId = await _app.WithDbAsync(async db =>
        {
            var clu = new CluMeeting
            {
                PrefectureId = _ids.Staff.CantalId,
                MeetingOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10),
                Place = "Préfecture, salle Georges-Pompidou",
                DaysBefore = 15,
                CreatedAtUtc = DateTime.UtcNow,
                Members =
                [
                    new CluMember { Name = "Marie Durand", Organisation = "UFC-Que Choisir", Email = "ufc@cantal.test", ReceivesSummary = true },
                    new CluMember { Name = "Paul Martin", Organisation = "UDAF", Email = "udaf@cantal.test", ReceivesSummary = true },
                    new CluMember { Name = "Lucie Bernard", Organisation = "Défenseur des droits", Email = "dd@cantal.test", ReceivesSummary = false },
                ],
            };
            db.CluMeetings.Add(clu);
            await db.SaveChangesAsync();
            return clu.Id;
        });
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _smtp.DisposeAsync();
    }

    private async Task RunJobAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CluSummaryJob>().RunAsync(_cluId, CancellationToken.None);
    }

    private static readonly string[] ExpectedRecipients = ["qualite@cantal.test", "udaf@cantal.test", "ufc@cantal.test"];

    [Fact]
    public async Task Due_clu_sends_exactly_one_message_per_recipient_with_charts_and_workbook()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            // The daily job finds this CLU due (meeting in 10 days, summary 15 days before) and enqueues
            // one summary job; the test runs that job itself, twice, as a retry after a crash would.
            await scope.ServiceProvider.GetRequiredService<CluDueJob>().RunAsync(CancellationToken.None);
            var monitoring = scope.ServiceProvider.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
            var enqueued = monitoring.EnqueuedJobs("default", 0, 10);
            Assert.Contains(enqueued, job => job.Value.Job.Type == typeof(CluSummaryJob) && (int)job.Value.Job.Args[0] == _cluId);
        }

        await RunJobAsync();
        await RunJobAsync();

        var received = _smtp.Received();
        Assert.Equal(ExpectedRecipients, received.SelectMany(r => r.EnvelopeRecipients).Order(StringComparer.Ordinal));
        Assert.Single(received.Select(r => r.ClientPort).Distinct());
        foreach (var message in received.Select(r => r.Message))
        {
            Assert.StartsWith("CLU du ", message.Subject);
            Assert.Contains("Préfecture Cantal", message.Subject);
            Assert.Contains("Chiffres arrêtés au", message.TextBody);
            Assert.Contains("73,3 %", message.TextBody);
            Assert.Contains("Appels mystères aboutis", message.TextBody);
            var images = message.BodyParts.OfType<MimeKit.MimePart>().Where(p => p.ContentType.MediaType == "image").ToList();
            Assert.Equal(["appels", "satisfaction"], images.Select(i => i.ContentId).Order(StringComparer.Ordinal));
            Assert.All(images, i => Assert.Contains($"cid:{i.ContentId}", message.HtmlBody));
            var workbook = Assert.Single(message.Attachments.OfType<MimeKit.MimePart>());
            Assert.EndsWith(".xlsx", workbook.FileName);
            using var content = new MemoryStream();
            await workbook.Content!.DecodeToAsync(content);
            using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(content.ToArray()), false);
            Assert.Contains("Enquête", document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value));
        }

        var deliveries = await _app.WithDbAsync(db => db.CluDeliveries.ToListAsync());
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Envoye, d.Status));
        Assert.Equal(received.Select(r => r.Message.MessageId).Order(StringComparer.Ordinal), deliveries.Select(d => d.MessageId).Order(StringComparer.Ordinal));
        Assert.NotNull(await _app.WithDbAsync(db => db.CluMeetings.Select(c => c.SnapshotId).SingleAsync()));
    }

    [Fact]
    public async Task Mail_server_down_fails_visibly_then_each_recipient_gets_exactly_one_message()
    {
        await _smtp.StopAsync();

        await Assert.ThrowsAsync<EmailDeliveryException>(RunJobAsync);

        var failed = await _app.WithDbAsync(db => db.CluDeliveries.ToListAsync());
        Assert.Equal(3, failed.Count);
        Assert.All(failed, d => Assert.Equal((DeliveryStatus.Echec, 1), (d.Status, d.Attempts)));
        Assert.All(failed, d => Assert.Contains("SMTP", d.LastError));
        using (var qualite = StaffClient.For(_app))
        {
            await qualite.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);
            var page = await qualite.GetPageAsync($"/resultats/clu/{_cluId}");
            Assert.Contains("Échec, nouvel essai prévu", page.QuerySelector("main")!.TextContent);
        }

        await _smtp.StartAsync();
        await RunJobAsync();
        await RunJobAsync();

        Assert.Equal(ExpectedRecipients, _smtp.Received().SelectMany(r => r.EnvelopeRecipients).Order(StringComparer.Ordinal));
    }

    /// <summary>The preview as the CLU page frames it: the page links it, and it is a document of its own.</summary>
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PreviewAsync(StaffClient client, int cluId)
    {
        var page = await client.GetPageAsync($"/resultats/clu/{cluId}?apercu=true");
        var frame = page.QuerySelector("#apercu ~ iframe#apercu-courriel")!;
        Assert.Equal("", frame.GetAttribute("sandbox"));
        return await client.GetPageAsync(frame.GetAttribute("src")!);
    }

    [Fact]
    public async Task Preview_is_exactly_the_message_sent_with_a_policy_of_its_own_and_the_pages_access_rules()
    {
        using var qualite = StaffClient.For(_app);
        await qualite.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);
        var page = await qualite.GetPageAsync($"/resultats/clu/{_cluId}?apercu=true");
        var src = page.QuerySelector("iframe#apercu-courriel")!.GetAttribute("src")!;
        Assert.Equal($"/resultats/clu/{_cluId}?handler=Apercu", src);
        // The page itself keeps its policy: no inline style, nothing pasted from the message.
        Assert.Empty(page.QuerySelectorAll("main [style]"));

        var framed = await qualite.Http.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, framed.StatusCode);
        Assert.Equal("text/html", framed.Content.Headers.ContentType!.MediaType);
        var policy = string.Join(";", framed.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("frame-ancestors 'self'", policy);
        Assert.Contains("sandbox", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("script-src", policy);
        Assert.Matches(@"style-src 'unsafe-hashes'( 'sha256-[A-Za-z0-9+/=]{44}')+;", policy);
        Assert.Equal("SAMEORIGIN", framed.Headers.GetValues("X-Frame-Options").Single());
        var previewed = await framed.Content.ReadAsStringAsync();

        // The same message, sent: its HTML with the inline images as a mail client shows them is the preview, byte for byte.
        var sent = await qualite.PostFormAsync($"/resultats/clu/{_cluId}?handler=SendToMe", [], $"/resultats/clu/{_cluId}");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var message = Assert.Single(_smtp.Received()).Message;
        var html = message.HtmlBody!;
        var images = message.BodyParts.OfType<MimeKit.MimePart>().Where(p => p.ContentId is not null).ToList();
        Assert.NotEmpty(images);
        foreach (var image in images)
        {
            using var bytes = new MemoryStream();
            image.Content!.DecodeTo(bytes);
            html = html.Replace($"cid:{image.ContentId}\"", $"data:{image.ContentType.MimeType};base64,{Convert.ToBase64String(bytes.ToArray())}\"", StringComparison.Ordinal);
        }

        Assert.Equal(html, previewed);

        // Another préfecture's quality team is refused, and so is someone not signed in.
        using var allier = StaffClient.For(_app);
        await allier.SignInAsync(StaffTestData.Email("Qualite", "allier"), StaffTestData.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await allier.Http.GetAsync(src)).StatusCode);
        using var anonymous = StaffClient.For(_app);
        var refused = await anonymous.Http.GetAsync(src);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/connexion", refused.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Quality_team_creates_a_clu_covering_chosen_campaigns_and_bad_input_is_refused()
    {
        using var qualite = StaffClient.For(_app);
        await qualite.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);
        var date = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var count = await _app.WithDbAsync(db => db.CluMeetings.CountAsync());

        var past = await qualite.PostFormAsync("/resultats/clu", [new("MeetingOn", "2020-02-28"), new("Place", "Aurillac"), new("DaysBefore", "15")]);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        var foreign = await qualite.PostFormAsync("/resultats/clu", [new("MeetingOn", date), new("Place", "Aurillac"), new("DaysBefore", "15"), new("SurveyCampaignId", _ids.AllierCampaignId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        var tooEarly = await qualite.PostFormAsync("/resultats/clu", [new("MeetingOn", date), new("Place", "Aurillac"), new("DaysBefore", "-3")]);
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.Equal(count, await _app.WithDbAsync(db => db.CluMeetings.CountAsync()));

        var created = await qualite.PostFormAsync("/resultats/clu", [new("MeetingOn", date), new("Place", "Aurillac"), new("DaysBefore", "20"),
            new("SurveyCampaignId", _ids.PreviousCampaignId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("MysteryCampaignId", _ids.Staff.CampaignId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var clu = await _app.WithDbAsync(db => db.CluMeetings.OrderBy(c => c.Id).LastAsync());
        Assert.Equal((_ids.PreviousCampaignId, _ids.Staff.CampaignId, 20), (clu.SurveyCampaignId!.Value, clu.MysteryCampaignId!.Value, clu.DaysBefore));

        // The summary then covers the chosen (previous) campaign: 20 responses, 60 %.
        var preview = await PreviewAsync(qualite, clu.Id);
        Assert.Contains("20 réponses à l’enquête de satisfaction (Campagne 2025)", preview.Body!.TextContent);
    }

    [Fact]
    public async Task Quality_team_previews_and_sends_the_summary_to_itself()
    {
        using var qualite = StaffClient.For(_app);
        await qualite.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);

        var preview = await PreviewAsync(qualite, _cluId);
        Assert.Contains("Chiffres clés", preview.Body!.TextContent);
        Assert.StartsWith("data:image/png;base64,", preview.QuerySelector("img")!.GetAttribute("src"));

        var sent = await qualite.PostFormAsync($"/resultats/clu/{_cluId}?handler=SendToMe", [], $"/resultats/clu/{_cluId}");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(["qualite@cantal.test"], _smtp.Received().SelectMany(r => r.EnvelopeRecipients));
        Assert.Empty(await _app.WithDbAsync(db => db.CluDeliveries.ToListAsync()));

        var badMember = await qualite.PostFormAsync($"/resultats/clu/{_cluId}?handler=Member", [new("MemberName", "X"), new("MemberEmail", "pas-une-adresse")], $"/resultats/clu/{_cluId}");
        Assert.Equal(HttpStatusCode.BadRequest, badMember.StatusCode);
        Assert.Equal(3, await _app.WithDbAsync(db => db.CluMembers.CountAsync()));

        using var allier = StaffClient.For(_app);
        await allier.SignInAsync(StaffTestData.Email("Qualite", "allier"), StaffTestData.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await allier.Http.GetAsync($"/resultats/clu/{_cluId}")).StatusCode);
    }
}
