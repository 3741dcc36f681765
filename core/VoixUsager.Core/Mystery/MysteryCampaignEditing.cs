using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Accounts;
using VoixUsager.Auditing;
using VoixUsager.Data;
using VoixUsager.Data.EntityConfigurations;

namespace VoixUsager.Mystery;

/// <summary>
/// Changes a mystery campaign after its creation, closes it and reopens it. Each part (period, calls,
/// emails, référents) may change only while no record depends on it: a submitted record was scored
/// against the period and the scenario it was given, and a draft would be lost with its scenario.
/// </summary>
public sealed class MysteryCampaignEditing(AppDbContext db, FranceClock clock)
{
    /// <summary>The reason for reopening, kept in the audit log.</summary>
    public const int ReopenReasonMaxLength = 500;

    public sealed record EditRequest(
        string Name,
        DateOnly? StartsOn,
        DateOnly? EndsOn,
        int TargetCalls,
        int TargetEmails,
        IReadOnlyList<string> ReferentIds,
        string ScenarioLines);

    /// <summary>The scenario types of a campaign as the creation form writes them, one a line.</summary>
    public static string ScenarioLinesOf(IEnumerable<MysteryScenario> scenarios) =>
        string.Join("\n", TypesOf(scenarios).Select(t => $"{(t.Channel == MysteryChannel.Appel ? "appel" : "courriel")} ; {t.Question} ; {t.Target}"));

    private static List<MysteryCampaignPlanner.ScenarioType> TypesOf(IEnumerable<MysteryScenario> scenarios) =>
        scenarios.OrderBy(s => s.Channel).ThenBy(s => s.Id)
            .Select(s => new MysteryCampaignPlanner.ScenarioType(s.Channel, s.Question, s.Target))
            .Distinct()
            .ToList();

    public async Task<ChangeResult> UpdateAsync(int campaignId, EditRequest request, AuditActor actor, CancellationToken cancellationToken)
    {
        var campaign = await db.MysteryCampaigns
            .Include(c => c.Scenarios).Include(c => c.Referents).Include(c => c.Partners).Include(c => c.EvaluatedPrefecture)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return new ChangeResult.NotFound();
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!campaign.IsOpen)
        {
            errors[""] = "La campagne est close : rouvrez-la pour la modifier.";
            return new ChangeResult.Invalid(errors);
        }

        var name = request.Name.Trim();
        if (name.Length is 0 or > MysteryCampaignConfiguration.NameMaxLength)
        {
            errors["Name"] = $"Donnez un nom à la campagne ({MysteryCampaignConfiguration.NameMaxLength} caractères au plus), par exemple « Enquêtes mystères 2026 ».";
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

        var partners = campaign.Partners.Select(p => p.PrefectureId).ToList();
        var referentIds = request.ReferentIds.Distinct().ToList();
        var referentRoleId = await db.Roles.Where(r => r.Name == Roles.Referent).Select(r => r.Id).SingleAsync(cancellationToken);
        var validReferents = await db.Users
            .Where(u => referentIds.Contains(u.Id) && u.PrefectureId != null && partners.Contains(u.PrefectureId.Value)
                        && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == referentRoleId))
            .CountAsync(cancellationToken);
        if (referentIds.Count == 0 || validReferents != referentIds.Count)
        {
            errors["ReferentIds"] = "Choisissez au moins un référent, parmi ceux des préfectures partenaires.";
        }

        var types = MysteryCampaignPlanner.ParseScenarioLines(request.ScenarioLines, errors);
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
            return new ChangeResult.Invalid(errors);
        }

        var start = request.StartsOn!.Value;
        var end = request.EndsOn!.Value;
        var current = TypesOf(campaign.Scenarios);
        bool TypesChanged(MysteryChannel channel) =>
            !current.Where(t => t.Channel == channel).SequenceEqual(types.Where(t => t.Channel == channel).Distinct());
        var periodChanged = start != campaign.StartsOn || end != campaign.EndsOn;
        var referentsChanged = !campaign.Referents.Select(r => r.UserId).ToHashSet().SetEquals(referentIds);
        var callsChanged = referentsChanged || request.TargetCalls != campaign.TargetCalls || TypesChanged(MysteryChannel.Appel);
        var emailsChanged = referentsChanged || request.TargetEmails != campaign.TargetEmails || TypesChanged(MysteryChannel.Courriel);

        var records = await db.MysteryRecords.Where(r => r.CampaignId == campaign.Id)
            .Select(r => new { r.Status, r.Scenario.Channel }).ToListAsync(cancellationToken);
        if (periodChanged && records.Any(r => r.Status == RecordStatus.Soumis))
        {
            errors["StartsOn"] = "Des fiches sont déjà soumises pendant cette période : elle ne peut plus changer.";
        }

        if (referentsChanged && records.Count > 0)
        {
            errors["ReferentIds"] = "Des fiches sont déjà saisies (en brouillon ou soumises) : les référents ne peuvent plus changer.";
        }
        else
        {
            if (callsChanged && records.Any(r => r.Channel == MysteryChannel.Appel))
            {
                errors["TargetCalls"] = "Des fiches d’appel sont déjà saisies (en brouillon ou soumises) : les appels prévus et leurs scénarios ne peuvent plus changer.";
            }

            if (emailsChanged && records.Any(r => r.Channel == MysteryChannel.Courriel))
            {
                errors["TargetEmails"] = "Des fiches de courriel sont déjà saisies (en brouillon ou soumises) : les courriels prévus et leurs scénarios ne peuvent plus changer.";
            }
        }

        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        var changes = new List<string>();
        if (name != campaign.Name)
        {
            changes.Add($"nom : « {campaign.Name} » devient « {name} »");
        }

        if (periodChanged)
        {
            changes.Add($"période : {campaign.StartsOn:dd/MM/yyyy} – {campaign.EndsOn:dd/MM/yyyy} devient {start:dd/MM/yyyy} – {end:dd/MM/yyyy}");
        }

        if (referentsChanged)
        {
            changes.Add($"référents : {referentIds.Count}");
        }

        campaign.Name = name;
        campaign.StartsOn = start;
        campaign.EndsOn = end;
        var zone = campaign.EvaluatedPrefecture.HolidayZone;
        foreach (var (channel, changed, target) in new[] { (MysteryChannel.Appel, callsChanged, request.TargetCalls), (MysteryChannel.Courriel, emailsChanged, request.TargetEmails) })
        {
            var existing = campaign.Scenarios.Where(s => s.Channel == channel).OrderBy(s => s.PlannedOn).ThenBy(s => s.Id).ToList();
            if (changed)
            {
                // Nothing was entered for these scenarios: they are planned again from the new settings.
                db.MysteryScenarios.RemoveRange(existing);
                campaign.Scenarios.AddRange(MysteryCampaignPlanner.Spread(types, channel, target, referentIds, start, end, zone));
                changes.Add($"{(channel == MysteryChannel.Appel ? "appels" : "courriels")} : {target} prévus, {types.Count(t => t.Channel == channel)} scénario(s)");
            }
            else if (periodChanged)
            {
                // Same scenarios and référents, dates spread again over the new period.
                var days = MysteryCampaignPlanner.Spread([new(channel, "", "")], channel, existing.Count, ["-"], start, end, zone).Select(s => s.PlannedOn).ToList();
                for (var i = 0; i < existing.Count; i++)
                {
                    existing[i].PlannedOn = days[i];
                }
            }
        }

        campaign.TargetCalls = request.TargetCalls;
        campaign.TargetEmails = request.TargetEmails;
        if (referentsChanged)
        {
            db.RemoveRange(campaign.Referents.Where(r => !referentIds.Contains(r.UserId)).ToList());
            foreach (var id in referentIds.Where(id => campaign.Referents.All(r => r.UserId != id)))
            {
                campaign.Referents.Add(new MysteryCampaignReferent { CampaignId = campaign.Id, UserId = id });
            }
        }

        if (changes.Count == 0)
        {
            return new ChangeResult.Done(campaign.Id);
        }

        await db.SaveWithAuditAsync(() => AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, campaign.EvaluatedPrefectureId, "campagne-mystere.modifiee",
            nameof(MysteryCampaign), campaign.Id.ToString(CultureInfo.InvariantCulture), string.Join(" ; ", changes)), cancellationToken);
        return new ChangeResult.Done(campaign.Id);
    }

    /// <summary>Closes the campaign: its records can no longer be entered nor corrected.</summary>
    public async Task<ChangeResult> CloseAsync(int campaignId, AuditActor actor, CancellationToken cancellationToken)
    {
        var campaign = await db.MysteryCampaigns.SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return new ChangeResult.NotFound();
        }

        if (!campaign.IsOpen)
        {
            return new ChangeResult.Invalid(new Dictionary<string, string> { [""] = $"La campagne « {campaign.Name} » est déjà close." });
        }

        campaign.ClosedAtUtc = clock.UtcNow;
        await db.SaveWithAuditAsync(() => AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, campaign.EvaluatedPrefectureId, "campagne-mystere.close",
            nameof(MysteryCampaign), campaign.Id.ToString(CultureInfo.InvariantCulture), campaign.Name), cancellationToken);
        return new ChangeResult.Done(campaign.Id);
    }

    /// <summary>Opens a closed campaign again, for a reason the audit log keeps (a record to correct, a late call).</summary>
    public async Task<ChangeResult> ReopenAsync(int campaignId, string? reason, AuditActor actor, CancellationToken cancellationToken)
    {
        var campaign = await db.MysteryCampaigns.SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return new ChangeResult.NotFound();
        }

        var why = reason?.Trim() ?? "";
        if (campaign.IsOpen)
        {
            return new ChangeResult.Invalid(new Dictionary<string, string> { [""] = $"La campagne « {campaign.Name} » est ouverte." });
        }

        if (why.Length is 0 or > ReopenReasonMaxLength)
        {
            return new ChangeResult.Invalid(new Dictionary<string, string>
            {
                ["Reason"] = $"Indiquez pourquoi la campagne est rouverte ({ReopenReasonMaxLength} caractères au plus) : la raison est gardée au journal.",
            });
        }

        campaign.ClosedAtUtc = null;
        await db.SaveWithAuditAsync(() => AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, campaign.EvaluatedPrefectureId, "campagne-mystere.rouverte",
            nameof(MysteryCampaign), campaign.Id.ToString(CultureInfo.InvariantCulture), $"{campaign.Name} : {why}"), cancellationToken);
        return new ChangeResult.Done(campaign.Id);
    }
}
