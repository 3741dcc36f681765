using Microsoft.EntityFrameworkCore;
using VoixUsager.Accounts;
using VoixUsager.Calendar;
using VoixUsager.Data;
using VoixUsager.Data.EntityConfigurations;

namespace VoixUsager.Mystery;

/// <summary>
/// Creates a mystery campaign and plans it: the target number of calls and emails is made from the
/// scenario types given, spread evenly over the assigned référents and over the working days of the
/// period, so nobody has all the calls and the évalué is not phoned twenty times on the same morning.
/// </summary>
public sealed class MysteryCampaignPlanner(AppDbContext db, FranceClock clock)
{
    public sealed record ScenarioType(MysteryChannel Channel, string Question, string Target);

    public sealed record CampaignRequest(
        string Name,
        int EvaluatedPrefectureId,
        IReadOnlyList<int> PartnerPrefectureIds,
        DateOnly? StartsOn,
        DateOnly? EndsOn,
        int TargetCalls,
        int TargetEmails,
        IReadOnlyList<string> ReferentIds,
        bool RevealEvaluatorNames,
        string ScenarioLines);

    public abstract record PlanResult
    {
        public sealed record Created(int CampaignId) : PlanResult;

        public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : PlanResult;
    }

    /// <summary>One scenario type a line: "appel ; question ; service ou numéro" or "courriel ; question ; adresse".</summary>
    public static IReadOnlyList<ScenarioType> ParseScenarioLines(string text, Dictionary<string, string> errors)
    {
        var types = new List<ScenarioType>();
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split(';', StringSplitOptions.TrimEntries);
            MysteryChannel? channel = parts[0].ToLowerInvariant() switch { "appel" => MysteryChannel.Appel, "courriel" => MysteryChannel.Courriel, _ => null };
            if (parts.Length != 3 || channel is null || parts[1].Length is 0 or > MysteryScenarioConfiguration.QuestionMaxLength || parts[2].Length is 0 or > MysteryScenarioConfiguration.TargetMaxLength)
            {
                errors["ScenarioLines"] = $"Ligne {i + 1} : écrivez « appel ; question à poser ; service ou numéro » ou « courriel ; question à poser ; adresse ».";
                return [];
            }

            types.Add(new ScenarioType(channel.Value, parts[1], parts[2]));
        }

        return types;
    }

    public async Task<PlanResult> CreateAsync(CampaignRequest request, AuditActor actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = request.Name.Trim();
        if (name.Length is 0 or > MysteryCampaignConfiguration.NameMaxLength)
        {
            errors["Name"] = $"Donnez un nom à la campagne ({MysteryCampaignConfiguration.NameMaxLength} caractères au plus), par exemple « Enquêtes mystères 2026 ».";
        }

        var evaluated = await db.Prefectures.SingleOrDefaultAsync(p => p.Id == request.EvaluatedPrefectureId, cancellationToken);
        if (evaluated is null)
        {
            errors["EvaluatedPrefectureId"] = "Choisissez la préfecture évaluée.";
        }

        var partners = request.PartnerPrefectureIds.Distinct().ToList();
        if (partners.Count == 0 || await db.Prefectures.CountAsync(p => partners.Contains(p.Id), cancellationToken) != partners.Count)
        {
            errors["PartnerPrefectureIds"] = "Choisissez au moins une préfecture partenaire.";
        }
        else if (partners.Contains(request.EvaluatedPrefectureId))
        {
            errors["PartnerPrefectureIds"] = "Une préfecture ne peut pas s’évaluer elle-même : retirez-la des partenaires.";
        }

        if (request.StartsOn is null || request.EndsOn is null)
        {
            errors["StartsOn"] = "Indiquez les dates de début et de fin de la campagne.";
        }
        else if (request.EndsOn < request.StartsOn)
        {
            errors["EndsOn"] = "La fin de la campagne doit suivre son début.";
        }

        if (request.TargetCalls is < 0 or > 500 || request.TargetEmails is < 0 or > 500 || request.TargetCalls + request.TargetEmails == 0)
        {
            errors["TargetCalls"] = "Prévoyez entre 1 et 500 appels ou courriels (par exemple 20 appels et 24 courriels).";
        }

        var referentIds = request.ReferentIds.Distinct().ToList();
        var referentRoleId = await db.Roles.Where(r => r.Name == Roles.Referent).Select(r => r.Id).SingleAsync(cancellationToken);
        var validReferents = await db.Users
            .Where(u => referentIds.Contains(u.Id) && u.PrefectureId != null && partners.Contains(u.PrefectureId.Value)
                        && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == referentRoleId))
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        if (referentIds.Count == 0 || validReferents.Count != referentIds.Count)
        {
            errors["ReferentIds"] = "Choisissez au moins un référent, parmi ceux des préfectures partenaires.";
        }

        var types = ParseScenarioLines(request.ScenarioLines, errors);
        if (!errors.ContainsKey("ScenarioLines"))
        {
            if (request.TargetCalls > 0 && !types.Any(t => t.Channel == MysteryChannel.Appel))
            {
                errors["ScenarioLines"] = "Des appels sont prévus : ajoutez au moins un scénario « appel ».";
            }
            else if (request.TargetEmails > 0 && !types.Any(t => t.Channel == MysteryChannel.Courriel))
            {
                errors["ScenarioLines"] = "Des courriels sont prévus : ajoutez au moins un scénario « courriel ».";
            }
        }

        if (errors.Count > 0)
        {
            return new PlanResult.Invalid(errors);
        }

        var callGrid = await LatestGridAsync(DefaultGrids.CallKey, cancellationToken);
        var emailGrid = await LatestGridAsync(DefaultGrids.EmailKey, cancellationToken);
        var campaign = new MysteryCampaign
        {
            Name = name,
            EvaluatedPrefectureId = evaluated!.Id,
            StartsOn = request.StartsOn!.Value,
            EndsOn = request.EndsOn!.Value,
            TargetCalls = request.TargetCalls,
            TargetEmails = request.TargetEmails,
            CallGridVersionId = callGrid,
            EmailGridVersionId = emailGrid,
            RevealEvaluatorNames = request.RevealEvaluatorNames,
            CreatedAtUtc = clock.UtcNow,
            Partners = partners.Select(p => new MysteryCampaignPartner { PrefectureId = p }).ToList(),
            Referents = referentIds.Select(r => new MysteryCampaignReferent { UserId = r }).ToList(),
        };
        campaign.Scenarios.AddRange(Spread(types, MysteryChannel.Appel, request.TargetCalls, referentIds, campaign.StartsOn, campaign.EndsOn, evaluated.HolidayZone));
        campaign.Scenarios.AddRange(Spread(types, MysteryChannel.Courriel, request.TargetEmails, referentIds, campaign.StartsOn, campaign.EndsOn, evaluated.HolidayZone));
        // The campaign and its audit entry are stored together or not at all (the entry needs the new id).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.MysteryCampaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        db.AuditEntries.Add(Auditing.AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, campaign.EvaluatedPrefectureId, "campagne-mystere.creee",
            nameof(MysteryCampaign), campaign.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{name} : {request.TargetCalls} appels, {request.TargetEmails} courriels, {referentIds.Count} référent(s)"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PlanResult.Created(campaign.Id);
    }

    /// <summary>
    /// Round-robin over référents and scenario types, dates evenly over the period's working days
    /// (the évalué's: calling on its public holiday would measure nothing).
    /// </summary>
    public static IEnumerable<MysteryScenario> Spread(
        IReadOnlyList<ScenarioType> types, MysteryChannel channel, int count, IReadOnlyList<string> referentIds, DateOnly start, DateOnly end, Prefectures.HolidayZone zone)
    {
        var ofChannel = types.Where(t => t.Channel == channel).ToList();
        var days = new List<DateOnly>();
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            if (WorkingDays.IsWorkingDay(day, zone))
            {
                days.Add(day);
            }
        }

        if (days.Count == 0)
        {
            days.Add(start);
        }

        for (var i = 0; i < count; i++)
        {
            var type = ofChannel[i % ofChannel.Count];
            yield return new MysteryScenario
            {
                Channel = channel,
                Question = type.Question,
                Target = type.Target,
                AssignedReferentId = referentIds[i % referentIds.Count],
                PlannedOn = days[(int)((long)i * days.Count / Math.Max(1, count))],
            };
        }
    }

    private async Task<int> LatestGridAsync(string key, CancellationToken cancellationToken) =>
        await db.GridVersions.Where(g => g.Key == key).OrderByDescending(g => g.VersionNumber).Select(g => g.Id).FirstAsync(cancellationToken);
}
