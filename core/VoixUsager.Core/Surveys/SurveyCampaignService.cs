using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Auditing;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Questionnaires;

namespace VoixUsager.Surveys;

/// <summary>A new survey campaign as typed in the form; the property names are the form's field names.</summary>
public sealed class SurveyCampaignInput
{
    [Required(ErrorMessage = "Donnez un nom à la campagne, par exemple « Campagne octobre – décembre 2026 ».")]
    [ColumnLength(typeof(SurveyCampaign), nameof(SurveyCampaign.Name), ErrorMessage = "Le nom de la campagne compte {1} caractères au plus.")]
    public string? Name { get; set; }

    /// <summary>yyyy-MM-dd, as a date input posts it.</summary>
    public string? StartsOn { get; set; }

    public string? EndsOn { get; set; }
}

/// <summary>Opens and closes a préfecture's survey campaigns: one open campaign at a time, each change audited.</summary>
public sealed class SurveyCampaignService(AppDbContext db, FranceClock clock)
{
    public async Task<ChangeResult> CreateAsync(int prefectureId, SurveyCampaignInput input, AuditActor actor, CancellationToken cancellationToken)
    {
        var errors = InputValidation.Check(input);
        var name = input.Name?.Trim() ?? "";
        var validStart = DateOnly.TryParseExact(input.StartsOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start);
        var validEnd = DateOnly.TryParseExact(input.EndsOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end);
        if (!validStart || !validEnd)
        {
            errors.TryAdd(nameof(SurveyCampaignInput.StartsOn), "Indiquez les dates de début et de fin.");
        }
        else if (end < start)
        {
            errors.TryAdd(nameof(SurveyCampaignInput.EndsOn), "La fin de la campagne doit suivre son début.");
        }
        else if (end < clock.Today)
        {
            errors.TryAdd(nameof(SurveyCampaignInput.EndsOn), "La campagne serait déjà terminée : choisissez une fin à venir.");
        }
        else if (await db.SurveyCampaigns.AnyAsync(c => c.PrefectureId == prefectureId && c.ClosedAtUtc == null && c.StartsOn <= end && c.EndsOn >= start, cancellationToken))
        {
            errors.TryAdd(nameof(SurveyCampaignInput.StartsOn), "Une autre campagne couvre déjà une partie de cette période : une seule campagne est ouverte à la fois.");
        }

        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        var questionnaire = await db.QuestionnaireVersions.Where(v => v.Key == DefaultQuestionnaire.Key && (v.PrefectureId == null || v.PrefectureId == prefectureId))
            .OrderByDescending(v => v.VersionNumber).Select(v => v.Id).FirstAsync(cancellationToken);
        var campaign = new SurveyCampaign { PrefectureId = prefectureId, Name = name, StartsOn = start, EndsOn = end, QuestionnaireVersionId = questionnaire };
        db.SurveyCampaigns.Add(campaign);
        await db.SaveWithAuditAsync(() => AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, prefectureId, "campagne.creee", nameof(SurveyCampaign),
            campaign.Id.ToString(CultureInfo.InvariantCulture), $"{name} : {start:dd/MM/yyyy} – {end:dd/MM/yyyy}"), cancellationToken);
        return new ChangeResult.Done(campaign.Id);
    }

    /// <summary>
    /// Changes a campaign's name and dates. A planned campaign may move as a whole, but not into the
    /// past. A running one keeps its start (responses were collected from it) and may only end later,
    /// or earlier as long as the end is not before today: to stop it now, it is closed. A closed
    /// campaign no longer changes: its figures are the record of what happened.
    /// </summary>
    public async Task<ChangeResult> UpdateAsync(int prefectureId, int campaignId, SurveyCampaignInput input, AuditActor actor, CancellationToken cancellationToken)
    {
        var campaign = await db.SurveyCampaigns.SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return new ChangeResult.NotFound();
        }

        if (campaign.PrefectureId != prefectureId)
        {
            return new ChangeResult.Forbidden();
        }

        var today = clock.Today;
        var state = Results.CampaignStates.Of(campaign.StartsOn, campaign.EndsOn, campaign.ClosedAtUtc is not null, today);
        var errors = InputValidation.Check(input);
        if (state == Results.CampaignState.Close)
        {
            errors.TryAdd("", $"La campagne « {campaign.Name} » est close : ses dates ne changent plus.");
            return new ChangeResult.Invalid(errors);
        }

        var name = input.Name?.Trim() ?? "";
        var validStart = DateOnly.TryParseExact(input.StartsOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start);
        var validEnd = DateOnly.TryParseExact(input.EndsOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end);
        if (!validStart)
        {
            errors.TryAdd(nameof(SurveyCampaignInput.StartsOn), "Indiquez la date de début, par exemple 01/10/2026.");
        }
        else if (state == Results.CampaignState.Ouverte && start != campaign.StartsOn)
        {
            errors.TryAdd(nameof(SurveyCampaignInput.StartsOn), $"La campagne est ouverte depuis le {campaign.StartsOn:dd/MM/yyyy} : son début ne change plus.");
        }
        else if (state == Results.CampaignState.Prevue && start < today)
        {
            errors.TryAdd(nameof(SurveyCampaignInput.StartsOn), "Le début ne peut pas être dans le passé : choisissez aujourd’hui ou une date à venir.");
        }

        if (!validEnd)
        {
            errors.TryAdd(nameof(SurveyCampaignInput.EndsOn), "Indiquez la date de fin, par exemple 31/12/2026.");
        }
        else if (validStart && end < start)
        {
            errors.TryAdd(nameof(SurveyCampaignInput.EndsOn), "La fin de la campagne doit suivre son début.");
        }
        else if (end < today)
        {
            errors.TryAdd(nameof(SurveyCampaignInput.EndsOn), "La fin ne peut pas être dans le passé : pour arrêter la campagne maintenant, closez-la.");
        }

        if (errors.Count == 0 && await db.SurveyCampaigns.AnyAsync(c => c.Id != campaign.Id && c.PrefectureId == prefectureId && c.ClosedAtUtc == null && c.StartsOn <= end && c.EndsOn >= start, cancellationToken))
        {
            errors.TryAdd(nameof(SurveyCampaignInput.EndsOn), "Une autre campagne couvre déjà une partie de cette période : une seule campagne est ouverte à la fois.");
        }

        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        var details = $"{campaign.Name} : {campaign.StartsOn:dd/MM/yyyy} – {campaign.EndsOn:dd/MM/yyyy} devient {name} : {start:dd/MM/yyyy} – {end:dd/MM/yyyy}";
        if (campaign.Name == name && campaign.StartsOn == start && campaign.EndsOn == end)
        {
            return new ChangeResult.Done(campaign.Id);
        }

        var action = state == Results.CampaignState.Ouverte && end > campaign.EndsOn ? "campagne.prolongee" : "campagne.modifiee";
        campaign.Name = name;
        campaign.StartsOn = start;
        campaign.EndsOn = end;
        await db.SaveWithAuditAsync(() => AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, prefectureId, action, nameof(SurveyCampaign),
            campaign.Id.ToString(CultureInfo.InvariantCulture), details), cancellationToken);
        return new ChangeResult.Done(campaign.Id);
    }

    /// <summary>Ends a campaign before its date; closing a closed campaign changes nothing.</summary>
    public async Task<ChangeResult> CloseAsync(int prefectureId, int campaignId, AuditActor actor, CancellationToken cancellationToken)
    {
        var campaign = await db.SurveyCampaigns.SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return new ChangeResult.NotFound();
        }

        if (campaign.PrefectureId != prefectureId)
        {
            return new ChangeResult.Forbidden();
        }

        // A campaign that has not started is not "closed early": it would vanish from the results with
        // no response ever possible. The page offers "Clore" on open campaigns only; this refuses a
        // hand-made post too.
        if (campaign.ClosedAtUtc is null && campaign.StartsOn > clock.Today)
        {
            return new ChangeResult.Invalid(new Dictionary<string, string>
            {
                [""] = $"La campagne « {campaign.Name} » n’a pas commencé : seule une campagne ouverte peut être close.",
            });
        }

        if (campaign.ClosedAtUtc is null)
        {
            campaign.ClosedAtUtc = clock.UtcNow;
            db.AuditEntries.Add(AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, prefectureId, "campagne.close", nameof(SurveyCampaign),
                campaign.Id.ToString(CultureInfo.InvariantCulture), campaign.Name));
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ChangeResult.Done(campaign.Id);
    }
}
