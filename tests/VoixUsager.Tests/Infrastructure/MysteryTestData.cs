using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Mystery;

namespace VoixUsager.Tests.Infrastructure;

/// <summary>
/// Submitted mystery records for Cantal's campaign of <see cref="StaffTestData"/>, with figures worked out
/// by hand: 9 calls, 8 answered (88,9 %); 24 emails, 20 acknowledged, 14 answered within 5 working days,
/// 7 late, 3 unanswered. Each criterion is met by the first <c>m</c> records of <see cref="CallsMet"/> or
/// <see cref="EmailsMet"/>, so every compliance rate is known in advance.
/// </summary>
public static class MysteryTestData
{
    public const int Calls = 9;
    public const int AnsweredCalls = 8;
    public const int Emails = 24;

    /// <summary>Criterion code → answered calls meeting it (out of 8; transfers out of 4, the others "sans objet").</summary>
    public static readonly IReadOnlyDictionary<string, int> CallsMet = new Dictionary<string, int>
    {
        [DefaultGrids.RingsCode] = 5,
        ["formule-standard"] = 8,
        ["service-se-presente"] = 7,
        ["transfert-annonce"] = 3,
        ["transfert-abouti"] = 2,
        ["orientation-sites-officiels"] = 4,
        ["information-exacte"] = 7,
        ["information-complete"] = 3,
        ["courtoisie"] = 7,
        ["prise-de-conge"] = 8,
    };

    /// <summary>Criterion code → emails meeting it, out of 24.</summary>
    public static readonly IReadOnlyDictionary<string, int> EmailsMet = new Dictionary<string, int>
    {
        ["accuse-reception"] = 20,
        ["accuse-service-delais"] = 12,
        ["delai-annonce-respecte"] = 14,
        ["reponse-precise"] = 23,
        ["liens-complets"] = 9,
        ["pieces-jointes-mentionnees"] = 24,
        ["formulaire-joint"] = 13,
        ["signature-complete"] = 22,
        ["orthographe"] = 21,
        ["formule-politesse"] = 24,
    };

    public static Task SeedAsync(VoixUsagerAppFactory app, StaffTestData staff) => app.WithDbAsync(async db =>
    {
        var referentId = await db.Users.Where(u => u.Email == StaffTestData.Email("Referent", "allier")).Select(u => u.Id).SingleAsync();
        var campaign = await db.MysteryCampaigns.SingleAsync(c => c.Id == staff.CampaignId);
        var callGrid = await db.GridCriteria.Where(c => c.GridVersionId == campaign.CallGridVersionId).ToListAsync();
        var emailGrid = await db.GridCriteria.Where(c => c.GridVersionId == campaign.EmailGridVersionId).ToListAsync();
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);

        MysteryScenario Scenario(MysteryChannel channel, int i) => new()
        {
            CampaignId = campaign.Id, Channel = channel, Question = $"Question {channel} {i + 1}", Target = channel == MysteryChannel.Appel ? "04 71 46 23 00" : "pref@cantal.test",
            PlannedOn = today.AddDays(-15), AssignedReferentId = referentId,
        };

        for (var i = 0; i < Calls; i++)
        {
            var scenario = Scenario(MysteryChannel.Appel, i);
            db.MysteryScenarios.Add(scenario);
            await db.SaveChangesAsync();
            var answered = i < AnsweredCalls;
            var record = new MysteryCallRecord
            {
                ScenarioId = scenario.Id, CampaignId = campaign.Id, GridVersionId = campaign.CallGridVersionId, AuthorId = referentId, Status = RecordStatus.Soumis,
                CreatedAtUtc = now.AddDays(-10), UpdatedAtUtc = now.AddDays(-10), SubmittedAtUtc = now.AddDays(-10).AddMinutes(i),
                CalledAtUtc = now.AddDays(-10).AddMinutes(i), NumberDialled = i % 2 == 0 ? "04 71 46 23 00" : "04 71 46 23 10",
                Outcome = answered ? CallOutcome.Abouti : CallOutcome.PasDeReponse,
                RingsBeforePickup = answered ? (i < CallsMet[DefaultGrids.RingsCode] ? 3 : 7) : null,
            };
            if (answered)
            {
                foreach (var criterion in callGrid)
                {
                    var met = i < CallsMet[criterion.Code];
                    record.Answers.Add(criterion.Code.StartsWith("transfert-", StringComparison.Ordinal)
                        ? new MysteryAnswer { CriterionId = criterion.Id, Choice = i >= 4 ? (i - 4 < CallsMet[criterion.Code] ? CriterionChoice.Oui : CriterionChoice.Non) : CriterionChoice.SansObjet }
                        : Answer(criterion, met, record.RingsBeforePickup));
                }
            }

            db.MysteryRecords.Add(record);
        }

        for (var i = 0; i < Emails; i++)
        {
            var scenario = Scenario(MysteryChannel.Courriel, i);
            db.MysteryScenarios.Add(scenario);
            await db.SaveChangesAsync();
            // 14 on time (1 to 5 working days), 7 late (6 to 12), 3 unanswered.
            int? days = i < 14 ? 1 + i % 5 : i < 21 ? 6 + i - 14 : null;
            var sent = now.AddDays(-30).AddHours(i);
            var record = new MysteryEmailRecord
            {
                ScenarioId = scenario.Id, CampaignId = campaign.Id, GridVersionId = campaign.EmailGridVersionId, AuthorId = referentId, Status = RecordStatus.Soumis,
                CreatedAtUtc = sent, UpdatedAtUtc = sent, SubmittedAtUtc = now.AddDays(-5).AddMinutes(i),
                SentAtUtc = sent, Address = "pref@cantal.test", AcknowledgedAtUtc = i < 20 ? sent.AddMinutes(1) : null,
                RepliedAtUtc = days is null ? null : sent.AddDays(days.Value + days.Value / 5 * 2), ReplyWorkingDays = days,
            };
            foreach (var criterion in emailGrid)
            {
                record.Answers.Add(Answer(criterion, i < EmailsMet[criterion.Code], null));
            }

            db.MysteryRecords.Add(record);
        }

        await db.SaveChangesAsync();
        return true;
    });

    private static MysteryAnswer Answer(GridCriterion criterion, bool met, int? rings) => criterion.Kind switch
    {
        CriterionKind.Nombre => new MysteryAnswer { CriterionId = criterion.Id, Number = rings },
        CriterionKind.Echelle4 => new MysteryAnswer { CriterionId = criterion.Id, Scale = met ? 4 : 2 },
        _ => new MysteryAnswer { CriterionId = criterion.Id, Choice = met ? CriterionChoice.Oui : CriterionChoice.Non },
    };
}
