using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoixUsager.Clu;
using VoixUsager.Demo;
using VoixUsager.Jobs;
using VoixUsager.Results;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Demo;

public sealed class DemoSeedTests
{
    private const string NoAdministratorWarning = "Aucun administrateur n'existe";

    /// <summary>The application as started with <c>Demo:Seed</c>, its log kept in memory.</summary>
    private sealed class DemoApp(bool seed) : VoixUsagerAppFactory
    {
        public ConcurrentQueue<string> Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:Seed", seed ? "true" : "false");
            builder.ConfigureLogging(logging => logging.AddProvider(new QueueLoggerProvider(Log)));
        }
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(log, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class QueueLogger(ConcurrentQueue<string> log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
    }

    [Fact]
    public async Task First_run_of_the_demo_does_not_warn_that_no_administrator_exists()
    {
        using var demo = new DemoApp(seed: true);
        _ = demo.Server;

        Assert.Contains(demo.Log, line => line.Contains("Demo accounts seeded", StringComparison.Ordinal));
        Assert.DoesNotContain(demo.Log, line => line.Contains(NoAdministratorWarning, StringComparison.Ordinal));
        Assert.Equal(1, await demo.WithDbAsync(db => db.UserRoles.CountAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Accounts.Roles.Administrateur))));

        // The same log does carry the warning when there really is no administrator.
        using var empty = new DemoApp(seed: false);
        _ = empty.Server;
        Assert.Contains(empty.Log, line => line.Contains(NoAdministratorWarning, StringComparison.Ordinal));
    }

    private static int Links(AngleSharp.Html.Dom.IHtmlDocument page, string pattern) =>
        page.QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!).Where(h => System.Text.RegularExpressions.Regex.IsMatch(h, pattern)).Distinct().Count();

    [Fact]
    public async Task Demo_fills_every_page_with_consistent_figures()
    {
        using var demo = new DemoApp(seed: true);
        _ = demo.Server;
        await using var scope = demo.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VoixUsager.Data.AppDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<VoixUsager.Data.FranceClock>().Today;
        var drome = await db.Prefectures.Include(p => p.Sites).SingleAsync(p => p.DepartementCode == DemoDataSeeder.DemoDepartement);

        // A closed mystery campaign with the seeds' figures, computed by the results service.
        var closed = await db.MysteryCampaigns.SingleAsync(c => c.EvaluatedPrefectureId == drome.Id && c.ClosedAtUtc != null);
        Assert.True(closed.EndsOn < today);
        var results = await scope.ServiceProvider.GetRequiredService<MysteryResultsService>()
            .ComputeAsync(drome.Id, closed.Id, null, CancellationToken.None);
        Assert.Equal(20, results.Calls.Submitted);
        Assert.Equal(24, results.Emails.Submitted);
        Assert.Equal((14, 7, 3), (results.Emails.WithinDeadline, results.Emails.Late, results.Emails.NoReply));
        Assert.Equal(17, results.Calls.Answered.Successes);
        // Scored with believable, varied answers: neither all compliant nor all failing.
        Assert.All(results.Calls.Criteria.Concat(results.Emails.Criteria), c => Assert.True(c.Compliance.Total > 0, c.Code));
        Assert.Contains(results.Calls.Criteria, c => c.Compliance.Rate is > 0.4 and < 0.9);
        Assert.Contains(results.Emails.Criteria, c => c.Compliance.Rate is > 0.4 and < 0.9);
        Assert.Contains(results.Calls.Criteria, c => c.Compliance.Rate >= 0.9);
        Assert.NotEmpty(results.Recommendations.Recommendations);
        // Late and unanswered emails were reminded; on-time ones were not.
        var emails = await db.MysteryEmailRecords.Where(r => r.CampaignId == closed.Id).ToListAsync();
        Assert.All(emails.Where(e => e.ReplyWorkingDays is null or > 5), e => Assert.NotNull(e.ReminderSentAtUtc));
        Assert.All(emails.Where(e => e.ReplyWorkingDays <= 5), e => Assert.Null(e.ReminderSentAtUtc));
        Assert.All(emails, e => Assert.True(e.SubmittedAtUtc <= closed.ClosedAtUtc));

        // A campaign under way for the référent, with the calls already due entered.
        var running = await db.MysteryCampaigns.SingleAsync(c => c.EvaluatedPrefectureId == drome.Id && c.ClosedAtUtc == null);
        Assert.True(running.StartsOn <= today && running.EndsOn >= today);
        Assert.True(await db.MysteryCallRecords.AnyAsync(r => r.CampaignId == running.Id));

        // The demo's responses, all dated before today, are in the national daily counts from the start.
        Assert.Equal(today, await db.NationalDailyCountsWatermarks.Select(w => w.CompleteBefore).SingleAsync());
        var todayUtc = VoixUsager.Calendar.FrenchTimeZones.ParisToUtc(today.ToDateTime(TimeOnly.MinValue));
        var demoResponses = await db.SurveyResponses.CountAsync(r => r.SubmittedAtUtc < todayUtc);
        Assert.True(demoResponses > 0);
        Assert.Equal(demoResponses, await db.NationalDailyCounts.SumAsync(c => c.Responses));

        // Visitors counted for every site, month by month.
        foreach (var site in drome.Sites)
        {
            Assert.True(await db.SiteMonthlyVisitors.CountAsync(v => v.SiteId == site.Id) >= 12, site.Name);
        }

        // The past CLU: its summary sent to every recipient the job chooses, its figures frozen by the snapshot service.
        var clus = await db.CluMeetings.Include(c => c.Members).Include(c => c.Deliveries).Where(c => c.PrefectureId == drome.Id).OrderBy(c => c.MeetingOn).ToListAsync();
        Assert.Equal(2, clus.Count);
        var past = clus[0];
        Assert.True(past.MeetingOn < today);

        // The coming CLU is ready to be sent out: a time, an agenda tied to its figures, a few answers already in.
        var next = clus[1];
        Assert.NotNull(next.StartsAt);
        var agenda = await db.CluAgendaItems.Where(i => i.CluMeetingId == next.Id).OrderBy(i => i.Position).ToListAsync();
        Assert.Equal(8, agenda.Count);
        Assert.Equal(6, agenda.Count(i => i.Section is not null));
        Assert.Equal(3, next.Members.Count(m => m.Attendance is not null));
        Assert.Contains(next.Members, m => m.Site == "Die" && m.Function == "Déléguée");
        var recipients = await scope.ServiceProvider.GetRequiredService<CluSummaryJob>().RecipientsAsync(past, CancellationToken.None);
        Assert.Equal(recipients.Select(r => r.Address).Order(), past.Deliveries.Select(d => d.RecipientEmail).Order());
        Assert.All(past.Deliveries, d => Assert.Equal((DeliveryStatus.Envoye, 1), (d.Status, d.Attempts)));
        Assert.All(past.Deliveries, d => Assert.False(string.IsNullOrEmpty(d.MessageId)));
        var snapshot = await db.ResultsSnapshots.SingleAsync(s => s.Id == past.SnapshotId);
        Assert.Equal(CluSummaryJob.SnapshotAuthor, snapshot.ComputedBy);
        Assert.Equal(DateOnly.FromDateTime(VoixUsager.Calendar.FrenchTimeZones.UtcToParis(snapshot.CutoffUtc)), past.SummaryDueOn);
        Assert.All(past.Deliveries, d => Assert.InRange(d.SentAtUtc!.Value, snapshot.CutoffUtc, snapshot.CutoffUtc.AddHours(1)));
        Assert.Contains("24", snapshot.FiguresJson, StringComparison.Ordinal);
        var frozen = SnapshotService.Read(snapshot);
        Assert.True(frozen.Survey.Responses > 100);
        var live = await scope.ServiceProvider.GetRequiredService<SnapshotService>()
            .ComputeAsync(drome.Id, snapshot.CutoffUtc, CancellationToken.None, past.SurveyCampaignId, past.MysteryCampaignId);
        Assert.Equal(live.Survey.Responses, frozen.Survey.Responses);
        Assert.Equal((20, 24, 14), (live.Mystery.Calls.Submitted, live.Mystery.Emails.Submitted, live.Mystery.Emails.WithinDeadline));

        // Its indicators cover the twelve months before the cut-off, so they count the campaign its mystery
        // block shows: 17 calls answered of 20, 14 emails of 24 within 5 working days.
        var callsIndicator = frozen.Indicators.Single(i => i.Definition.Code == Indicators.CallsAnswered);
        var emailsIndicator = frozen.Indicators.Single(i => i.Definition.Code == Indicators.EmailsWithinFiveDays);
        Assert.Equal((20, 85.0), (callsIndicator.SampleSize!.Value, callsIndicator.Value!.Value));
        Assert.Equal((24, 58.3), (emailsIndicator.SampleSize!.Value, emailsIndicator.Value!.Value));
        Assert.Equal((frozen.Mystery.Calls.Answered.Total, frozen.Mystery.Emails.WithinDeadlineRate.Total), (callsIndicator.SampleSize!.Value, emailsIndicator.SampleSize!.Value));

        // The coming CLU: members known, summary not yet due nor sent.
        var coming = clus[1];
        Assert.True(coming.SummaryDueOn > today);
        Assert.Equal(6, coming.Members.Count);
        Assert.Contains(coming.Members, m => !m.ReceivesSummary);
        Assert.Empty(coming.Deliveries);
        Assert.Null(coming.SnapshotId);

        // Both CLUs were planned by the quality team through the CLU service, as from the CLU page: each
        // creation and each member has its journal entry, dated when the story says it happened.
        foreach (var clu in clus)
        {
            var id = clu.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var journal = await db.AuditEntries.Where(a => a.EntityType == nameof(CluMeeting) && a.EntityId == id).ToListAsync();
            var created = Assert.Single(journal, a => a.Action == "clu.cree");
            Assert.Equal(clu.CreatedAtUtc, created.AtUtc);
            Assert.Equal(drome.Id, created.PrefectureId);
            Assert.Equal(6, journal.Count(a => a.Action == "clu.membre-ajoute"));
            Assert.True(clu.CreatedAtUtc < clu.MeetingOn.ToDateTime(TimeOnly.MinValue));
        }

        // The past CLU's members are now a record: the same rules refuse to change them.
        var cluService = scope.ServiceProvider.GetRequiredService<CluService>();
        Assert.NotNull(await cluService.MembersClosedReasonAsync(past, CancellationToken.None));
        Assert.Null(await cluService.MembersClosedReasonAsync(coming, CancellationToken.None));

        // Suggestions retained and answered: three heard by the past CLU, three more for the coming one.
        var heard = await RetainedSuggestions.ForPrefectureAsync(db, drome.Id, snapshot.CutoffUtc, CancellationToken.None);
        var all = await RetainedSuggestions.ForPrefectureAsync(db, drome.Id, null, CancellationToken.None);
        Assert.Equal(3, heard.Count);
        Assert.Equal(6, all.Count);
        Assert.All(all, s => Assert.False(string.IsNullOrWhiteSpace(s.Response)));

        // The register and the plan, filled through their services: every step, one late, one answered,
        // and an action engaged from the late complaint, owned by the service of the demo service owner.
        var cases = await db.RegisterCases.Where(c => c.PrefectureId == drome.Id).ToListAsync();
        var registerToday = scope.ServiceProvider.GetRequiredService<VoixUsager.Register.RegisterService>().TodayIn(drome.HolidayZone);
        Assert.True(cases.Count >= 5);
        Assert.Equal(2, cases.Select(c => c.Kind).Distinct().Count());
        Assert.True(cases.Select(c => c.Channel).Distinct().Count() >= 4);
        Assert.True(cases.Select(c => c.Status).Distinct().Count() >= 3);
        var late = Assert.Single(cases, c => c.IsOverdue(registerToday));
        Assert.Equal(DemoRegisterSeeder.LateComplaint, late.Text);
        Assert.Single(cases, c => c.Status == VoixUsager.Register.CaseStatus.Repondue);
        var caseIds = cases.Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(caseIds, id => Assert.Contains(id, db.AuditEntries.Where(a => a.Action == "dossier.recu").Select(a => a.EntityId!).ToList()));

        var actions = await db.PlanActions.Where(a => a.PrefectureId == drome.Id).ToListAsync();
        Assert.True(actions.Count >= 4);
        Assert.True(actions.Select(a => a.Status).Distinct().Count() >= 3);
        Assert.True(actions.Where(a => a.ModuleId != null).Select(a => a.ModuleId).Distinct().Count() >= 2);
        var engaged = Assert.Single(actions, a => a.Origin == VoixUsager.ActionPlan.ActionOrigin.Complaint);
        Assert.Equal(((long?)late.Id, late.OwnerServiceId), (engaged.OriginRecordId, engaged.OwnerServiceId));
        Assert.Contains(actions, a => VoixUsager.ActionPlan.ActionPlanService.IsOverdue(a.Status, a.DueDate, today));
        Assert.All(actions, a => Assert.Contains(a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            db.AuditEntries.Where(e => e.Action == "action.creee").Select(e => e.EntityId!).ToList()));

        // The demo service owner sees their service's cases and actions only, and the bilan has figures.
        var owner = await db.Users.SingleAsync(u => u.Email == VoixUsager.Web.Staff.DemoAccountsSeeder.ServiceEmail);
        Assert.Equal(late.OwnerServiceId, owner.OwnerServiceId);
        using var ownerClient = StaffClient.For(demo);
        Assert.Equal("/espace", (await ownerClient.SignInAsync(owner.Email!, VoixUsager.Web.Staff.DemoAccountsSeeder.Password, VoixUsager.Web.Staff.DemoAccountsSeeder.AuthenticatorKey)).Headers.Location?.OriginalString);
        var ownerRegister = await ownerClient.GetPageAsync("/registre");
        Assert.Equal(cases.Count(c => c.OwnerServiceId == owner.OwnerServiceId && c.IsOpen), Links(ownerRegister, @"^/registre/dossier/\d+$"));
        var ownerPlan = await ownerClient.GetPageAsync("/plan-actions");
        Assert.Equal(actions.Count(a => a.OwnerServiceId == owner.OwnerServiceId), Links(ownerPlan, @"^/plan-actions/\d+$"));
        var latePage = await ownerClient.GetPageAsync($"/registre/dossier/{late.Id}");
        Assert.Contains("Distributeur de tickets commandé", latePage.QuerySelector("#action-engagee")!.TextContent);
    }
}
