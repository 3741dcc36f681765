using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using VoixUsager.Accounts;
using VoixUsager.Data;
using VoixUsager.Email;
using VoixUsager.Jobs;
using VoixUsager.Mystery;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Jobs;

/// <summary>
/// The weekly reminder on StaffTestData's campaign, where Allier's référent has three scenarios planned
/// in the past and none submitted.
/// </summary>
public sealed class ReferentReminderJobTests : IAsyncLifetime
{
    private static readonly string AllierReferent = StaffTestData.Email(Roles.Referent, "allier");
    private static readonly string DromeReferent = StaffTestData.Email(Roles.Referent, "drome");

    private readonly JobsAppFactory _app = new();
    private StaffTestData _data = null!;

    public async Task InitializeAsync() => _data = await StaffTestData.SeedAsync(_app);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private async Task<ReferentReminderResult> RunAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReferentReminderJob>().RunAsync(CancellationToken.None);
    }

    private Task<string> UserIdAsync(string email) => _app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task RecordAsync(int scenarioId, RecordStatus status) => _app.WithDbAsync(async db =>
    {
        var scenario = await db.MysteryScenarios.Include(s => s.Campaign).SingleAsync(s => s.Id == scenarioId);
        var now = DateTime.UtcNow;
        MysteryRecord record = scenario.Channel == MysteryChannel.Appel
            ? new MysteryCallRecord { AuthorId = scenario.AssignedReferentId, NumberDialled = scenario.Target, CalledAtUtc = now, Outcome = CallOutcome.Abouti, GridVersionId = scenario.Campaign.CallGridVersionId }
            : new MysteryEmailRecord { AuthorId = scenario.AssignedReferentId, Address = scenario.Target, SentAtUtc = now, GridVersionId = scenario.Campaign.EmailGridVersionId };
        record.ScenarioId = scenario.Id;
        record.CampaignId = scenario.CampaignId;
        record.Status = status;
        record.CreatedAtUtc = record.UpdatedAtUtc = now;
        record.SubmittedAtUtc = status == RecordStatus.Soumis ? now : null;
        db.MysteryRecords.Add(record);
        return await db.SaveChangesAsync();
    });

    private static string Text(MimeMessage message) => (message.TextBody ?? "").ReplaceLineEndings("\n");

    private static List<string> ListedLines(MimeMessage message) => Text(message).Split('\n').Where(l => l.StartsWith("- prévu le ", StringComparison.Ordinal)).ToList();

    /// <summary>Makes Drôme a partner whose référent is late on one call of the same campaign.</summary>
    private async Task AddLateDromeReferentAsync()
    {
        var dromeReferentId = await UserIdAsync(DromeReferent);
        await _app.WithDbAsync(async db =>
        {
            var campaign = await db.MysteryCampaigns.Include(c => c.Partners).Include(c => c.Referents).SingleAsync(c => c.Id == _data.CampaignId);
            campaign.Partners.Add(new MysteryCampaignPartner { PrefectureId = _data.DromeId });
            campaign.Referents.Add(new MysteryCampaignReferent { UserId = dromeReferentId });
            campaign.Scenarios.Add(new MysteryScenario
            {
                Channel = MysteryChannel.Appel, Question = "Horaires du guichet ?", Target = "Accueil", PlannedOn = campaign.StartsOn.AddDays(1), AssignedReferentId = dromeReferentId,
            });
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task The_late_referent_gets_one_email_listing_its_overdue_scenarios_and_nobody_else_does()
    {
        // Neither a draft nor a scenario planned for later is "done": the draft is still listed, the later one is not yet due.
        await RecordAsync(_data.CallScenarioId, RecordStatus.Brouillon);
        var referentId = await UserIdAsync(AllierReferent);
        await _app.WithDbAsync(async db =>
        {
            db.MysteryScenarios.Add(new MysteryScenario
            {
                CampaignId = _data.CampaignId, Channel = MysteryChannel.Courriel, Question = "Question pas encore due", Target = "plus-tard@cantal.test",
                PlannedOn = _app.Services.GetRequiredService<FranceClock>().Today.AddDays(1), AssignedReferentId = referentId,
            });
            return await db.SaveChangesAsync();
        });

        var result = await RunAsync();

        Assert.Equal(new ReferentReminderResult(RemindersSent: 1, AlreadyRemindedThisWeek: 0), result);
        var email = Assert.Single(_app.Emails());
        Assert.Equal(AllierReferent, Assert.Single(email.To.Mailboxes).Address);
        Assert.Equal("VoixUsager : 3 enquêtes mystères en retard", email.Subject);
        var listed = ListedLines(email);
        Assert.Equal(3, listed.Count);
        var scenarios = await _app.WithDbAsync(db => db.MysteryScenarios.Include(s => s.Campaign).Where(s => s.CampaignId == _data.CampaignId && s.Id <= _data.OtherCallScenarioId).OrderBy(s => s.PlannedOn).ToListAsync());
        for (var i = 0; i < scenarios.Count; i++)
        {
            var s = scenarios[i];
            Assert.Equal($"- prévu le {s.PlannedOn:dd/MM/yyyy} — {s.Channel} — « {s.Question} » — {s.Target}", listed[i]);
        }

        var text = Text(email);
        Assert.DoesNotContain("Question pas encore due", text);
        Assert.Contains($"Campagne « Enquêtes mystères Cantal » (préfecture évaluée : Préfecture Cantal), jusqu’au {scenarios[0].Campaign.EndsOn:dd/MM/yyyy}", text);
        Assert.Contains("http://localhost:5080/referent", text);
        Assert.NotNull(email.HtmlBody);
        Assert.Contains("<a href=\"http://localhost:5080/referent\">", email.HtmlBody);
        Assert.Contains("Carte grise d&#x27;occasion ?", email.HtmlBody);

        var audit = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == ReferentReminderJob.AuditAction));
        Assert.Equal(("AppUser", referentId, (string?)null, (int?)_data.AllierId), (audit.EntityType, audit.EntityId, audit.UserId, audit.PrefectureId));
    }

    [Fact]
    public async Task Running_again_the_same_week_sends_nothing()
    {
        Assert.Equal(1, (await RunAsync()).RemindersSent);
        await RecordAsync(_data.EmailScenarioId, RecordStatus.Soumis);

        var again = await RunAsync();

        Assert.Equal(new ReferentReminderResult(0, 1), again);
        Assert.Single(_app.Emails());
        Assert.Equal(1, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == ReferentReminderJob.AuditAction)));
    }

    [Fact]
    public async Task The_next_week_the_reminder_lists_what_is_still_overdue()
    {
        // The test's clock is the one the application uses.
        Assert.Same(_app.Time, _app.Services.GetRequiredService<TimeProvider>());
        await RunAsync();
        await RecordAsync(_data.EmailScenarioId, RecordStatus.Soumis);

        _app.Time.Offset = TimeSpan.FromDays(7);
        var result = await RunAsync();

        Assert.Equal(new ReferentReminderResult(1, 0), result);
        var emails = _app.Emails();
        Assert.Equal(2, emails.Count);
        Assert.Equal(2, ListedLines(emails[1]).Count);
        Assert.DoesNotContain("Où en est ma demande ?", Text(emails[1]));
        Assert.Equal(AllierReferent, emails[1].To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task A_referent_with_everything_submitted_gets_nothing()
    {
        foreach (var id in new[] { _data.CallScenarioId, _data.EmailScenarioId, _data.OtherCallScenarioId })
        {
            await RecordAsync(id, RecordStatus.Soumis);
        }

        await AddLateDromeReferentAsync();

        Assert.Equal(new ReferentReminderResult(1, 0), await RunAsync());
        var email = Assert.Single(_app.Emails());
        Assert.Equal(DromeReferent, email.To.Mailboxes.Single().Address);
        Assert.Equal("VoixUsager : une enquête mystère en retard", email.Subject);
        Assert.Contains("Saisissez-la dans votre espace référent", Text(email));
    }

    [Fact]
    public async Task A_closed_campaign_reminds_nobody()
    {
        await _app.WithDbAsync(db => db.MysteryCampaigns.Where(c => c.Id == _data.CampaignId)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.ClosedAtUtc, DateTime.UtcNow)));

        Assert.Equal(new ReferentReminderResult(0, 0), await RunAsync());
        Assert.Empty(_app.Emails());
    }

    [Fact]
    public async Task After_a_failed_batch_the_retry_sends_only_what_had_not_gone()
    {
        await AddLateDromeReferentAsync();
        _app.Sender.FailAfter = 1;

        await Assert.ThrowsAsync<EmailDeliveryException>(RunAsync);

        // Recipients are in address order: Allier's went out before the failure and is recorded.
        var first = Assert.Single(_app.Emails());
        Assert.Equal(AllierReferent, first.To.Mailboxes.Single().Address);
        var allierId = await UserIdAsync(AllierReferent);
        Assert.Equal([allierId], await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == ReferentReminderJob.AuditAction).Select(e => e.EntityId!).ToListAsync()));

        _app.Sender.FailAfter = null;
        var retry = await RunAsync();

        Assert.Equal(new ReferentReminderResult(1, 1), retry);
        var emails = _app.Emails();
        Assert.Equal([AllierReferent, DromeReferent], emails.Select(e => e.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
    }
}

/// <summary>The reminder week starts on Monday at midnight in Paris, whatever the season.</summary>
public sealed class ReminderWeekTests
{
    [Theory]
    [InlineData("2026-03-23", "2026-03-22T23:00:00")] // Monday itself, winter time
    [InlineData("2026-03-29", "2026-03-22T23:00:00")] // Sunday of the change to summer time: still the week begun in winter
    [InlineData("2026-03-30", "2026-03-29T22:00:00")] // Next Monday, summer time
    [InlineData("2026-06-03", "2026-05-31T22:00:00")] // A Wednesday in summer
    public void Week_starts_on_Monday_midnight_in_Paris(string today, string expectedUtc)
    {
        var start = ReferentReminderJob.StartOfIsoWeekUtc(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), start);
        Assert.Equal(DateTimeKind.Utc, start.Kind);
    }
}
