using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Auditing;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Surveys;

namespace VoixUsager.Prefectures;

/// <summary>A new préfecture as typed in the form; the property names are the form's field names.</summary>
public sealed class PrefectureInput
{
    [Required(ErrorMessage = PrefectureAdministration.DepartementCodeMessage)]
    [ColumnLength(typeof(Prefecture), nameof(Prefecture.DepartementCode), ErrorMessage = PrefectureAdministration.DepartementCodeMessage)]
    public string? DepartementCode { get; set; }

    [Required(ErrorMessage = "Indiquez le nom du département.")]
    [ColumnLength(typeof(Prefecture), nameof(Prefecture.Name), ErrorMessage = "Le nom du département compte {1} caractères au plus.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Indiquez le nom affiché, par exemple « Préfecture du Cantal ».")]
    [ColumnLength(typeof(Prefecture), nameof(Prefecture.DisplayName), ErrorMessage = "Le nom affiché compte {1} caractères au plus.")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "Choisissez la zone de jours fériés.")]
    public HolidayZone? HolidayZone { get; set; }
}

/// <summary>A new site as typed in the form; the property names are the form's field names.</summary>
public sealed class SiteInput
{
    [Required(ErrorMessage = "Choisissez la préfecture du site.")]
    public int? SitePrefectureId { get; set; }

    [Required(ErrorMessage = "Indiquez le nom du site, par exemple « Sous-préfecture de Mauriac ».")]
    [ColumnLength(typeof(Site), nameof(Site.Name), ErrorMessage = "Le nom du site compte {1} caractères au plus.")]
    public string? SiteName { get; set; }

    [Required(ErrorMessage = PrefectureAdministration.SiteCodeMessage)]
    [ColumnLength(typeof(Site), nameof(Site.PublicCode), ErrorMessage = PrefectureAdministration.SiteCodeMessage)]
    public string? SiteCode { get; set; }

    [Required(ErrorMessage = "Choisissez le type de site.")]
    public SiteKind? SiteKind { get; set; }
}

/// <summary>The national list of préfectures and their sites: what may be added, each addition audited.</summary>
public sealed class PrefectureAdministration(AppDbContext db, FranceClock clock)
{
    public const string DepartementCodeMessage = "Le code du département compte 2 ou 3 caractères : 01 à 95, 2A, 2B, 971 à 976, 975 (Saint-Pierre-et-Miquelon) ou 977 et 978 (Saint-Barthélemy et Saint-Martin).";

    public const string SiteCodeMessage = "Le code public compte 3 à 60 caractères : lettres minuscules sans accent, chiffres et tirets (il apparaît dans l’adresse du QR code).";

    public async Task<ChangeResult> CreatePrefectureAsync(PrefectureInput input, AuditActor actor, CancellationToken cancellationToken)
    {
        var errors = InputValidation.Check(input);
        var code = input.DepartementCode?.Trim().ToUpperInvariant() ?? "";
        if (!errors.ContainsKey(nameof(PrefectureInput.DepartementCode)))
        {
            if (code.Length < 2 || !code.All(c => char.IsAsciiDigit(c) || c is 'A' or 'B'))
            {
                errors[nameof(PrefectureInput.DepartementCode)] = DepartementCodeMessage;
            }
            else if (await db.Prefectures.AnyAsync(p => p.DepartementCode == code, cancellationToken))
            {
                errors[nameof(PrefectureInput.DepartementCode)] = $"La préfecture du département {code} existe déjà.";
            }
        }

        if (input.HolidayZone is { } zone && !Enum.IsDefined(zone))
        {
            errors.TryAdd(nameof(PrefectureInput.HolidayZone), "Choisissez la zone de jours fériés.");
        }

        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        var prefecture = new Prefecture { DepartementCode = code, Name = input.Name!.Trim(), DisplayName = input.DisplayName!.Trim(), HolidayZone = input.HolidayZone!.Value };
        db.Prefectures.Add(prefecture);
        await db.SaveWithAuditAsync(() => AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, prefecture.Id, "prefecture.creee", nameof(Prefecture),
            prefecture.Id.ToString(CultureInfo.InvariantCulture), prefecture.DisplayName), cancellationToken);
        return new ChangeResult.Done(prefecture.Id);
    }

    public async Task<ChangeResult> CreateSiteAsync(SiteInput input, AuditActor actor, CancellationToken cancellationToken)
    {
        var errors = InputValidation.Check(input);
        var code = input.SiteCode?.Trim().ToLowerInvariant() ?? "";
        if (input.SitePrefectureId is { } prefectureId && !await db.Prefectures.AnyAsync(p => p.Id == prefectureId, cancellationToken))
        {
            errors.TryAdd(nameof(SiteInput.SitePrefectureId), "Choisissez la préfecture du site.");
        }

        if (!errors.ContainsKey(nameof(SiteInput.SiteCode)))
        {
            if (PublicSurveyLookup.NormaliseCode(code) is null || code.Length < 3)
            {
                errors[nameof(SiteInput.SiteCode)] = SiteCodeMessage;
            }
            else if (await db.Sites.AnyAsync(s => s.PublicCode == code, cancellationToken))
            {
                errors[nameof(SiteInput.SiteCode)] = $"Le code « {code} » est déjà utilisé par un autre site.";
            }
        }

        if (input.SiteKind is { } kind && !Enum.IsDefined(kind))
        {
            errors.TryAdd(nameof(SiteInput.SiteKind), "Choisissez le type de site.");
        }

        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        var site = new Site { PrefectureId = input.SitePrefectureId!.Value, PublicCode = code, Name = input.SiteName!.Trim(), Kind = input.SiteKind!.Value };
        db.Sites.Add(site);
        await db.SaveWithAuditAsync(() => AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, site.PrefectureId, "site.cree", nameof(Site),
            site.Id.ToString(CultureInfo.InvariantCulture), $"{site.Name} ({site.PublicCode})"), cancellationToken);
        return new ChangeResult.Done(site.Id);
    }
}
