using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Prefectures;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Administration;

/// <summary>The national list of préfectures and their sites; new ones are added here.</summary>
public class PrefecturesModel(AppDbContext db, StaffUser staff) : StaffPageModel
{
    public IReadOnlyList<Prefecture> Prefectures { get; private set; } = [];

    [BindProperty] public string DepartementCode { get; set; } = "";
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public HolidayZone HolidayZone { get; set; }
    [BindProperty] public int SitePrefectureId { get; set; }
    [BindProperty] public string SiteName { get; set; } = "";
    [BindProperty] public string SiteCode { get; set; } = "";
    [BindProperty] public SiteKind SiteKind { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostPrefectureAsync(CancellationToken cancellationToken)
    {
        var code = DepartementCode.Trim().ToUpperInvariant();
        if (code.Length is < 2 or > 3 || !code.All(c => char.IsAsciiDigit(c) || c is 'A' or 'B'))
        {
            Errors["DepartementCode"] = "Le code du département compte 2 ou 3 caractères : 01 à 95, 2A, 2B, 971 à 976, 975 (Saint-Pierre-et-Miquelon) ou 977 et 978 (Saint-Barthélemy et Saint-Martin).";
        }
        else if (await db.Prefectures.AnyAsync(p => p.DepartementCode == code, cancellationToken))
        {
            Errors["DepartementCode"] = $"La préfecture du département {code} existe déjà.";
        }

        if (Name.Trim().Length is 0 or > 100)
        {
            Errors["Name"] = "Indiquez le nom du département (100 caractères au plus).";
        }

        if (DisplayName.Trim().Length is 0 or > 150)
        {
            Errors["DisplayName"] = "Indiquez le nom affiché, par exemple « Préfecture du Cantal ».";
        }

        if (!Enum.IsDefined(HolidayZone))
        {
            Errors["HolidayZone"] = "Choisissez la zone de jours fériés.";
        }

        if (Errors.Count > 0)
        {
            await LoadAsync(cancellationToken);
            return Invalid();
        }

        var prefecture = new Prefecture { DepartementCode = code, Name = Name.Trim(), DisplayName = DisplayName.Trim(), HolidayZone = HolidayZone };
        db.Prefectures.Add(prefecture);
        await db.SaveChangesAsync(cancellationToken);
        staff.Audit(db, "prefecture.creee", nameof(Prefecture), prefecture.Id, prefecture.Id, prefecture.DisplayName);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/administration/prefectures");
    }

    public async Task<IActionResult> OnPostSiteAsync(CancellationToken cancellationToken)
    {
        var code = SiteCode.Trim().ToLowerInvariant();
        if (!await db.Prefectures.AnyAsync(p => p.Id == SitePrefectureId, cancellationToken))
        {
            Errors["SitePrefectureId"] = "Choisissez la préfecture du site.";
        }

        if (Surveys.PublicSurveyLookup.NormaliseCode(code) is null || code.Length < 3)
        {
            Errors["SiteCode"] = "Le code public compte 3 à 60 caractères : lettres minuscules sans accent, chiffres et tirets (il apparaît dans l’adresse du QR code).";
        }
        else if (await db.Sites.AnyAsync(s => s.PublicCode == code, cancellationToken))
        {
            Errors["SiteCode"] = $"Le code « {code} » est déjà utilisé par un autre site.";
        }

        if (SiteName.Trim().Length is 0 or > 150)
        {
            Errors["SiteName"] = "Indiquez le nom du site, par exemple « Sous-préfecture de Mauriac ».";
        }

        if (!Enum.IsDefined(SiteKind))
        {
            Errors["SiteKind"] = "Choisissez le type de site.";
        }

        if (Errors.Count > 0)
        {
            await LoadAsync(cancellationToken);
            return Invalid();
        }

        var site = new Site { PrefectureId = SitePrefectureId, PublicCode = code, Name = SiteName.Trim(), Kind = SiteKind };
        db.Sites.Add(site);
        await db.SaveChangesAsync(cancellationToken);
        staff.Audit(db, "site.cree", nameof(Site), site.Id, site.PrefectureId, $"{site.Name} ({site.PublicCode})");
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/administration/prefectures");
    }

    public static string ZoneLabel(HolidayZone zone) => Calendar.FrenchTimeZones.Label(zone);

    public static string KindLabel(SiteKind kind) => kind switch
    {
        SiteKind.Prefecture => "Préfecture",
        SiteKind.SousPrefecture => "Sous-préfecture",
        _ => "Point d’accueil numérique",
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Préfectures et sites";
        Prefectures = await db.Prefectures.AsNoTracking().Include(p => p.Sites).OrderBy(p => p.DepartementCode).ToListAsync(cancellationToken);
    }
}
