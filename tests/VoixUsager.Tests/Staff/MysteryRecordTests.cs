using System.Net;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Mystery;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Staff;

/// <summary>A référent's call and email records: what is accepted, what is refused, and what the évalué sees.</summary>
public sealed class MysteryRecordTests : IAsyncLifetime
{
    private readonly VoixUsagerAppFactory _app = new();
    private StaffTestData _data = null!;
    private StaffClient _referent = null!;

    public async Task InitializeAsync()
    {
        _data = await StaffTestData.SeedAsync(_app);
        _referent = StaffClient.For(_app);
        await _referent.SignInAsync(StaffTestData.Email("Referent", "allier"), StaffTestData.Password);
    }

    public Task DisposeAsync()
    {
        _referent.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    private string CallUrl => $"/referent/appel/{_data.CallScenarioId}";

    private string EmailUrl => $"/referent/courriel/{_data.EmailScenarioId}";

    private Task<(int Records, int Answers, int Audit)> CountsAsync() => _app.WithDbAsync(async db =>
        (await db.MysteryRecords.CountAsync(), await db.MysteryAnswers.CountAsync(), await db.AuditEntries.CountAsync()));

    private static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(new(name, value));
        return fields;
    }

    private async Task AssertRefusedAsync(string url, List<KeyValuePair<string, string>> fields, HttpStatusCode status, string message)
    {
        var before = await CountsAsync();
        var response = await _referent.PostFormAsync(url, fields);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Submitted_call_is_stored_with_its_grid_and_rings()
    {
        var response = await _referent.PostFormAsync(CallUrl, GridFields.ValidCall(_app, _data.CallScenarioId, submit: true));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var record = await _app.WithDbAsync(db => db.MysteryCallRecords.Include(r => r.Answers).SingleAsync());
        Assert.Equal(RecordStatus.Soumis, record.Status);
        Assert.Equal(CallOutcome.Abouti, record.Outcome);
        Assert.Equal(4, record.RingsBeforePickup);
        Assert.Equal(45, record.WaitingSeconds);
        Assert.Equal(GridFields.Criteria(_app, DefaultGrids.CallKey).Count, record.Answers.Count);
        Assert.Equal("appel.soumis", await _app.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).LastAsync()));

        var list = await _referent.GetPageAsync("/referent");
        Assert.Contains("Fait", list.QuerySelector("main table")!.TextContent);
    }

    [Fact]
    public async Task Draft_may_be_incomplete_but_submission_requires_the_whole_grid()
    {
        var fields = GridFields.ValidCall(_app, _data.CallScenarioId, submit: false);
        var firstCriterion = GridFields.Criteria(_app, DefaultGrids.CallKey)[1];
        fields.RemoveAll(f => f.Key == $"c{firstCriterion.Id}");

        Assert.Equal(HttpStatusCode.Redirect, (await _referent.PostFormAsync(CallUrl, fields)).StatusCode);
        Assert.Equal(RecordStatus.Brouillon, await _app.WithDbAsync(db => db.MysteryRecords.Select(r => r.Status).SingleAsync()));

        await AssertRefusedAsync(CallUrl, With(fields, "action", "soumettre"), HttpStatusCode.UnprocessableEntity, firstCriterion.Label);
    }

    [Fact]
    public async Task Call_in_the_future_is_refused()
    {
        var fields = With(GridFields.ValidCall(_app, _data.CallScenarioId, submit: true), "At", GridFields.Local(DateTime.Now.AddDays(2)));
        await AssertRefusedAsync(CallUrl, fields, HttpStatusCode.UnprocessableEntity, "ne peut pas être dans le futur");
    }

    [Fact]
    public async Task Negative_rings_are_refused()
    {
        var rings = GridFields.Criteria(_app, DefaultGrids.CallKey).Single(c => c.Code == DefaultGrids.RingsCode);
        var fields = With(GridFields.ValidCall(_app, _data.CallScenarioId, submit: true), $"c{rings.Id}", "-2");
        await AssertRefusedAsync(CallUrl, fields, HttpStatusCode.UnprocessableEntity, "Le nombre de sonneries est un nombre entier positif ou nul.");
    }

    [Fact]
    public async Task Answer_to_a_criterion_of_another_grid_is_refused()
    {
        var emailCriterion = GridFields.Criteria(_app, DefaultGrids.EmailKey)[0];
        var fields = GridFields.ValidCall(_app, _data.CallScenarioId, submit: true);
        fields.Add(new($"c{emailCriterion.Id}", "oui"));
        await AssertRefusedAsync(CallUrl, fields, HttpStatusCode.UnprocessableEntity, "n’appartient pas à la grille de cette campagne");
    }

    [Fact]
    public async Task Reply_before_sending_is_refused()
    {
        var sent = DateTime.Now.AddDays(-5);
        var fields = GridFields.ValidEmail(_app, sent, sent.AddHours(-3), submit: true);
        await AssertRefusedAsync(EmailUrl, fields, HttpStatusCode.UnprocessableEntity, "La réponse ne peut pas précéder l’envoi du courriel.");
    }

    [Fact]
    public async Task Record_for_a_scenario_of_someone_else_is_refused_with_403()
    {
        using var other = StaffClient.For(_app);
        await other.SignInAsync(StaffTestData.Email("Referent", "drome"), StaffTestData.Password);
        var token = (await other.GetPageAsync("/compte/mot-de-passe")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = await CountsAsync();

        var response = await other.Http.PostAsync(CallUrl, new FormUrlEncodedContent(GridFields.ValidCall(_app, _data.CallScenarioId, submit: true).Append(new("__RequestVerificationToken", token))));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Closed_campaign_refuses_new_records_and_corrections()
    {
        var fields = GridFields.ValidCall(_app, _data.CallScenarioId, submit: true);
        var page = await _referent.GetPageAsync(CallUrl);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await _app.WithDbAsync(async db =>
        {
            (await db.MysteryCampaigns.SingleAsync()).ClosedAtUtc = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        var before = await CountsAsync();

        var response = await _referent.Http.PostAsync(CallUrl, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("La campagne est close", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Correction_after_submission_is_kept_in_the_audit_log()
    {
        await _referent.PostFormAsync(CallUrl, GridFields.ValidCall(_app, _data.CallScenarioId, submit: true));

        var corrected = With(GridFields.ValidCall(_app, _data.CallScenarioId, submit: true), "Comment", "En fait, transfert raté.");
        Assert.Equal(HttpStatusCode.Redirect, (await _referent.PostFormAsync(CallUrl, corrected)).StatusCode);

        var entry = await _app.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Id).LastAsync());
        Assert.Equal("appel.corrige", entry.Action);
        Assert.Equal(_data.CantalId, entry.PrefectureId);
        Assert.Contains("Accueil aimable.", entry.Details);
        Assert.Contains("En fait, transfert raté.", entry.Details);
        Assert.Equal(1, await _app.WithDbAsync(db => db.MysteryRecords.CountAsync()));
        Assert.Equal(RecordStatus.Soumis, await _app.WithDbAsync(db => db.MysteryRecords.Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Correction_of_a_long_comment_keeps_its_audit_entry_within_the_column()
    {
        await _referent.PostFormAsync(CallUrl, With(GridFields.ValidCall(_app, _data.CallScenarioId, submit: true), "Comment", new string('a', 4000)));

        var corrected = With(GridFields.ValidCall(_app, _data.CallScenarioId, submit: true), "Comment", new string('b', 4000));
        Assert.Equal(HttpStatusCode.Redirect, (await _referent.PostFormAsync(CallUrl, corrected)).StatusCode);

        // Before and after both hold a 4,000-character comment: the entry is cut to the column's length.
        var entry = await _app.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Id).LastAsync());
        Assert.Equal("appel.corrige", entry.Action);
        Assert.Equal(VoixUsager.Auditing.AuditEntry.MaxDetailsLength, entry.Details!.Length);
        Assert.EndsWith("…", entry.Details);
    }

    [Fact]
    public async Task Email_reply_delay_is_counted_in_working_days_of_the_evaluated_prefecture()
    {
        // Sent on a Monday morning two weeks ago, answered on the Friday of the following week.
        var today = DateTime.Today;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 14).AddHours(9);
        var fields = GridFields.ValidEmail(_app, monday, monday.AddDays(11).AddHours(2), submit: true);
        var expected = VoixUsager.Calendar.WorkingDays.Between(monday, monday.AddDays(11).AddHours(2), VoixUsager.Prefectures.HolidayZone.Metropole);

        var response = await _referent.PostFormAsync(EmailUrl, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var record = await _app.WithDbAsync(db => db.MysteryEmailRecords.SingleAsync());
        Assert.Equal(expected, record.ReplyWorkingDays);
        Assert.InRange(record.ReplyWorkingDays!.Value, 7, 9);
    }

    [Fact]
    public async Task Evaluated_quality_team_sees_progress_and_records_without_the_referent_name()
    {
        await _referent.PostFormAsync(CallUrl, GridFields.ValidCall(_app, _data.CallScenarioId, submit: true));
        using var cantal = StaffClient.For(_app);
        await cantal.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);

        var progress = await cantal.GetPageAsync($"/qualite/mystere/{_data.CampaignId}");
        var text = progress.QuerySelector("main")!.TextContent;
        Assert.Contains("1 / 2", progress.QuerySelectorAll("main table")[0].TextContent);
        Assert.DoesNotContain("referent@allier", text, StringComparison.OrdinalIgnoreCase);
        var recordLink = progress.QuerySelector("main a[href^='/qualite/mystere/fiche/']")!.GetAttribute("href")!;
        var record = await cantal.GetPageAsync(recordLink);
        Assert.DoesNotContain("referent@allier", record.QuerySelector("main")!.TextContent, StringComparison.OrdinalIgnoreCase);

        await _app.WithDbAsync(async db =>
        {
            (await db.MysteryCampaigns.SingleAsync()).RevealEvaluatorNames = true;
            return await db.SaveChangesAsync();
        });
        Assert.Contains("referent", (await cantal.GetPageAsync(recordLink)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_creates_a_campaign_spread_over_referents_and_working_days()
    {
        using var admin = StaffClient.For(_app);
        await admin.SignInAsync(StaffTestData.AdminEmail, StaffTestData.Password);
        var referentId = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == StaffTestData.Email("Referent", "allier")).Select(u => u.Id).SingleAsync());
        var start = new DateOnly(2026, 11, 22); // a Sunday; 11 November is before it, Christmas after the end
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Name", "Cantal 2027"), new("EvaluatedPrefectureId", _data.CantalId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("PartnerPrefectureIds", _data.AllierId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("StartsOn", "2026-11-22"), new("EndsOn", "2026-12-17"), new("TargetCalls", "20"), new("TargetEmails", "24"),
            new("ReferentIds", referentId),
            new("ScenarioLines", "appel ; Titre de séjour ? ; Standard\ncourriel ; Carte grise ? ; pref@cantal.test"),
        };

        var response = await admin.PostFormAsync("/administration/campagnes-mysteres/nouvelle", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var scenarios = await _app.WithDbAsync(db => db.MysteryScenarios.Where(s => s.Campaign.Name == "Cantal 2027").ToListAsync());
        Assert.Equal(20, scenarios.Count(s => s.Channel == MysteryChannel.Appel));
        Assert.Equal(24, scenarios.Count(s => s.Channel == MysteryChannel.Courriel));
        Assert.All(scenarios, s => Assert.True(s.PlannedOn.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday && s.PlannedOn >= start && s.PlannedOn <= new DateOnly(2026, 12, 17)));
        Assert.True(scenarios.Select(s => s.PlannedOn).Distinct().Count() >= 15, "calls spread over the period");

        var selfEvaluation = fields.Where(f => f.Key != "PartnerPrefectureIds").Append(new("PartnerPrefectureIds", _data.CantalId.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var refused = await admin.PostFormAsync("/administration/campagnes-mysteres/nouvelle", selfEvaluation);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("ne peut pas s’évaluer elle-même", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
    }
}
