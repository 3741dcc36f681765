using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Auditing;
using VoixUsager.Jobs;
using VoixUsager.Questionnaires;
using VoixUsager.Register;
using VoixUsager.Results;
using VoixUsager.Surveys;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Jobs;

/// <summary>RGPD retention: what is past its period goes, everything else stays, and a second run does nothing.</summary>
public sealed class RetentionJobTests : IDisposable
{
    private readonly VoixUsagerAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    private sealed record Seeded(long RecentFreeText, List<long> ChoiceAnswers, long RecentAudit);

    private async Task<Seeded> SeedAsync()
    {
        return await _app.WithDbAsync(async db =>
        {
            var campaignId = await TestData.SeedAsync(db);
            var campaign = await db.SurveyCampaigns.Include(c => c.Prefecture).ThenInclude(p => p.Sites).SingleAsync(c => c.Id == campaignId);
            var questions = await db.Questions.Include(q => q.Options)
                .Where(q => q.QuestionnaireVersionId == campaign.QuestionnaireVersionId).ToListAsync();
            var suggestion = questions.Single(q => q.Code == DefaultQuestionnaire.Codes.Suggestion);
            var motif = questions.Single(q => q.Code == DefaultQuestionnaire.Codes.Motif);
            var now = DateTime.UtcNow;

            SurveyResponse Response(int monthsAgo) => new()
            {
                CampaignId = campaign.Id,
                SiteId = campaign.Prefecture.Sites[0].Id,
                QuestionnaireVersionId = campaign.QuestionnaireVersionId,
                Channel = SurveyChannel.QrCode,
                SubmittedAtUtc = now.AddMonths(-monthsAgo),
                SubmissionId = Guid.NewGuid(),
                Answers =
                [
                    new SurveyAnswer { QuestionId = motif.Id, OptionId = motif.Options[0].Id },
                    new SurveyAnswer { QuestionId = suggestion.Id, Text = $"Suggestion d'il y a {monthsAgo} mois" },
                ],
            };

            // Three old ones, so that a batch size of two makes the job loop.
            var old = new[] { Response(25), Response(25), Response(30) };
            var recent = Response(23);
            db.SurveyResponses.AddRange([.. old, recent]);

            AuditEntry Audit(int monthsAgo) => new()
            {
                AtUtc = now.AddMonths(-monthsAgo), UserEmail = "qualite@allier.test", PrefectureId = campaign.PrefectureId,
                Action = "test.action", EntityType = "Test",
            };
            var oldAudit = new[] { Audit(13), Audit(14), Audit(40) };
            var recentAudit = Audit(11);
            db.AuditEntries.AddRange([.. oldAudit, recentAudit]);

            db.ResultsSnapshots.Add(new ResultsSnapshot
            {
                PrefectureId = campaign.PrefectureId, CutoffUtc = now.AddMonths(-30), ComputedAtUtc = now.AddMonths(-30),
                ComputedBy = "qualite@allier.test", Description = "CLU d'il y a 30 mois", FiguresJson = "{}",
            });
            await db.SaveChangesAsync();

            var oldSuggestion = old[0].Answers.Single(a => a.Text != null);
            var recentSuggestion = recent.Answers.Single(a => a.Text != null);
            db.SuggestionReviews.AddRange(
                new SuggestionReview { AnswerId = oldSuggestion.Id, RetainedForClu = true, Response = "Retenue pour le CLU", ReviewedByUserId = "quelqu'un", ReviewedAtUtc = now.AddMonths(-24) },
                new SuggestionReview { AnswerId = recentSuggestion.Id, RetainedForClu = false, ReviewedByUserId = "quelqu'un", ReviewedAtUtc = now.AddMonths(-22) });
            await db.SaveChangesAsync();

            return new Seeded(
                recentSuggestion.Id,
                old.Append(recent).Select(r => r.Answers.Single(a => a.OptionId != null).Id).ToList(),
                recentAudit.Id);
        });
    }

    private async Task<RetentionResult> RunAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<RetentionJob>();
        job.BatchSize = 2;
        return await job.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Removes_exactly_what_is_past_its_period_and_nothing_more_on_a_second_run()
    {
        var seeded = await SeedAsync();

        var first = await RunAsync();

        Assert.Equal(new RetentionResult(FreeTextAnswersDeleted: 3, SuggestionReviewsDeleted: 1, AuditEntriesDeleted: 3), first);
        await _app.WithDbAsync(async db =>
        {
            Assert.Equal([seeded.RecentFreeText], await db.SurveyAnswers.Where(a => a.Text != null).Select(a => a.Id).ToListAsync());
            Assert.Equal(seeded.ChoiceAnswers.Order(), await db.SurveyAnswers.Where(a => a.OptionId != null).Select(a => a.Id).OrderBy(id => id).ToListAsync());
            Assert.Equal(4, await db.SurveyResponses.CountAsync());
            Assert.Equal([seeded.RecentFreeText], await db.SuggestionReviews.Select(r => r.AnswerId).ToListAsync());
            Assert.Equal([seeded.RecentAudit], await db.AuditEntries.Select(e => e.Id).ToListAsync());
            Assert.Equal(1, await db.ResultsSnapshots.CountAsync());
            return 0;
        });

        var second = await RunAsync();

        Assert.Equal(new RetentionResult(0, 0, 0), second);
        // Free texts, choice answers, responses, audit entries, snapshots: as after the first run.
        Assert.Equal((1, 4, 4, 1, 1), await _app.WithDbAsync(async db => (
            await db.SurveyAnswers.CountAsync(a => a.Text != null), await db.SurveyAnswers.CountAsync(a => a.OptionId != null),
            await db.SurveyResponses.CountAsync(), await db.AuditEntries.CountAsync(), await db.ResultsSnapshots.CountAsync())));
    }

    [Fact]
    public async Task Case_contacts_and_scanned_fiches_go_after_their_period_counted_from_closing_or_from_receipt_while_open()
    {
        await SeedAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var ids = await _app.WithDbAsync(async db =>
        {
            var prefectureId = await db.Prefectures.Select(p => p.Id).FirstAsync();
            RegisterCase Case(string text, int receivedMonthsAgo, int? closedMonthsAgo, bool contact, bool fiche)
            {
                var received = today.AddMonths(-receivedMonthsAgo);
                return new RegisterCase
                {
                    PrefectureId = prefectureId, Kind = CaseKind.Reclamation, Subject = CaseSubject.Attente, Channel = CaseChannel.FicheUrne,
                    Text = text, ReceivedOn = received, CreatedAtUtc = DateTime.UtcNow, AcknowledgementDueOn = received.AddDays(5), DueOn = received.AddDays(21),
                    Status = closedMonthsAgo is null ? CaseStatus.Recue : CaseStatus.Repondue,
                    ClosedOn = closedMonthsAgo is null ? null : today.AddMonths(-closedMonthsAgo.Value),
                    ContactName = contact ? "Camille Martin" : null, ContactEmail = contact ? "camille.martin@exemple.test" : null,
                    ContactPostalAddress = contact ? "3 rue des Lilas, 03000 Moulins" : null,
                    Attachment = fiche ? new RegisterAttachment { FileName = "fiche.pdf", ContentType = "application/pdf", Content = [0x25, 0x50, 0x44, 0x46] } : null,
                };
            }

            var closedLongAgo = Case("Fermée il y a 13 mois", 14, 13, contact: true, fiche: true);
            var openLongAgo = Case("Ouverte depuis 13 mois", 13, null, contact: true, fiche: false);
            var receivedLongAgoClosedRecently = Case("Reçue il y a 20 mois, fermée il y a 11 mois", 20, 11, contact: true, fiche: true);
            var recent = Case("Reçue il y a 2 mois", 2, null, contact: true, fiche: true);
            var noContact = Case("Sans coordonnées, fermée il y a 30 mois", 31, 30, contact: false, fiche: false);
            db.RegisterCases.AddRange(closedLongAgo, openLongAgo, receivedLongAgoClosedRecently, recent, noContact);
            await db.SaveChangesAsync();
            return (Erased: new[] { closedLongAgo.Id, openLongAgo.Id }, Kept: new[] { receivedLongAgoClosedRecently.Id, recent.Id }, All: 5);
        });

        var first = await RunAsync();

        Assert.Equal(2, first.CaseContactsErased);
        Assert.Equal(1, first.CaseAttachmentsDeleted);
        await _app.WithDbAsync(async db =>
        {
            var cases = await db.RegisterCases.Include(c => c.Attachment).ToDictionaryAsync(c => c.Id);
            // The cases stay for the yearly figures, with their text; only what names the person goes.
            Assert.Equal(ids.All, cases.Count);
            foreach (var id in ids.Erased)
            {
                Assert.False(cases[id].HasContact);
                Assert.NotNull(cases[id].ContactErasedAtUtc);
                Assert.Null(cases[id].Attachment);
            }

            foreach (var id in ids.Kept)
            {
                Assert.Equal("camille.martin@exemple.test", cases[id].ContactEmail);
                Assert.Null(cases[id].ContactErasedAtUtc);
                Assert.NotNull(cases[id].Attachment);
            }

            return 0;
        });

        var second = await RunAsync();
        Assert.Equal((0, 0), (second.CaseContactsErased, second.CaseAttachmentsDeleted));
    }

    [Fact]
    public async Task Periods_come_from_the_Retention_section()
    {
        await SeedAsync();
        await using var scope = _app.WithWebHostBuilder(b => b.UseSetting("Retention:FreeTextMonths", "36").UseSetting("Retention:AuditMonths", "24"))
            .Services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(CancellationToken.None);

        // Only what is older than 36 months (none of the free texts) and 24 months (the 40-month entry).
        Assert.Equal(new RetentionResult(0, 0, 1), result);
    }

    [Theory]
    [InlineData("Retention:FreeTextMonths", "0")]
    [InlineData("Retention:AuditMonths", "241")]
    [InlineData("App:PublicBaseUrl", "voixusager.example")]
    [InlineData("App:PublicBaseUrl", "ftp://voixusager.example")]
    public void Invalid_settings_stop_the_start(string key, string value)
    {
        using var app = _app.WithWebHostBuilder(b => b.UseSetting(key, value));

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => app.Services);
        Assert.Contains(key.Split(':')[1], error.Message);
    }
}
