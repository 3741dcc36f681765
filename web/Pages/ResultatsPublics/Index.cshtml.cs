using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VoixUsager.Reporting;
using VoixUsager.Results;
using VoixUsager.Results.Statistics;

namespace VoixUsager.Web.Pages.ResultatsPublics;

/// <summary>
/// A préfecture's published results, for anyone: satisfaction per semester and the indicators against
/// their targets, as a page and as open data (CSV and JSON). Only the semesters its quality team
/// published, only aggregates, and no rate below <see cref="PublicResults.MinimumSample"/> answers.
/// </summary>
public class IndexModel(PublicResultsService results, Staff.EmailLinks links) : PageModel
{
    /// <summary>Shared caches and browsers may keep the page this long: a withdrawal shows within it.</summary>
    public static readonly TimeSpan PublicCacheDuration = TimeSpan.FromMinutes(5);

    public PublicPrefecture Prefecture { get; private set; } = null!;

    public IReadOnlyList<PublicSemester> Semesters { get; private set; } = [];

    /// <summary>The préfecture's name after an article: "la préfecture du Cantal".</summary>
    public string PrefectureInSentence => Prefecture.Name.Length == 0 ? "" : char.ToLowerInvariant(Prefecture.Name[0]) + Prefecture.Name[1..];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        if (Semesters.Count == 0)
        {
            return NothingPublished();
        }

        return File(PublicResultsData.Csv(Semesters), CsvExport.ContentType, $"resultats-{Prefecture.DepartementCode.ToLowerInvariant()}.csv");
    }

    public async Task<IActionResult> OnGetJsonAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        if (Semesters.Count == 0)
        {
            return NothingPublished();
        }

        // From App:PublicBaseUrl, never the request's Host: a cached file must not point elsewhere.
        var schema = links.ToPage("/ResultatsPublics/Schema");
        return File(PublicResultsData.Json(Prefecture, Semesters, schema), "application/json; charset=utf-8", $"resultats-{Prefecture.DepartementCode.ToLowerInvariant()}.json");
    }

    private NotFoundObjectResult NothingPublished() => NotFound(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Aucun résultat publié",
        Detail = $"La {PrefectureInSentence} n’a encore publié aucun résultat : les données ouvertes paraissent quand son équipe qualité publie un semestre.",
    });

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (await results.FindPrefectureAsync(code, cancellationToken) is not { } prefecture)
        {
            return NotFound();
        }

        Prefecture = prefecture;
        Semesters = await results.FiguresAsync(prefecture.Id, cancellationToken);
        // Only an anonymous response may be kept by shared caches: a signed-in person's page carries their menu.
        Response.Headers.CacheControl = User.Identity?.IsAuthenticated == true
            ? "private, no-cache"
            : $"public, max-age={PublicCacheDuration.TotalSeconds.ToString(CultureInfo.InvariantCulture)}";
        return null;
    }
}

/// <summary>The open-data files, with the field names the schema page documents.</summary>
public static class PublicResultsData
{
    public static readonly IReadOnlyList<string> CsvHeaders =
        ["semestre", "du", "au", "arrete_au", "rubrique", "code", "libelle", "n", "satisfaits", "taux_pourcent", "affichage", "cible", "objectif_atteint"];

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string? Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture);

    private static string? Number(decimal? value) => value?.ToString("0.###", CultureInfo.InvariantCulture);

    private static string? Int(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Bool(bool? value) => value switch { true => "oui", false => "non", _ => null };

    public static string Unit(IndicatorUnit unit) => unit == IndicatorUnit.Percent ? "pourcentage" : "nombre";

    public static byte[] Csv(IReadOnlyList<PublicSemester> semesters)
    {
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var s in semesters)
        {
            IReadOnlyList<string?> Row(string section, string code, string label, int? n, int? successes, decimal? percent, string display, string? target, string? met) =>
                [s.Key, Iso(s.From), Iso(s.To), Iso(s.CutoffUtc), section, code, label, Int(n), Int(successes), Number(percent), display, target, met];
            rows.Add(Row("reponses", "reponses", "Réponses au questionnaire", s.Responses, null, null, FrenchFormat.Count(s.Responses), null, null));
            rows.AddRange(s.Questions.Select(q => Row("satisfaction", q.Code, q.Label, q.Sample, q.Significant ? q.Successes : null, q.Percent, q.Display, null, null)));
            rows.AddRange(s.Sites.Select(q => Row("site", q.Code, q.Label, q.Sample, q.Significant ? q.Successes : null, q.Percent, q.Display, null, null)));
            rows.AddRange(s.Indicators.Select(i => Row("indicateur", i.Code, i.Label, i.Sample, null,
                i.Value is { } v ? (decimal)v : null, i.Display, Number(i.Target), Bool(i.MeetsTarget))));
        }

        // No preamble: open data starts with its header row, as the schema describes it.
        return CsvExport.Write(CsvHeaders, rows);
    }

    public static byte[] Json(PublicPrefecture prefecture, IReadOnlyList<PublicSemester> semesters, string? schema) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            schema,
            prefecture = new { code = prefecture.DepartementCode, nom = prefecture.Name },
            seuilSignificatif = PublicResults.MinimumSample,
            semestres = semesters.Select(s => new
            {
                semestre = s.Key,
                du = Iso(s.From),
                au = Iso(s.To),
                arreteAu = Iso(s.CutoffUtc),
                reponses = s.Responses,
                satisfaction = s.Questions.Select(Rate),
                sites = s.Sites.Select(Rate),
                indicateurs = s.Indicators.Select(i => new
                {
                    code = i.Code,
                    libelle = i.Label,
                    unite = Unit(i.Unit),
                    cible = i.Target,
                    valeur = i.Value,
                    n = i.Sample,
                    affichage = i.Display,
                    objectifAtteint = i.MeetsTarget,
                }),
            }),
        }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static object Rate(PublicRate rate) => new
    {
        code = rate.Code,
        libelle = rate.Label,
        n = rate.Sample,
        satisfaits = rate.Significant ? rate.Successes : (int?)null,
        tauxPourcent = rate.Percent,
        significatif = rate.Significant,
        affichage = rate.Display,
    };
}
