using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QRCoder;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Questionnaires;
using VoixUsager.Surveys;
using VoixUsager.Surveys.Posters;
using VoixUsager.Web.Results;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Resultats;

/// <summary>
/// The préfecture's survey campaigns (open one, close one early) and, for each site, the survey's address
/// and QR code to print on the posters of the reception hall.
/// </summary>
public class CampagnesModel(AppDbContext db, StaffUser staff, SurveyCampaignService campaigns, EmailLinks links, FranceClock clock) : ResultsPageModel(db, staff)
{
    public sealed record CampaignRow(int Id, string Name, DateOnly StartsOn, DateOnly EndsOn, bool IsClosed, int Responses)
    {
        public VoixUsager.Results.CampaignState StateOn(DateOnly today) => VoixUsager.Results.CampaignStates.Of(StartsOn, EndsOn, IsClosed, today);
    }

    public DateOnly Today => clock.Today;

    public IReadOnlyList<CampaignRow> Rows { get; private set; } = [];

    /// <summary>Bound from the form's own field names (Name, StartsOn, EndsOn).</summary>
    [BindProperty] public SurveyCampaignInput NewCampaign { get; set; } = new();

    public string? Name => NewCampaign.Name;
    public string? StartsOn => NewCampaign.StartsOn;
    public string? EndsOn => NewCampaign.EndsOn;

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

        if (Errors.Count > 0)
        {
            await LoadAsync(cancellationToken);
            return Invalid();
        }

        var result = await campaigns.CreateAsync(PrefectureId, NewCampaign, new AuditActor(Staff.Id, Staff.Email), cancellationToken);
        if (result is ChangeResult.Invalid invalid)
        {
            await LoadAsync(cancellationToken);
            return Invalid(invalid.Errors);
        }

        return RedirectToPage(PrefectureRoute());
    }

    public async Task<IActionResult> OnPostCloseAsync(int campaignId, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await campaigns.CloseAsync(PrefectureId, campaignId, new AuditActor(Staff.Id, Staff.Email), cancellationToken);
        if (result is ChangeResult.Invalid invalid)
        {
            ViewData["Title"] = "Campagnes et QR codes";
            await LoadAsync(cancellationToken);
            return Invalid(invalid.Errors);
        }

        return result switch
        {
            ChangeResult.NotFound => NotFound(),
            ChangeResult.Forbidden => Forbid(),
            _ => RedirectToPage(PrefectureRoute()),
        };
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
        using var data = generator.CreateQrCode(SurveyUrl(site.PublicCode), PosterPdf.ErrorCorrection);
        return File(new PngByteQRCode(data).GetGraphic(12), "image/png", $"qr-code-{site.PublicCode}.png");
    }

    /// <summary>
    /// A site's printable poster as PDF, for the hall (canal=qr) or the digital-help desk (canal=pan), in A4
    /// or A5. Another préfecture's site is not found: its existence is none of this team's business.
    /// </summary>
    public async Task<IActionResult> OnGetPosterAsync(int siteId, string? canal, string? format, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var prefectureId = PrefectureId;
        var site = Errors.Count > 0 ? null : await Db.Sites.AsNoTracking()
            .Where(s => s.Id == siteId && s.PrefectureId == prefectureId && s.IsActive)
            .Select(s => new { s.Name, s.PublicCode, Prefecture = s.Prefecture.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);
        if (site is null)
        {
            return NotFound();
        }

        var channel = SurveyChannels.FromUrlValue(canal);
        var posterFormat = PosterPdf.FromUrlValue(format);
        if (!PosterPdf.PaperChannels.Contains(channel) || posterFormat is not { } chosenFormat)
        {
            return BadRequest(new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Affiche inconnue",
                Detail = "Les affiches existent pour le hall d’accueil (canal=qr) et le point d’accueil numérique (canal=pan), au format A4 ou A5 (format=a4 ou a5).",
            });
        }

        var pdf = PosterPdf.Build(new PosterContent(site.Prefecture, site.Name, channel, SurveyUrl(site.PublicCode, channel), await SurveyLanguages.OfferedAsync(Db, prefectureId, siteId, channel, clock.Today, cancellationToken)), chosenFormat);
        var fileName = $"affiche-{site.PublicCode}-{SurveyChannels.ToUrlValue(channel)}-{PosterPdf.ToUrlValue(chosenFormat)}.pdf";
        return File(pdf, "application/pdf", fileName);
    }

    /// <summary>From App:PublicBaseUrl, never the request's Host: the poster must point at the real site.</summary>
    public string SurveyUrl(string publicCode) => SurveyUrl(publicCode, SurveyChannel.QrCode);

    public string SurveyUrl(string publicCode, SurveyChannel channel) =>
        links.ToPage("/Avis/Index", new { siteCode = publicCode, canal = SurveyChannels.ToUrlValue(channel) });

    public static IReadOnlyList<SurveyChannel> PosterChannels => PosterPdf.PaperChannels;

    public static IReadOnlyList<PosterFormat> PosterFormats { get; } = Enum.GetValues<PosterFormat>();

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
