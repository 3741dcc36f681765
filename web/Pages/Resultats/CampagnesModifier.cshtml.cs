using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Results;
using VoixUsager.Surveys;
using VoixUsager.Web.Results;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Resultats;

/// <summary>One survey campaign's name and dates: all of them before it starts, its end while it runs.</summary>
public class CampagnesModifierModel(AppDbContext db, StaffUser staff, SurveyCampaignService campaigns, FranceClock clock) : ResultsPageModel(db, staff)
{
    public SurveyCampaign Campaign { get; private set; } = null!;

    public CampaignState State { get; private set; }

    /// <summary>Bound from the form's own field names (Name, StartsOn, EndsOn).</summary>
    [BindProperty] public SurveyCampaignInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int campaignId, CancellationToken cancellationToken)
    {
        if (await ResolveCampaignAsync(campaignId, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input = new SurveyCampaignInput { Name = Campaign.Name, StartsOn = Campaign.StartsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), EndsOn = Campaign.EndsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int campaignId, CancellationToken cancellationToken)
    {
        if (await ResolveCampaignAsync(campaignId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await campaigns.UpdateAsync(PrefectureId, campaignId, Input, new AuditActor(Staff.Id, Staff.Email), cancellationToken);
        return result switch
        {
            ChangeResult.Invalid invalid => Invalid(invalid.Errors, State == CampaignState.Close ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest),
            ChangeResult.NotFound => NotFound(),
            ChangeResult.Forbidden => Forbid(),
            _ => RedirectToPage("/Resultats/Campagnes", PrefectureRoute()),
        };
    }

    private async Task<IActionResult?> ResolveCampaignAsync(int campaignId, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Modifier une campagne";
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var campaign = await Db.SurveyCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null || campaign.PrefectureId != PrefectureId)
        {
            // Another préfecture's campaign is not shown, not even to say it exists.
            return NotFound();
        }

        Campaign = campaign;
        State = CampaignStates.Of(campaign.StartsOn, campaign.EndsOn, campaign.ClosedAtUtc is not null, clock.Today);
        ViewData["Title"] = $"Modifier la campagne « {campaign.Name} »";
        return null;
    }
}
