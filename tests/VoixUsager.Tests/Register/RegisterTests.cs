using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Accounts;
using VoixUsager.Jobs;
using VoixUsager.Register;
using VoixUsager.Tests.Email;
using VoixUsager.Tests.Infrastructure;
using VoixUsager.Tests.Jobs;

namespace VoixUsager.Tests.Register;

/// <summary>
/// The register over real HTTP on a real database with a real SMTP server on loopback: the public form,
/// staff entry with attachments, the answer by email, a service owner's access and the weekly overdue list.
/// </summary>
public sealed class RegisterTests : IAsyncLifetime
{
    private const string OwnerEmail = "titres@cantal.test";
    private const string OtherOwnerEmail = "accueil@cantal.test";

    private SmtpTestServer _smtp = null!;
    private JobsAppFactory _app = null!;
    private StaffTestData _data = null!;
    private int _titres;
    private int _accueil;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartNewAsync();
        _app = new JobsAppFactory { SmtpPort = _smtp.Port };
        _data = await StaffTestData.SeedAsync(_app);
        (_titres, _accueil) = await _app.WithDbAsync(async db =>
        {
            var titres = new OwnerService { PrefectureId = _data.CantalId, Name = "Bureau des titres de séjour" };
            var accueil = new OwnerService { PrefectureId = _data.CantalId, Name = "Accueil général" };
            db.OwnerServices.AddRange(titres, accueil);
            await db.SaveChangesAsync();
            return (titres.Id, accueil.Id);
        });
        await using var scope = _app.Services.CreateAsyncScope();
        foreach (var (email, service) in new[] { (OwnerEmail, _titres), (OtherOwnerEmail, _accueil) })
        {
            await StaffTestData.CreateServiceOwnerAsync(scope.ServiceProvider, email, _data.CantalId, service);
        }
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _smtp.DisposeAsync();
    }

    private async Task<StaffClient> SignedInAsync(string email)
    {
        var client = StaffClient.For(_app);
        var response = await client.SignInAsync(email, StaffTestData.Password);
        Assert.Equal("/espace", response.Headers.Location?.OriginalString);
        return client;
    }

    private Task<int> AddCaseAsync(int prefectureId, int? serviceId, DateOnly receivedOn, string? contactEmail = null) => _app.WithDbAsync(async db =>
    {
        var prefecture = await db.Prefectures.SingleAsync(p => p.Id == prefectureId);
        var (ack, due) = RegisterService.DueDates(receivedOn, prefecture);
        var registerCase = new RegisterCase
        {
            PrefectureId = prefectureId, OwnerServiceId = serviceId, Kind = CaseKind.Reclamation, Subject = CaseSubject.Attente,
            Channel = CaseChannel.FicheUrne, Text = "Une heure d’attente au guichet des titres.", ReceivedOn = receivedOn,
            AcknowledgementDueOn = ack, DueOn = due, CreatedAtUtc = DateTime.UtcNow, ContactEmail = contactEmail, ContactName = contactEmail is null ? null : "Camille Usager",
        };
        db.RegisterCases.Add(registerCase);
        await db.SaveChangesAsync();
        return registerCase.Id;
    });

    private static FormUrlEncodedContent Form(params (string, string)[] fields) => new(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));

    [Fact]
    public async Task Public_form_refuses_bad_input_with_field_messages_stores_nothing_then_stores_a_valid_case_with_its_reference()
    {
        using var visitor = StaffClient.For(_app);
        var url = "/suggestions-reclamations/site-cantal";
        var page = await visitor.GetPageAsync(url);
        Assert.Contains("contester une décision", page.QuerySelector("main")!.TextContent);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var blank = await visitor.Http.PostAsync(url, Form(("__RequestVerificationToken", token)));
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        var blankPage = StaffClient.Parse(await blank.Content.ReadAsStringAsync());
        Assert.Equal(3, blankPage.QuerySelectorAll(".fr-message--error").Length);

        var oversized = await visitor.Http.PostAsync(url, Form(("__RequestVerificationToken", token), ("Kind", "Suggestion"), ("Subject", "Attente"), ("Text", new string('x', 4001))));
        Assert.Equal(HttpStatusCode.BadRequest, oversized.StatusCode);
        // The error and the form's hint write the same number the same French way.
        var oversizedPage = StaffClient.Parse(await oversized.Content.ReadAsStringAsync());
        Assert.Equal("Votre message compte 4\u202F000 caractères au plus.", oversizedPage.QuerySelector("#Text-messages .fr-message--error, #Text-error")!.TextContent.Trim());
        Assert.StartsWith("4\u202F000 caractères au plus.", page.QuerySelector("#Text-hint, label[for=Text] .fr-hint-text")!.TextContent.Trim());

        var noContact = await visitor.Http.PostAsync(url, Form(("__RequestVerificationToken", token), ("Kind", "Reclamation"), ("Subject", "Attente"), ("Text", "Trop d’attente."), ("WantsAnswer", "true"), ("ContactEmail", "pas-une-adresse")));
        Assert.Equal(HttpStatusCode.BadRequest, noContact.StatusCode);
        Assert.Contains(RegisterService.ContactEmailMessage, WebUtility.HtmlDecode(await noContact.Content.ReadAsStringAsync()));
        Assert.Equal(0, await _app.WithDbAsync(db => db.RegisterCases.CountAsync()));

        var noToken = await visitor.Http.PostAsync(url, Form(("Kind", "Suggestion"), ("Subject", "Attente"), ("Text", "Sans jeton")));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        // Contact details typed without asking for an answer are not kept.
        var sent = await visitor.Http.PostAsync(url, Form(("__RequestVerificationToken", token), ("Kind", "Suggestion"), ("Subject", "Signaletique"), ("Text", "Un panneau vers le PAN."), ("ContactName", "Camille")));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var stored = await _app.WithDbAsync(db => db.RegisterCases.SingleAsync());
        Assert.Null(stored.ContactName);
        Assert.Equal((CaseChannel.FormulaireEnLigne, _data.CantalId), (stored.Channel, stored.PrefectureId));
        var thanks = await visitor.GetPageAsync(sent.Headers.Location!.OriginalString);
        Assert.Equal(stored.Reference, thanks.QuerySelector("#reference")!.TextContent);
        Assert.Contains("dossier.recu", await _app.WithDbAsync(db => db.AuditEntries.Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task Staff_upload_takes_a_real_pdf_refuses_a_forbidden_type_and_a_disguised_file_and_serves_it_only_as_a_download()
    {
        using var quality = await SignedInAsync(StaffTestData.Email("Qualite", "cantal"));
        var page = await quality.GetPageAsync("/registre/nouveau");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        async Task<HttpResponseMessage> PostAsync(string fileName, byte[] content)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("FicheUrne"), "Input.Channel" },
                { new StringContent("14/07/2026"), "Input.ReceivedOn" },
                { new StringContent("Reclamation"), "Input.Kind" },
                { new StringContent("Attente"), "Input.Subject" },
                { new StringContent("Attente trop longue au guichet."), "Input.Text" },
            };
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "Attachment", fileName);
            return await quality.Http.PostAsync("/registre/nouveau", form);
        }

        var exe = await PostAsync("fiche.exe", [0x4D, 0x5A, 0x90, 0x00]);
        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        Assert.Contains(AttachmentCheck.WrongTypeMessage, WebUtility.HtmlDecode(await exe.Content.ReadAsStringAsync()));
        var disguised = await PostAsync("fiche.pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2]);
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Contains(AttachmentCheck.MismatchMessage, WebUtility.HtmlDecode(await disguised.Content.ReadAsStringAsync()));
        var tooLarge = await PostAsync("fiche.pdf", [.. "%PDF-1.7\n"u8, .. new byte[AttachmentCheck.MaxBytes]]);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Contains(AttachmentCheck.TooLargeMessage, WebUtility.HtmlDecode(await tooLarge.Content.ReadAsStringAsync()));
        Assert.Equal(0, await _app.WithDbAsync(db => db.RegisterCases.CountAsync()));

        var pdf = "%PDF-1.4\n% fiche numérisée\n"u8.ToArray();
        var saved = await PostAsync("fiche urne.pdf", pdf);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await _app.WithDbAsync(db => db.RegisterCases.SingleAsync());
        Assert.Equal((new DateOnly(2026, 7, 14), CaseChannel.FicheUrne), (stored.ReceivedOn, stored.Channel));
        Assert.Equal(new DateOnly(2026, 8, 4), stored.DueOn);

        var download = await quality.Http.GetAsync($"/registre/dossier/{stored.Id}/piece-jointe");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Service_owner_sees_and_answers_only_their_services_cases_and_gets_403_elsewhere()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var mine = await AddCaseAsync(_data.CantalId, _titres, today.AddDays(-2), contactEmail: "camille@exemple.fr");
        var otherService = await AddCaseAsync(_data.CantalId, _accueil, today.AddDays(-2));
        var unassigned = await AddCaseAsync(_data.CantalId, null, today.AddDays(-2));
        var otherPrefecture = await AddCaseAsync(_data.DromeId, null, today.AddDays(-2));

        using var owner = await SignedInAsync(OwnerEmail);
        var list = WebUtility.HtmlDecode((await owner.GetPageAsync("/registre")).QuerySelector("main")!.TextContent);
        Assert.Contains(RegisterCase.FormatReference(today.AddDays(-2).Year, mine), list);
        Assert.DoesNotContain(RegisterCase.FormatReference(today.AddDays(-2).Year, otherService), list);
        Assert.DoesNotContain(RegisterCase.FormatReference(today.AddDays(-2).Year, unassigned), list);
        // Contact details only on the case page itself.
        Assert.DoesNotContain("camille@exemple.fr", list);
        Assert.Contains("camille@exemple.fr", WebUtility.HtmlDecode((await owner.GetPageAsync($"/registre/dossier/{mine}")).QuerySelector("main")!.TextContent));

        foreach (var id in new[] { otherService, unassigned, otherPrefecture })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await owner.Http.GetAsync($"/registre/dossier/{id}")).StatusCode);
            var post = await owner.PostFormAsync($"/registre/dossier/{id}?handler=Close", [new("Close.ClosedReason", "Hors champ")], $"/registre/dossier/{mine}");
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Http.GetAsync("/registre/nouveau")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Http.GetAsync("/registre/bilan")).StatusCode);
        var reassign = await owner.PostFormAsync($"/registre/dossier/{mine}?handler=Assign", [new("OwnerServiceId", _accueil.ToString(CultureInfo.InvariantCulture))], $"/registre/dossier/{mine}");
        Assert.Equal(HttpStatusCode.Forbidden, reassign.StatusCode);

        using var drome = await SignedInAsync(StaffTestData.Email("Qualite", "drome"));
        Assert.Equal(HttpStatusCode.Forbidden, (await drome.Http.GetAsync($"/registre/dossier/{mine}")).StatusCode);
        using var referent = await SignedInAsync(StaffTestData.Email("Referent", "cantal"));
        Assert.Equal(HttpStatusCode.Forbidden, (await referent.Http.GetAsync("/registre")).StatusCode);

        // The owner answers by email from the product: the person receives it, the status and the journal follow.
        var acknowledged = await owner.PostFormAsync($"/registre/dossier/{mine}?handler=Acknowledge", [], $"/registre/dossier/{mine}");
        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);
        var answered = await owner.PostFormAsync($"/registre/dossier/{mine}?handler=Answer",
            [new("Answer.AnswerText", "Un second guichet ouvrira le mardi matin."), new("Answer.AnswerMode", "Courriel")], $"/registre/dossier/{mine}");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var message = Assert.Single(_smtp.Received(), m => m.EnvelopeRecipients.Contains("camille@exemple.fr")).Message;
        Assert.Contains("Un second guichet ouvrira le mardi matin.", message.TextBody);
        var stored = await _app.WithDbAsync(db => db.RegisterCases.SingleAsync(c => c.Id == mine));
        Assert.Equal((CaseStatus.Repondue, AnswerMode.Courriel), (stored.Status, stored.AnswerMode));
        Assert.Equal(stored.AnswerMessageId, message.MessageId);
        var actions = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(RegisterCase) && e.EntityId == mine.ToString(CultureInfo.InvariantCulture)).Select(e => e.Action).ToListAsync());
        Assert.Equal(["dossier.accuse-reception", "dossier.repondu"], actions);
        Assert.Equal("Réponse à une suggestion ou réclamation", VoixUsager.Auditing.AuditLabels.Action("dossier.repondu"));
    }

    [Fact]
    public async Task Overdue_cases_stand_out_on_the_quality_home_and_each_owner_gets_the_weekly_list_once()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var lateMine = await AddCaseAsync(_data.CantalId, _titres, today.AddDays(-40));
        var lateUnassigned = await AddCaseAsync(_data.CantalId, null, today.AddDays(-40));
        var recent = await AddCaseAsync(_data.CantalId, _accueil, today);

        using var quality = await SignedInAsync(StaffTestData.Email("Qualite", "cantal"));
        var home = await quality.GetPageAsync("/espace");
        var alert = home.QuerySelector("#dossiers-en-retard")?.TextContent ?? "";
        Assert.Contains(RegisterCase.FormatReference(today.AddDays(-40).Year, lateMine), alert);
        Assert.Contains(RegisterCase.FormatReference(today.AddDays(-40).Year, lateUnassigned), alert);
        Assert.DoesNotContain(RegisterCase.FormatReference(today.Year, recent), alert);

        async Task<OverdueCasesResult> RunAsync()
        {
            await using var scope = _app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<OverdueCasesJob>().RunAsync(CancellationToken.None);
        }

        Assert.Equal(new OverdueCasesResult(2, 0), await RunAsync());
        var received = _smtp.Received();
        var toOwner = Assert.Single(received, m => m.EnvelopeRecipients.Contains(OwnerEmail));
        Assert.Contains(RegisterCase.FormatReference(today.AddDays(-40).Year, lateMine), toOwner.Message.TextBody);
        Assert.DoesNotContain(RegisterCase.FormatReference(today.AddDays(-40).Year, lateUnassigned), toOwner.Message.TextBody);
        var toQuality = Assert.Single(received, m => m.EnvelopeRecipients.Contains(StaffTestData.Email("Qualite", "cantal")));
        Assert.Contains(RegisterCase.FormatReference(today.AddDays(-40).Year, lateUnassigned), toQuality.Message.TextBody);
        Assert.DoesNotContain(received, m => m.EnvelopeRecipients.Contains(OtherOwnerEmail));

        // Run again the same week: claimed already, nothing sent twice.
        Assert.Equal(new OverdueCasesResult(0, 2), await RunAsync());
        Assert.Equal(received.Count, _smtp.Received().Count);
    }

    [Fact]
    public async Task Two_workers_running_the_weekly_list_at_once_send_each_list_once()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await AddCaseAsync(_data.CantalId, _titres, today.AddDays(-40));
        await AddCaseAsync(_data.CantalId, null, today.AddDays(-40));

        // Two scopes are two DbContexts on two connections, as two worker processes would have: each
        // finds the same lists to send, and only the claim in the database keeps them from both sending.
        async Task<OverdueCasesResult> RunAsync()
        {
            await Task.Yield();
            await using var scope = _app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<OverdueCasesJob>().RunAsync(CancellationToken.None);
        }

        var results = await Task.WhenAll(RunAsync(), RunAsync(), RunAsync());

        Assert.Equal(2, results.Sum(r => r.ListsSent));
        Assert.Equal(4, results.Sum(r => r.AlreadySentThisWeek));
        var received = _smtp.Received();
        Assert.Single(received, m => m.EnvelopeRecipients.Contains(OwnerEmail));
        Assert.Single(received, m => m.EnvelopeRecipients.Contains(StaffTestData.Email("Qualite", "cantal")));
        Assert.Equal(2, await _app.WithDbAsync(db => db.OverdueDigestClaims.CountAsync(c => c.SentAtUtc != null)));
    }

    [Fact]
    public async Task A_case_becomes_an_action_of_its_service_in_one_click_once_and_each_links_to_the_other()
    {
        var complaint = await AddCaseAsync(_data.CantalId, _titres, new DateOnly(2026, 7, 1), "camille@exemple.fr");
        var others = await AddCaseAsync(_data.CantalId, _accueil, new DateOnly(2026, 7, 1));
        using var owner = await SignedInAsync(OwnerEmail);
        var casePage = $"/registre/dossier/{complaint}";
        Assert.Equal("Engager une action", (await owner.GetPageAsync(casePage)).QuerySelector("main form[action*='handler=Action'] button")!.TextContent.Trim());

        // Another service's case: 403, nothing created.
        var foreign = await owner.PostFormAsync($"/registre/dossier/{others}?handler=Action", [], casePage);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.PlanActions.CountAsync()));

        var created = await owner.PostFormAsync($"{casePage}?handler=Action", [], casePage);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.StartsWith("/plan-actions/", location, StringComparison.Ordinal);
        var action = await _app.WithDbAsync(db => db.PlanActions.Include(a => a.Module).SingleAsync());
        Assert.Equal((VoixUsager.ActionPlan.ActionOrigin.Complaint, (long?)complaint, (int?)_titres, _data.CantalId, VoixUsager.ActionPlan.ActionStatus.ToDo, 1),
            (action.Origin, action.OriginRecordId, action.OwnerServiceId, action.PrefectureId, action.Status, action.Module!.Number));
        Assert.Contains(RegisterCase.FormatReference(2026, complaint), action.Title);
        Assert.Contains("action.creee", await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == action.Id.ToString(CultureInfo.InvariantCulture)).Select(e => e.Action).ToListAsync()));

        // The second click leads to the same action.
        var twice = await owner.PostFormAsync($"{casePage}?handler=Action", [], location);
        Assert.Equal(location, twice.Headers.Location!.OriginalString);
        Assert.Equal(1, await _app.WithDbAsync(db => db.PlanActions.CountAsync()));

        // The action links back to the case; the case shows the action, its status and its latest note.
        var actionPage = await owner.GetPageAsync(location);
        Assert.NotNull(actionPage.QuerySelector($"main a[href='{casePage}']"));
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync($"{location}?handler=Note", [new("note", "Deuxième guichet ouvert le matin.")], location)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync($"{location}?handler=Status", [new("status", "InProgress")], location)).StatusCode);
        var engaged = (await owner.GetPageAsync(casePage)).QuerySelector("#action-engagee")!;
        Assert.Equal(location, engaged.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Action engagée", engaged.TextContent);
        Assert.Contains("En cours", engaged.TextContent);
        Assert.Contains("Deuxième guichet ouvert le matin.", engaged.TextContent);
        Assert.Null((await owner.GetPageAsync(casePage)).QuerySelector("main form[action*='handler=Action']"));

        // A suggestion gives an action of its own origin; the other service's owner cannot engage on it.
        var suggestion = await _app.WithDbAsync(async db =>
        {
            var c = await db.RegisterCases.SingleAsync(x => x.Id == others);
            c.Kind = CaseKind.Suggestion;
            await db.SaveChangesAsync();
            return c.Id;
        });
        using var quality = await SignedInAsync(StaffTestData.Email("Qualite", "cantal"));
        var fromSuggestion = await quality.PostFormAsync($"/registre/dossier/{suggestion}?handler=Action", [], $"/registre/dossier/{suggestion}");
        Assert.Equal(HttpStatusCode.Redirect, fromSuggestion.StatusCode);
        var fromCase = await _app.WithDbAsync(db => db.PlanActions.SingleAsync(a => a.OriginRecordId == suggestion));
        Assert.Equal((VoixUsager.ActionPlan.ActionOrigin.RegisterSuggestion, (int?)_accueil), (fromCase.Origin, fromCase.OwnerServiceId));
        using var drome = await SignedInAsync(StaffTestData.Email("Qualite", "drome"));
        Assert.Equal(HttpStatusCode.Forbidden, (await drome.PostFormAsync($"{casePage}?handler=Action", [], "/registre/nouveau")).StatusCode);
    }

    [Fact]
    public async Task Public_form_takes_one_real_photo_or_pdf_refuses_a_disguised_file_and_only_staff_download_it()
    {
        using var visitor = StaffClient.For(_app);
        const string url = "/suggestions-reclamations/site-cantal";
        var page = await visitor.GetPageAsync(url);
        Assert.Equal("multipart/form-data", page.QuerySelector("main form")!.GetAttribute("enctype"));
        Assert.Contains(AttachmentCheck.AcceptedDescription, page.QuerySelector("label[for=Attachment]")!.TextContent);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        async Task<HttpResponseMessage> PostAsync(string fileName, byte[] content)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("Suggestion"), "Kind" },
                { new StringContent("Signaletique"), "Subject" },
                { new StringContent("Le panneau vers le point d’accueil numérique est caché."), "Text" },
            };
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, "Attachment", fileName);
            return await visitor.Http.PostAsync(url, form);
        }

        var html = await PostAsync("panneau.png", "<html><script>alert(1)</script></html>"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, html.StatusCode);
        Assert.Contains(AttachmentCheck.MismatchMessage, WebUtility.HtmlDecode(await html.Content.ReadAsStringAsync()));
        var exe = await PostAsync("panneau.exe", [0x4D, 0x5A, 0x90, 0x00]);
        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        Assert.Contains(AttachmentCheck.WrongTypeMessage, WebUtility.HtmlDecode(await exe.Content.ReadAsStringAsync()));
        var tooLarge = await PostAsync("panneau.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[AttachmentCheck.MaxBytes]]);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Contains(AttachmentCheck.TooLargeMessage, WebUtility.HtmlDecode(await tooLarge.Content.ReadAsStringAsync()));
        Assert.Equal(0, await _app.WithDbAsync(db => db.RegisterCases.CountAsync()));

        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        var sent = await PostAsync("panneau.png", png);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var stored = await _app.WithDbAsync(db => db.RegisterCases.Include(c => c.Attachment).SingleAsync());
        Assert.Equal(("panneau.png", "image/png", CaseChannel.FormulaireEnLigne), (stored.Attachment!.FileName, stored.Attachment.ContentType, stored.Channel));

        // The public cannot fetch it back; staff get it only as a download.
        var anonymous = await visitor.Http.GetAsync($"/registre/dossier/{stored.Id}/piece-jointe");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("connexion", anonymous.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        using var quality = await SignedInAsync(StaffTestData.Email("Qualite", "cantal"));
        var download = await quality.Http.GetAsync($"/registre/dossier/{stored.Id}/piece-jointe");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Clicks_on_engager_une_action_made_at_the_same_instant_give_one_action()
    {
        var complaint = await AddCaseAsync(_data.CantalId, _titres, new DateOnly(2026, 7, 1));
        using var owner = await SignedInAsync(OwnerEmail);
        var casePage = $"/registre/dossier/{complaint}";
        var token = (await owner.GetPageAsync(casePage)).QuerySelector("main form[action*='handler=Action'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // Each request checks that no action exists yet before inserting; the unique index refuses the
        // inserts that lose the race, and they answer with the winner's action.
        var clicks = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            owner.Http.PostAsync($"{casePage}?handler=Action", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))));

        Assert.All(clicks, c => Assert.Equal(HttpStatusCode.Redirect, c.StatusCode));
        var action = await _app.WithDbAsync(db => db.PlanActions.SingleAsync());
        Assert.All(clicks, c => Assert.Equal($"/plan-actions/{action.Id}", c.Headers.Location!.OriginalString));
        Assert.Single(await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "action.creee").ToListAsync()));
    }
}
