using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Clu;
using VoixUsager.Jobs;
using VoixUsager.Register;
using VoixUsager.Results;
using VoixUsager.Tests.Email;
using VoixUsager.Tests.Infrastructure;
using VoixUsager.Web.Pages.Clu;

namespace VoixUsager.Tests.Clu;

/// <summary>
/// Before and after the CLU: the agenda, the invitation through real SMTP with a calendar file a real
/// iCalendar parser reads, the members' one-time answer links, the answers set by the team, the
/// documents and the signed minutes.
/// </summary>
public sealed partial class CluMeetingKitTests : IAsyncLifetime
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

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

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private Task<int> CluAsync(int prefectureId, DateOnly meetingOn, string place = "Préfecture du Cantal, salle des fêtes") => _app.WithDbAsync(async db =>
    {
        var clu = new CluMeeting { PrefectureId = prefectureId, MeetingOn = meetingOn, Place = place, CreatedAtUtc = DateTime.UtcNow };
        db.CluMeetings.Add(clu);
        await db.SaveChangesAsync();
        return clu.Id;
    });

    private Task<int> MemberAsync(int cluId, string name, string email) => _app.WithDbAsync(async db =>
    {
        var member = new CluMember { CluMeetingId = cluId, Name = name, Email = email };
        db.CluMembers.Add(member);
        await db.SaveChangesAsync();
        return member.Id;
    });

    private async Task<StaffClient> QualityAsync(string prefecture = "cantal")
    {
        var client = StaffClient.For(_app);
        await client.SignInAsync(StaffTestData.Email("Qualite", prefecture), StaffTestData.Password);
        return client;
    }

    private static string Url(int cluId, string? handler = null) => handler is null ? $"/resultats/clu/{cluId}" : $"/resultats/clu/{cluId}?handler={handler}";

    private static async Task<HttpResponseMessage> UploadAsync(StaffClient client, int cluId, string handler, string field, string fileName, byte[] content, string? destination = null)
    {
        var page = await client.GetPageAsync(Url(cluId));
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        if (destination is not null)
        {
            form.Add(new StringContent(destination), "destination");
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, field, fileName);
        return await client.Http.PostAsync(Url(cluId, handler), form);
    }

    private static async Task<string> ErrorTextAsync(HttpResponseMessage response) =>
        string.Join(" | ", StaffClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelectorAll(".fr-alert--error, .fr-error-text").Select(e => e.TextContent.Trim()));

    [Fact]
    public async Task The_invitation_arrives_by_smtp_with_a_calendar_file_that_parses_and_a_link_that_answers_once_for_its_member_only()
    {
        var cluId = await CluAsync(_ids.Staff.CantalId, Today.AddDays(30));
        using var quality = await QualityAsync();

        // Refused until the meeting has a time.
        var early = await quality.PostFormAsync(Url(cluId, "Invitation"), []);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("heure du comité", await ErrorTextAsync(early), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await quality.PostFormAsync(Url(cluId, "Horaire"),
            [new("StartsAt", "14:30"), new("DurationMinutes", "90"), new("VideoLink", "https://webconf.numerique.gouv.fr/clu-cantal")])).StatusCode);
        foreach (var (name, function, organisation, email, site) in new[]
                 {
                     ("Jeanne Martin", "Présidente", "UFC-Que Choisir", "jeanne.martin@ufc.test", ""),
                     ("Paul Durand", "Délégué", "Défenseur des droits", "paul.durand@ddd.test", "Sous-préfecture de Mauriac"),
                 })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await quality.PostFormAsync(Url(cluId, "Member"),
                [new("MemberName", name), new("MemberFunction", function), new("MemberOrganisation", organisation), new("MemberEmail", email), new("MemberSite", site), new("MemberReceivesSummary", "true")])).StatusCode);
        }

        foreach (var (title, section) in new[] { ("Accueil par le secrétaire général", ""), ("Résultats de l’enquête, 2026 ; analyse", nameof(VoixUsager.Clu.Documents.CluDocumentPart.Survey)), ("Plan d’actions", nameof(VoixUsager.Clu.Documents.CluDocumentPart.Plan)) })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await quality.PostFormAsync(Url(cluId, "OrdreDuJour"), [new("AgendaTitle", title), new("AgendaSection", section)])).StatusCode);
        }

        // The plan comes before the results: moved up one step, without script.
        var planId = await _app.WithDbAsync(db => db.CluAgendaItems.Where(i => i.CluMeetingId == cluId && i.Title == "Plan d’actions").Select(i => i.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await quality.PostFormAsync(Url(cluId, "DeplacerPoint"), [new("itemId", planId.ToString(CultureInfo.InvariantCulture)), new("sens", "haut")])).StatusCode);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.Equal(["Accueil par le secrétaire général", "Plan d’actions", "Résultats de l’enquête, 2026 ; analyse"],
                await scope.ServiceProvider.GetRequiredService<CluMeetingKitService>().AgendaTitlesAsync(cluId, CancellationToken.None));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(quality, cluId, "Piece", "piece", "referentiel-marianne.pdf", Pdf)).StatusCode);
        var queued = await quality.PostFormAsync(Url(cluId, "Invitation"), []);
        Assert.Equal(HttpStatusCode.Redirect, queued.StatusCode);

        // Run twice, as Hangfire may: each member receives one invitation.
        for (var run = 0; run < 2; run++)
        {
            await using var scope = _app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CluInvitationJob>().RunAsync(cluId, CancellationToken.None);
        }

        var received = _smtp.Received();
        Assert.Equal(2, received.Count);
        var jeanne = Assert.Single(received, r => r.EnvelopeRecipients.Contains("jeanne.martin@ufc.test")).Message;
        var paul = Assert.Single(received, r => r.EnvelopeRecipients.Contains("paul.durand@ddd.test")).Message;
        Assert.All(await _app.WithDbAsync(db => db.CluInvitationDeliveries.Where(d => d.CluMeetingId == cluId).ToListAsync()), d =>
        {
            Assert.Equal(DeliveryStatus.Envoye, d.Status);
            Assert.Equal(1, d.Attempts);
        });

        // The calendar file, read by a real iCalendar parser.
        var ics = jeanne.Attachments.OfType<MimeKit.MimePart>().Single(p => p.FileName == "comite.ics");
        Assert.Equal("text/calendar", ics.ContentType.MimeType);
        using var icsBytes = new MemoryStream();
        ics.Content!.DecodeTo(icsBytes);
        var raw = Encoding.UTF8.GetString(icsBytes.ToArray());
        Assert.All(raw.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Line longer than 75 octets: {line}"));
        Assert.DoesNotContain('\n', raw.Replace("\r\n", "", StringComparison.Ordinal));
        var calendar = Ical.Net.Calendar.Load(raw)!;
        var meeting = Assert.Single(calendar.Events);
        Assert.Equal("Europe/Paris", meeting.DtStart!.TzId);
        var start = Today.AddDays(30).ToDateTime(new TimeOnly(14, 30));
        Assert.Equal(start, meeting.DtStart.Value);
        Assert.Equal(start.AddMinutes(90), meeting.DtEnd!.Value);
        var parisOffset = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris").GetUtcOffset(start);
        Assert.Equal(start - parisOffset, meeting.DtStart.AsUtc);
        Assert.Equal("Préfecture du Cantal, salle des fêtes", meeting.Location);
        Assert.Contains("Comité local des usagers", meeting.Summary, StringComparison.Ordinal);
        Assert.Equal(
            "Ordre du jour :\n1. Accueil par le secrétaire général\n2. Plan d’actions (chiffres présentés : Avancement du plan d’actions)\n"
            + "3. Résultats de l’enquête, 2026 ; analyse (chiffres présentés : Enquête de satisfaction)\nVisioconférence : https://webconf.numerique.gouv.fr/clu-cantal",
            meeting.Description!.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Contains(jeanne.Attachments.OfType<MimeKit.MimePart>(), p => p.FileName == "referentiel-marianne.pdf");
        Assert.Contains("de 14 h 30 à 16 h 00", jeanne.TextBody, StringComparison.Ordinal);

        var jeanneLink = AnswerLink(jeanne.TextBody!);
        var paulLink = AnswerLink(paul.TextBody!);
        var jeanneId = int.Parse(jeanneLink.Split('/')[3], CultureInfo.InvariantCulture);
        var paulId = int.Parse(paulLink.Split('/')[3], CultureInfo.InvariantCulture);
        Assert.NotEqual(jeanneLink, paulLink);

        using var visitor = StaffClient.For(_app);
        // Opening the link (as a mail scanner would) records nothing: it shows the name and the three answers.
        var opened = await visitor.GetPageAsync(jeanneLink);
        Assert.Equal("Jeanne Martin", opened.QuerySelector("#nom-membre")?.TextContent);
        Assert.Equal(3, opened.QuerySelectorAll("main form button[name=Attendance]").Length);
        Assert.Null(await AttendanceAsync(jeanneId));

        // Jeanne's token on Paul's address: refused, Paul's answer untouched.
        var jeanneToken = jeanneLink.Split('/')[4];
        var crossed = await visitor.PostFormAsync($"/clu/reponse/{paulId}/{jeanneToken}", [new("Attendance", "Excuse")], formPage: jeanneLink);
        Assert.Equal(HttpStatusCode.BadRequest, crossed.StatusCode);
        Assert.Contains(ReponseModel.InvalidLinkMessage, await ErrorTextAsync(crossed), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.Http.GetAsync($"/clu/reponse/{paulId}/{jeanneToken}")).StatusCode);

        // A token altered by one character: refused.
        var tampered = jeanneToken[..10] + (jeanneToken[10] == 'A' ? 'B' : 'A') + jeanneToken[11..];
        var altered = await visitor.PostFormAsync($"/clu/reponse/{jeanneId}/{tampered}", [new("Attendance", "Present")], formPage: jeanneLink);
        Assert.Equal(HttpStatusCode.BadRequest, altered.StatusCode);
        Assert.Contains(ReponseModel.InvalidLinkMessage, await ErrorTextAsync(altered), StringComparison.Ordinal);
        Assert.Null(await AttendanceAsync(jeanneId));

        // An expired token: refused with its own message.
        string expired;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            expired = scope.ServiceProvider.GetRequiredService<CluAttendanceLinks>().TokenFor(cluId, paulId, DateTime.UtcNow.AddMinutes(-1));
        }

        var late = await visitor.PostFormAsync($"/clu/reponse/{paulId}/{expired}", [new("Attendance", "Present")], formPage: jeanneLink);
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Contains("a expiré", await ErrorTextAsync(late), StringComparison.Ordinal);
        Assert.Null(await AttendanceAsync(paulId));

        // Represented needs the representative's name.
        var unnamed = await visitor.PostFormAsync(paulLink, [new("Attendance", "Represente"), new("RepresentedBy", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Contains("nom de la personne", await ErrorTextAsync(unnamed), StringComparison.Ordinal);
        Assert.Null(await AttendanceAsync(paulId));

        // Jeanne answers: recorded once; a second answer is refused and the first kept.
        var answered = await visitor.PostFormAsync(jeanneLink, [new("Attendance", "Present")]);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("votre réponse est enregistrée", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((CluAttendance.Present, true), await AttendanceAsync(jeanneId));
        var again = await visitor.PostFormAsync(jeanneLink, [new("Attendance", "Excuse")], formPage: paulLink);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains(CluMeetingKitService.AlreadyAnsweredMessage, await ErrorTextAsync(again), StringComparison.Ordinal);
        Assert.Equal((CluAttendance.Present, true), await AttendanceAsync(jeanneId));
        var reopened = await visitor.GetPageAsync(jeanneLink);
        Assert.Contains("déjà enregistrée", reopened.QuerySelector("#reponse-enregistree")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(reopened.QuerySelectorAll("main form button[name=Attendance]"));

        Assert.Equal(HttpStatusCode.OK, (await visitor.PostFormAsync(paulLink, [new("Attendance", "Represente"), new("RepresentedBy", "Anne Petit")])).StatusCode);

        // The presence list the minutes will show.
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var presence = await scope.ServiceProvider.GetRequiredService<CluMeetingKitService>().PresenceListAsync(cluId, CancellationToken.None);
            Assert.Equal(
                [
                    new CluPresenceLine("Jeanne Martin", "Présidente", "UFC-Que Choisir", null, CluAttendance.Present, null),
                    new CluPresenceLine("Paul Durand", "Délégué", "Défenseur des droits", "Sous-préfecture de Mauriac", CluAttendance.Represente, "Anne Petit"),
                ],
                presence);
        }

        var page = await quality.GetPageAsync(Url(cluId));
        var rows = page.QuerySelectorAll("#table-presences tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Jeanne Martin", StringComparison.Ordinal) && r.Contains("Présent", StringComparison.Ordinal) && r.Contains("par le membre", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Paul Durand", StringComparison.Ordinal) && r.Contains("Représenté par Anne Petit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_copies_of_the_invitation_job_at_once_send_each_member_one_invitation()
    {
        var cluId = await CluAsync(_ids.Staff.CantalId, Today.AddDays(15));
        foreach (var n in Enumerable.Range(1, 4))
        {
            await MemberAsync(cluId, $"Membre {n}", $"membre{n}@association.test");
        }

        await _app.WithDbAsync(db => db.CluMeetings.Where(c => c.Id == cluId).ExecuteUpdateAsync(s => s.SetProperty(c => c.StartsAt, new TimeOnly(9, 30))));
        async Task RunAsync()
        {
            await using var scope = _app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CluInvitationJob>().RunAsync(cluId, CancellationToken.None);
        }

        await Task.WhenAll(Task.Run(RunAsync), Task.Run(RunAsync));
        await RunAsync();

        var received = _smtp.Received();
        Assert.Equal(4, received.Count);
        Assert.Equal(4, received.SelectMany(r => r.EnvelopeRecipients).Distinct().Count());
        var deliveries = await _app.WithDbAsync(db => db.CluInvitationDeliveries.Where(d => d.CluMeetingId == cluId).ToListAsync());
        Assert.Equal(4, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Envoye, 1), (d.Status, d.Attempts)));
    }

    private static string AnswerLink(string text)
    {
        var match = AnswerLinkPattern().Match(text);
        Assert.True(match.Success, text);
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+/clu/reponse/\d+/\S+")]
    private static partial Regex AnswerLinkPattern();

    private Task<(CluAttendance, bool)?> AttendanceAsync(int memberId) => _app.WithDbAsync(async db =>
    {
        var member = await db.CluMembers.AsNoTracking().SingleAsync(m => m.Id == memberId);
        return member.Attendance is { } status ? ((CluAttendance, bool)?)(status, member.AttendanceByMember) : null;
    });

    [Fact]
    public async Task The_team_sets_answers_by_hand_and_every_form_refuses_bad_input_with_a_french_message()
    {
        var cluId = await CluAsync(_ids.Staff.CantalId, Today.AddDays(20));
        var memberId = await MemberAsync(cluId, "Claire Roux", "claire.roux@udaf.test");
        var allierClu = await CluAsync(_ids.Staff.AllierId, Today.AddDays(20), "Préfecture de l’Allier");
        var allierMember = await MemberAsync(allierClu, "Marc Allier", "marc@allier.test");
        using var quality = await QualityAsync();
        var id = memberId.ToString(CultureInfo.InvariantCulture);

        var unnamed = await quality.PostFormAsync(Url(cluId, "Presence"), [new("memberId", id), new("Attendance", "Represente"), new("RepresentedBy", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Contains("nom de la personne", await ErrorTextAsync(unnamed), StringComparison.Ordinal);
        var unknown = await quality.PostFormAsync(Url(cluId, "Presence"), [new("memberId", id), new("Attendance", "Peutetre"), new("RepresentedBy", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Choisissez une réponse de la liste", await ErrorTextAsync(unknown), StringComparison.Ordinal);
        Assert.Null(await AttendanceAsync(memberId));

        Assert.Equal(HttpStatusCode.Redirect, (await quality.PostFormAsync(Url(cluId, "Presence"), [new("memberId", id), new("Attendance", "Represente"), new("RepresentedBy", "Luc Roux")])).StatusCode);
        Assert.Equal((CluAttendance.Represente, false), await AttendanceAsync(memberId));
        Assert.Equal(HttpStatusCode.Redirect, (await quality.PostFormAsync(Url(cluId, "Presence"), [new("memberId", id), new("Attendance", "Excuse"), new("RepresentedBy", "Luc Roux")])).StatusCode);
        Assert.Equal((CluAttendance.Excuse, false), await AttendanceAsync(memberId));
        Assert.Null(await _app.WithDbAsync(db => db.CluMembers.Where(m => m.Id == memberId).Select(m => m.RepresentedBy).SingleAsync()));
        Assert.Contains(await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "clu.presence-saisie").Select(a => a.Details).ToListAsync()),
            d => d == "claire.roux@udaf.test : Excusé");

        // Another préfecture's member through this CLU: not found; another préfecture's CLU: forbidden.
        Assert.Equal(HttpStatusCode.NotFound, (await quality.PostFormAsync(Url(cluId, "Presence"),
            [new("memberId", allierMember.ToString(CultureInfo.InvariantCulture)), new("Attendance", "Present"), new("RepresentedBy", "")])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await quality.PostFormAsync(Url(allierClu, "Presence"),
            [new("memberId", allierMember.ToString(CultureInfo.InvariantCulture)), new("Attendance", "Present"), new("RepresentedBy", "")], formPage: Url(cluId))).StatusCode);
        Assert.Null(await AttendanceAsync(allierMember));

        foreach (var (fields, expected) in new (KeyValuePair<string, string>[], string)[]
                 {
                     ([new("StartsAt", ""), new("DurationMinutes", "90"), new("VideoLink", "")], "heure de début"),
                     ([new("StartsAt", "25:00"), new("DurationMinutes", "90"), new("VideoLink", "")], "heure de début"),
                     ([new("StartsAt", "14:00"), new("DurationMinutes", "0"), new("VideoLink", "")], "durée du comité"),
                     ([new("StartsAt", "14:00"), new("DurationMinutes", "90"), new("VideoLink", "http://visio.example.fr/clu")], "adresse https"),
                     ([new("StartsAt", "14:00"), new("DurationMinutes", "90"), new("VideoLink", "javascript:alert(1)")], "adresse https"),
                     ([new("StartsAt", "14:00"), new("DurationMinutes", "90"), new("VideoLink", "https://" + new string('v', 600))], "500"),
                 })
        {
            var response = await quality.PostFormAsync(Url(cluId, "Horaire"), fields);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(expected, await ErrorTextAsync(response), StringComparison.Ordinal);
        }

        Assert.Null(await _app.WithDbAsync(db => db.CluMeetings.Where(c => c.Id == cluId).Select(c => c.StartsAt).SingleAsync()));

        foreach (var (fields, expected) in new (KeyValuePair<string, string>[], string)[]
                 {
                     ([new("AgendaTitle", " "), new("AgendaSection", "")], "Indiquez l’intitulé"),
                     ([new("AgendaTitle", new string('x', 301)), new("AgendaSection", "")], "300 caractères"),
                     ([new("AgendaTitle", "Divers"), new("AgendaSection", "Inconnue")], "Choisissez une partie"),
                     ([new("AgendaTitle", "Divers"), new("AgendaSection", "3")], "Choisissez une partie"),
                 })
        {
            var response = await quality.PostFormAsync(Url(cluId, "OrdreDuJour"), fields);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(expected, await ErrorTextAsync(response), StringComparison.Ordinal);
        }

        Assert.Equal(0, await _app.WithDbAsync(db => db.CluAgendaItems.CountAsync(i => i.CluMeetingId == cluId)));
    }

    [Fact]
    public async Task A_member_is_corrected_for_the_minutes_and_the_address_stops_changing_once_the_list_is_closed()
    {
        var cluId = await CluAsync(_ids.Staff.CantalId, Today.AddDays(20));
        var memberId = await MemberAsync(cluId, "Claire Roux", "claire.roux@udaf.test");
        await MemberAsync(cluId, "Paul Martin", "paul.martin@udaf.test");
        var allierClu = await CluAsync(_ids.Staff.AllierId, Today.AddDays(20), "Préfecture de l’Allier");
        var allierMember = await MemberAsync(allierClu, "Marc Allier", "marc@allier.test");
        using var quality = await QualityAsync();
        var page = $"/resultats/clu/{cluId}/membres/{memberId}";

        // The presence list leads to the form.
        Assert.Contains(page, (await quality.GetPageAsync(Url(cluId))).QuerySelectorAll("#table-presences a").Select(a => a.GetAttribute("href")));

        KeyValuePair<string, string>[] Fields(string name, string email, string function = "", string site = "", bool summary = true) =>
            [new("MemberName", name), new("MemberOrganisation", "UDAF du Cantal"), new("MemberEmail", email), new("MemberFunction", function), new("MemberSite", site),
             .. summary ? new KeyValuePair<string, string>[] { new("MemberReceivesSummary", "true") } : []];

        var blank = await quality.PostFormAsync(page, Fields("", "claire.roux@udaf.test"));
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("Indiquez le nom du membre", await ErrorTextAsync(blank), StringComparison.Ordinal);
        var taken = await quality.PostFormAsync(page, Fields("Claire Roux", "paul.martin@udaf.test"));
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("Un autre membre a déjà cette adresse", await ErrorTextAsync(taken), StringComparison.Ordinal);
        var oversized = await quality.PostFormAsync(page, Fields("Claire Roux", "claire.roux@udaf.test", new string('x', 4001)));
        Assert.Equal(HttpStatusCode.BadRequest, oversized.StatusCode);
        Assert.Contains("La fonction compte", await ErrorTextAsync(oversized), StringComparison.Ordinal);
        Assert.Null(await _app.WithDbAsync(db => db.CluMembers.Where(m => m.Id == memberId).Select(m => m.Function).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await quality.PostFormAsync(page, Fields("Claire Roux-Martin", "c.roux@udaf.test", "Présidente", "Saint-Flour", summary: false))).StatusCode);
        var saved = await _app.WithDbAsync(db => db.CluMembers.AsNoTracking().SingleAsync(m => m.Id == memberId));
        Assert.Equal(("Claire Roux-Martin", "c.roux@udaf.test", "Présidente", "Saint-Flour", false), (saved.Name, saved.Email, saved.Function, saved.Site, saved.ReceivesSummary));
        Assert.Contains(await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "clu.membre-modifie").Select(a => a.Details).ToListAsync()),
            d => d!.Contains("Claire Roux ;", StringComparison.Ordinal) && d.Contains("→ Claire Roux-Martin ; Présidente", StringComparison.Ordinal));

        // After the meeting the address and the summary choice are the record of who received what;
        // the function and the site still change, for the minutes.
        await _app.WithDbAsync(db => db.CluMeetings.Where(c => c.Id == cluId).ExecuteUpdateAsync(set => set.SetProperty(c => c.MeetingOn, Today.AddDays(-2))));
        var moved = await quality.PostFormAsync(page, Fields("Claire Roux-Martin", "claire@ailleurs.test", "Présidente", "Saint-Flour", summary: false));
        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode);
        Assert.Contains(CluService.ClosedContactMessage, await ErrorTextAsync(moved), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await quality.PostFormAsync(page, Fields("Claire Roux-Martin", "c.roux@udaf.test", "Vice-présidente", "Aurillac", summary: false))).StatusCode);
        Assert.Equal(("c.roux@udaf.test", "Vice-présidente", "Aurillac"), await _app.WithDbAsync(db => db.CluMembers.Where(m => m.Id == memberId).Select(m => new ValueTuple<string, string?, string?>(m.Email, m.Function, m.Site)).SingleAsync()));

        // Another préfecture's member, through this CLU or its own: never reached.
        Assert.Equal(HttpStatusCode.NotFound, (await quality.Http.GetAsync($"/resultats/clu/{cluId}/membres/{allierMember}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await quality.PostFormAsync($"/resultats/clu/{allierClu}/membres/{allierMember}", Fields("Pirate", "pirate@example.test"), formPage: page)).StatusCode);
        Assert.Equal("Marc Allier", await _app.WithDbAsync(db => db.CluMembers.Where(m => m.Id == allierMember).Select(m => m.Name).SingleAsync()));
    }

    [Fact]
    public async Task Documents_are_type_checked_and_capped_and_the_signed_minutes_are_a_pdf_kept_for_the_prefecture_staff_only()
    {
        var cluId = await CluAsync(_ids.Staff.CantalId, Today.AddDays(10));
        using var quality = await QualityAsync();

        foreach (var (name, content, expected) in new[]
                 {
                     ("organigramme.exe", Pdf, AttachmentCheck.WrongTypeMessage),
                     ("calendrier.pdf", Png, AttachmentCheck.MismatchMessage),
                     ("referentiel.pdf", Pdf.Concat(new byte[AttachmentCheck.MaxBytes]).ToArray(), AttachmentCheck.TooLargeMessage),
                 })
        {
            var refused = await UploadAsync(quality, cluId, "Piece", "piece", name, content);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(expected, await ErrorTextAsync(refused), StringComparison.Ordinal);
        }

        var none = await quality.PostFormAsync(Url(cluId, "Piece"), []);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains(CluMeetingKitService.NoFileMessage, await ErrorTextAsync(none), StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.CluDocuments.CountAsync()));

        // Together the documents stay within one email.
        var fourMegabytes = Pdf.Concat(new byte[4 * 1024 * 1024]).ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(quality, cluId, "Piece", "piece", "referentiel.pdf", fourMegabytes)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(quality, cluId, "Piece", "piece", "calendrier.pdf", fourMegabytes)).StatusCode);
        var third = await UploadAsync(quality, cluId, "Piece", "piece", "organigramme.pdf", fourMegabytes);
        Assert.Equal(HttpStatusCode.BadRequest, third.StatusCode);
        Assert.Contains(CluMeetingKitService.PiecesTooLargeMessage, await ErrorTextAsync(third), StringComparison.Ordinal);
        Assert.Equal(2, await _app.WithDbAsync(db => db.CluDocuments.CountAsync()));

        // A document for the summary goes with the summary, after the workbook, and not with the invitation.
        var nowhere = await UploadAsync(quality, cluId, "Piece", "piece", "calendrier-2027.pdf", Pdf, "ailleurs");
        Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);
        Assert.Contains("à l’invitation ou à la synthèse", await ErrorTextAsync(nowhere), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(quality, cluId, "Piece", "piece", "calendrier-2027.pdf", Pdf, "synthese")).StatusCode);
        var listed = await quality.GetPageAsync(Url(cluId));
        Assert.Equal(["calendrier-2027.pdf"], listed.QuerySelectorAll("#liste-pieces-synthese a[download]").Select(a => a.TextContent.Trim()));
        Assert.DoesNotContain("calendrier-2027.pdf", listed.QuerySelector("#liste-pieces")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await quality.PostFormAsync(Url(cluId, "SendToMe"), [], Url(cluId))).StatusCode);
        var summary = Assert.Single(_smtp.Received()).Message;
        var attached = summary.Attachments.OfType<MimeKit.MimePart>().Select(p => p.FileName).ToList();
        Assert.Equal("calendrier-2027.pdf", attached.Last());
        Assert.EndsWith(".xlsx", attached[0], StringComparison.Ordinal);
        Assert.Equal(2, attached.Count);

        // The signed minutes wait for the meeting.
        var early = await UploadAsync(quality, cluId, "ProcesVerbal", "procesVerbal", "pv.pdf", Pdf);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains(CluMeetingKitService.MinutesBeforeMeetingMessage, await ErrorTextAsync(early), StringComparison.Ordinal);
        await _app.WithDbAsync(db => db.CluMeetings.Where(c => c.Id == cluId).ExecuteUpdateAsync(s => s.SetProperty(c => c.MeetingOn, Today.AddDays(-3))));

        var image = await UploadAsync(quality, cluId, "ProcesVerbal", "procesVerbal", "pv.png", Png);
        Assert.Equal(HttpStatusCode.BadRequest, image.StatusCode);
        Assert.Contains(CluMeetingKitService.MinutesPdfOnlyMessage, await ErrorTextAsync(image), StringComparison.Ordinal);
        var disguised = await UploadAsync(quality, cluId, "ProcesVerbal", "procesVerbal", "pv.pdf", Encoding.UTF8.GetBytes("<html>pas un PDF</html>"));
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Contains(AttachmentCheck.MismatchMessage, await ErrorTextAsync(disguised), StringComparison.Ordinal);

        var signed = Encoding.ASCII.GetBytes("%PDF-1.7\n% procès-verbal signé\n%%EOF\n");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(quality, cluId, "ProcesVerbal", "procesVerbal", "PV CLU signé.pdf", signed)).StatusCode);
        var link = (await quality.GetPageAsync(Url(cluId))).QuerySelector("#proces-verbal-depose a")!.GetAttribute("href")!;
        var download = await quality.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(signed, await download.Content.ReadAsByteArrayAsync());

        // The minutes are kept with the figures they accompany: the CLU's snapshot page leads to them.
        int snapshotId;
        using (var scope = _app.Services.CreateScope())
        {
            var snapshot = await scope.ServiceProvider.GetRequiredService<SnapshotService>().CreateAsync(_ids.Staff.CantalId, DateTime.UtcNow, "qualite", CancellationToken.None);
            snapshotId = snapshot.Id;
            await _app.WithDbAsync(db => db.CluMeetings.Where(c => c.Id == cluId).ExecuteUpdateAsync(set => set.SetProperty(c => c.SnapshotId, snapshotId)));
        }

        var kept = (await quality.GetPageAsync($"/resultats/instantanes/{snapshotId}")).QuerySelector("#proces-verbal-signe")!;
        Assert.Contains("PV CLU signé.pdf", kept.TextContent, StringComparison.Ordinal);
        Assert.Equal(link, kept.QuerySelectorAll("a").Last().GetAttribute("href"));

        using var allier = await QualityAsync("allier");
        Assert.Equal(HttpStatusCode.Forbidden, (await allier.Http.GetAsync(link)).StatusCode);
        using var anonymous = StaffClient.For(_app);
        var stranger = await anonymous.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
        Assert.Contains("/connexion", stranger.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // Another CLU's document through this CLU's address: not found.
        var otherClu = await CluAsync(_ids.Staff.CantalId, Today.AddDays(40));
        Assert.Equal(HttpStatusCode.NotFound, (await quality.Http.GetAsync(link.Replace($"/clu/{cluId}", $"/clu/{otherClu}", StringComparison.Ordinal))).StatusCode);
    }
}
