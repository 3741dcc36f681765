using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
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

/// <summary>A site's new name, code and kind as typed in the form; the property names are the form's field names.</summary>
public sealed class SiteEditInput
{
    [Required(ErrorMessage = "Indiquez le nom du site, par exemple « Sous-préfecture de Mauriac ».")]
    [ColumnLength(typeof(Site), nameof(Site.Name), ErrorMessage = "Le nom du site compte {1} caractères au plus.")]
    public string? SiteName { get; set; }

    [Required(ErrorMessage = PrefectureAdministration.SiteCodeMessage)]
    [ColumnLength(typeof(Site), nameof(Site.PublicCode), ErrorMessage = PrefectureAdministration.SiteCodeMessage)]
    public string? SiteCode { get; set; }

    [Required(ErrorMessage = "Choisissez le type de site.")]
    public SiteKind? SiteKind { get; set; }
}

/// <summary>Why a site closes and where its public should go instead, as typed in the form.</summary>
public sealed class SiteRetirementInput
{
    [ColumnLength(typeof(Site), nameof(Site.RetirementMessage), ErrorMessage = "Le message compte {1} caractères au plus.")]
    public string? RetirementMessage { get; set; }
}

/// <summary>The national list of préfectures and their sites: what may be added, changed or retired, each change audited.</summary>
public sealed class PrefectureAdministration(AppDbContext db, FranceClock clock, IMemoryCache cache)
{
    public const string DepartementCodeMessage = "Le code du département compte 2 ou 3 caractères : 01 à 95, 2A, 2B, 971 à 976, 975 (Saint-Pierre-et-Miquelon) ou 977 et 978 (Saint-Barthélemy et Saint-Martin).";

    public const string SiteCodeMessage = "Le code public compte 3 à 60 caractères : lettres minuscules sans accent, chiffres et tirets (il apparaît dans l’adresse du QR code).";

    public async Task<ChangeResult> CreatePrefectureAsync(PrefectureInput input, AuditActor actor, CancellationToken cancellationToken)
    {
        var (errors, code) = await CheckPrefectureAsync(input, null, cancellationToken);
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

    /// <summary>
    /// Changes a préfecture's code, names and zone. Working-day counts already shown are recomputed
    /// with the new zone: the zone is a fact about the place, corrected rather than versioned.
    /// </summary>
    public async Task<ChangeResult> UpdatePrefectureAsync(int prefectureId, PrefectureInput input, AuditActor actor, CancellationToken cancellationToken)
    {
        var prefecture = await db.Prefectures.SingleOrDefaultAsync(p => p.Id == prefectureId, cancellationToken);
        if (prefecture is null)
        {
            return new ChangeResult.NotFound();
        }

        var (errors, code) = await CheckPrefectureAsync(input, prefectureId, cancellationToken);
        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        var changes = new List<string>();
        Track(changes, "code", prefecture.DepartementCode, code);
        Track(changes, "nom", prefecture.Name, input.Name!.Trim());
        Track(changes, "nom affiché", prefecture.DisplayName, input.DisplayName!.Trim());
        Track(changes, "zone", Calendar.FrenchTimeZones.Label(prefecture.HolidayZone), Calendar.FrenchTimeZones.Label(input.HolidayZone!.Value));
        if (changes.Count == 0)
        {
            return new ChangeResult.Done(prefecture.Id);
        }

        prefecture.DepartementCode = code;
        prefecture.Name = input.Name!.Trim();
        prefecture.DisplayName = input.DisplayName!.Trim();
        prefecture.HolidayZone = input.HolidayZone!.Value;
        await db.SaveWithAuditAsync(() => AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, prefecture.Id, "prefecture.modifiee", nameof(Prefecture),
            prefecture.Id.ToString(CultureInfo.InvariantCulture), string.Join(" ; ", changes)), cancellationToken);
        return new ChangeResult.Done(prefecture.Id);
    }

    private async Task<(Dictionary<string, string> Errors, string Code)> CheckPrefectureAsync(PrefectureInput input, int? exceptId, CancellationToken cancellationToken)
    {
        var errors = InputValidation.Check(input);
        var code = input.DepartementCode?.Trim().ToUpperInvariant() ?? "";
        if (!errors.ContainsKey(nameof(PrefectureInput.DepartementCode)))
        {
            if (code.Length < 2 || !code.All(c => char.IsAsciiDigit(c) || c is 'A' or 'B'))
            {
                errors[nameof(PrefectureInput.DepartementCode)] = DepartementCodeMessage;
            }
            else if (await db.Prefectures.AnyAsync(p => p.DepartementCode == code && p.Id != exceptId, cancellationToken))
            {
                errors[nameof(PrefectureInput.DepartementCode)] = $"La préfecture du département {code} existe déjà.";
            }
        }

        if (input.HolidayZone is { } zone && !Enum.IsDefined(zone))
        {
            errors.TryAdd(nameof(PrefectureInput.HolidayZone), "Choisissez la zone de jours fériés.");
        }

        return (errors, code);
    }

    private static void Track(List<string> changes, string what, string before, string after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add($"{what} : « {before} » devient « {after} »");
        }
    }

    /// <summary>
    /// Renames a site or changes its public code. The old code is kept as a former code of the site:
    /// its survey URL redirects to the new one, and no other site may take it, since posters printed
    /// with it are still on walls. The site itself may take back one of its former codes.
    /// </summary>
    public async Task<ChangeResult> UpdateSiteAsync(int siteId, SiteEditInput input, AuditActor actor, CancellationToken cancellationToken)
    {
        var site = await db.Sites.Include(s => s.FormerCodes).SingleOrDefaultAsync(s => s.Id == siteId, cancellationToken);
        if (site is null)
        {
            return new ChangeResult.NotFound();
        }

        var errors = InputValidation.Check(input);
        var code = input.SiteCode?.Trim().ToLowerInvariant() ?? "";
        if (!errors.ContainsKey(nameof(SiteEditInput.SiteCode)))
        {
            errors.TryAddIfNotNull(nameof(SiteEditInput.SiteCode), await CodeProblemAsync(code, site.Id, cancellationToken));
        }

        if (input.SiteKind is { } kind && !Enum.IsDefined(kind))
        {
            errors.TryAdd(nameof(SiteEditInput.SiteKind), "Choisissez le type de site.");
        }

        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        var changes = new List<string>();
        Track(changes, "nom", site.Name, input.SiteName!.Trim());
        Track(changes, "type", SiteKinds.Label(site.Kind), SiteKinds.Label(input.SiteKind!.Value));
        var oldCode = site.PublicCode;
        var codeChanged = !string.Equals(oldCode, code, StringComparison.Ordinal);
        Track(changes, "code public", oldCode, code);
        if (changes.Count == 0)
        {
            return new ChangeResult.Done(site.Id);
        }

        site.Name = input.SiteName!.Trim();
        site.Kind = input.SiteKind!.Value;
        if (codeChanged)
        {
            // Taking back a former code: it is the current code again, no longer a redirect.
            var reclaimed = site.FormerCodes.SingleOrDefault(f => f.Code == code);
            if (reclaimed is not null)
            {
                db.SiteFormerCodes.Remove(reclaimed);
            }

            site.PublicCode = code;
            db.SiteFormerCodes.Add(new SiteFormerCode { SiteId = site.Id, Code = oldCode, ReplacedAtUtc = clock.UtcNow });
        }

        await db.SaveWithAuditAsync(() => AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, site.PrefectureId, codeChanged ? "site.code-change" : "site.modifie", nameof(Site),
            site.Id.ToString(CultureInfo.InvariantCulture), string.Join(" ; ", changes)), cancellationToken);
        PublicSurveyLookup.Forget(cache, oldCode, code);
        return new ChangeResult.Done(site.Id);
    }

    /// <summary>
    /// Closes a site to the public: its survey link answers that the site is closed and where to go
    /// instead. Its responses stay in the results; nothing is deleted.
    /// </summary>
    public async Task<ChangeResult> RetireSiteAsync(int siteId, SiteRetirementInput input, AuditActor actor, CancellationToken cancellationToken)
    {
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Id == siteId, cancellationToken);
        if (site is null)
        {
            return new ChangeResult.NotFound();
        }

        var errors = InputValidation.Check(input);
        if (!site.IsActive)
        {
            errors.TryAdd("", $"Le site « {site.Name} » est déjà fermé.");
        }

        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        var message = string.IsNullOrWhiteSpace(input.RetirementMessage) ? null : input.RetirementMessage.Trim();
        site.IsActive = false;
        site.RetiredAtUtc = clock.UtcNow;
        site.RetirementMessage = message;
        await db.SaveWithAuditAsync(() => AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, site.PrefectureId, "site.retire", nameof(Site),
            site.Id.ToString(CultureInfo.InvariantCulture), message is null ? site.Name : $"{site.Name} : {message}"), cancellationToken);
        PublicSurveyLookup.Forget(cache, site.PublicCode);
        return new ChangeResult.Done(site.Id);
    }

    /// <summary>Opens a retired site again, under its current code.</summary>
    public async Task<ChangeResult> ReopenSiteAsync(int siteId, AuditActor actor, CancellationToken cancellationToken)
    {
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Id == siteId, cancellationToken);
        if (site is null)
        {
            return new ChangeResult.NotFound();
        }

        if (site.IsActive)
        {
            return new ChangeResult.Invalid(new Dictionary<string, string> { [""] = $"Le site « {site.Name} » est ouvert." });
        }

        site.IsActive = true;
        site.RetiredAtUtc = null;
        site.RetirementMessage = null;
        await db.SaveWithAuditAsync(() => AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, site.PrefectureId, "site.rouvert", nameof(Site),
            site.Id.ToString(CultureInfo.InvariantCulture), site.Name), cancellationToken);
        PublicSurveyLookup.Forget(cache, site.PublicCode);
        return new ChangeResult.Done(site.Id);
    }

    /// <summary>Why <paramref name="code"/> cannot be the public code of site <paramref name="siteId"/> (null for a new site), or null.</summary>
    private async Task<string?> CodeProblemAsync(string code, int? siteId, CancellationToken cancellationToken)
    {
        if (PublicSurveyLookup.NormaliseCode(code) is null || code.Length < 3)
        {
            return SiteCodeMessage;
        }

        if (await db.Sites.AnyAsync(s => s.PublicCode == code && s.Id != siteId, cancellationToken))
        {
            return $"Le code « {code} » est déjà utilisé par un autre site.";
        }

        if (await db.SiteFormerCodes.AnyAsync(f => f.Code == code && f.SiteId != siteId, cancellationToken))
        {
            return $"Le code « {code} » a appartenu à un autre site et redirige vers lui (ses affiches restent en circulation) : choisissez-en un autre.";
        }

        return null;
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
            errors.TryAddIfNotNull(nameof(SiteInput.SiteCode), await CodeProblemAsync(code, null, cancellationToken));
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
