using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QRCoder;
using VoixUsager.Data;
using VoixUsager.Questionnaires;
using VoixUsager.Surveys;
using VoixUsager.Web.Results;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Resultats;

/// <summary>
/// The préfecture's survey campaigns (open one, close one early) and, for each site, the survey's address
/// and QR code to print on the posters of the reception hall.
/// </summary>
public class CampagnesModel(AppDbContext db, StaffUser staff, FranceClock clock) : ResultsPageModel(db, staff)
{
    public sealed record CampaignRow(int Id, string Name, DateOnly StartsOn, DateOnly EndsOn, bool IsClosed, int Responses)
    {
        public VoixUsager.Results.CampaignState StateOn(DateOnly today) => VoixUsager.Results.CampaignStates.Of(StartsOn, EndsOn, IsClosed, today);
    }

    public DateOnly Today => clock.Today;

    public IReadOnlyList<CampaignRow> Rows { get; private set; } = [];

    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string? StartsOn { get; set; }
    [BindProperty] public string? EndsOn { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Campagnes et QR codes";
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Campagnes et QR codes";
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var name = Name.Trim();
        if (name.Length is 0 or > 150)
        {
            Errors["Name"] = "Donnez un nom à la campagne, par exemple « Campagne octobre – décembre 2026 ».";
        }

        var validStart = DateOnly.TryParseExact(StartsOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start);
        var validEnd = DateOnly.TryParseExact(EndsOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end);
        if (!validStart || !validEnd)
        {
            Errors["StartsOn"] = "Indiquez les dates de début et de fin.";
        }
        else if (end < start)
        {
            Errors["EndsOn"] = "La fin de la campagne doit suivre son début.";
        }
        else if (end < clock.Today)
        {
            Errors["EndsOn"] = "La campagne serait déjà terminée : choisissez une fin à venir.";
        }
        else
        {
            var prefectureId = PrefectureId;
            var overlapping = await Db.SurveyCampaigns.AnyAsync(c => c.PrefectureId == prefectureId && c.ClosedAtUtc == null && c.StartsOn <= end && c.EndsOn >= start, cancellationToken);
            if (overlapping)
            {
                Errors["StartsOn"] = "Une autre campagne couvre déjà une partie de cette période : une seule campagne est ouverte à la fois.";
            }
        }

        if (Errors.Count > 0)
        {
            await LoadAsync(cancellationToken);
            return Invalid();
        }

        var questionnaire = await Db.QuestionnaireVersions.Where(v => v.Key == DefaultQuestionnaire.Key && (v.PrefectureId == null || v.PrefectureId == PrefectureId))
            .OrderByDescending(v => v.VersionNumber).Select(v => v.Id).FirstAsync(cancellationToken);
        var campaign = new SurveyCampaign { PrefectureId = PrefectureId, Name = name, StartsOn = start, EndsOn = end, QuestionnaireVersionId = questionnaire };
        Db.SurveyCampaigns.Add(campaign);
        await Db.SaveChangesAsync(cancellationToken);
        Staff.Audit(Db, "campagne.creee", nameof(SurveyCampaign), campaign.Id, PrefectureId, $"{name} : {start:dd/MM/yyyy} – {end:dd/MM/yyyy}");
        await Db.SaveChangesAsync(cancellationToken);
        return Redirect($"/resultats/campagnes{(PrefectureQuery.Length > 0 ? "?" + PrefectureQuery : "")}");
    }

    public async Task<IActionResult> OnPostCloseAsync(int campaignId, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var campaign = await Db.SurveyCampaigns.SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }

        if (campaign.PrefectureId != PrefectureId)
        {
            return Forbid();
        }

        campaign.ClosedAtUtc ??= clock.UtcNow;
        Staff.Audit(Db, "campagne.close", nameof(SurveyCampaign), campaign.Id, PrefectureId, campaign.Name);
        await Db.SaveChangesAsync(cancellationToken);
        return Redirect($"/resultats/campagnes{(PrefectureQuery.Length > 0 ? "?" + PrefectureQuery : "")}");
    }

    /// <summary>The QR code of a site's survey for the reception-hall poster, as a PNG to print.</summary>
    public async Task<IActionResult> OnGetQrAsync(int siteId, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var site = await Db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == siteId, cancellationToken);
        if (site is null)
        {
            return NotFound();
        }

        if (site.PrefectureId != PrefectureId)
        {
            return Forbid();
        }

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(SurveyUrl(site.PublicCode), QRCodeGenerator.ECCLevel.Q);
        return File(new PngByteQRCode(data).GetGraphic(12), "image/png", $"qr-code-{site.PublicCode}.png");
    }

    public string SurveyUrl(string publicCode) => $"{Request.Scheme}://{Request.Host}/avis/{publicCode}?canal=qr";

    public IReadOnlyList<(int Id, string Name, string Code)> SiteCodes { get; private set; } = [];

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var prefectureId = PrefectureId;
        Rows = await Db.SurveyCampaigns.AsNoTracking().Where(c => c.PrefectureId == prefectureId).OrderByDescending(c => c.StartsOn)
            .Select(c => new CampaignRow(c.Id, c.Name, c.StartsOn, c.EndsOn, c.ClosedAtUtc != null, Db.SurveyResponses.Count(r => r.CampaignId == c.Id)))
            .ToListAsync(cancellationToken);
        SiteCodes = (await Db.Sites.AsNoTracking().Where(s => s.PrefectureId == prefectureId && s.IsActive).OrderBy(s => s.Kind).ThenBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.PublicCode }).ToListAsync(cancellationToken)).Select(s => (s.Id, s.Name, s.PublicCode)).ToList();
    }
}
