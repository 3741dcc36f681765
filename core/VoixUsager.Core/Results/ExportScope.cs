using System.Globalization;
using System.Text;
using VoixUsager.Calendar;

namespace VoixUsager.Results;

/// <summary>
/// What an export covers: whose figures, with which filters, up to when. Written at the top of every
/// file and in its name, so a file found weeks later in a shared folder still says what it holds.
/// </summary>
/// <param name="Filters">Each filter as the reader knows it, e.g. ("Campagne", "Campagne 2026").</param>
public sealed record ExportScope(string PrefectureName, IReadOnlyList<(string Name, string Value)> Filters, DateTime CutoffUtc)
{
    private const int MaxFilterSlugLength = 60;

    public string FiltersText => Filters.Count == 0 ? "aucun filtre" : string.Join(" ; ", Filters.Select(f => $"{f.Name} : {f.Value}"));

    public string CutoffText => FrenchTimeZones.UtcToParis(CutoffUtc).ToString("dd/MM/yyyy à HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The lines a file opens with, as label and value.</summary>
    public IReadOnlyList<(string Label, string Value)> Header =>
    [
        ("Préfecture", PrefectureName),
        ("Filtres", FiltersText),
        ("Données arrêtées au", CutoffText),
    ];

    /// <summary>e.g. voixusager-reponses-prefecture-cantal-campagne-2026-arrete-2026-11-29-1340.csv</summary>
    public string FileName(string what, string extension)
    {
        var filters = Slug(string.Join("-", Filters.Select(f => f.Value)));
        if (filters.Length > MaxFilterSlugLength)
        {
            filters = filters[..MaxFilterSlugLength].TrimEnd('-');
        }

        var cutoff = FrenchTimeZones.UtcToParis(CutoffUtc).ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture);
        return $"voixusager-{what}-{Slug(PrefectureName)}{(filters.Length == 0 ? "" : "-" + filters)}-arrete-{cutoff}.{extension}";
    }

    /// <summary>Lower-case ASCII letters and digits separated by single hyphens: safe in every file system and mail client.</summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }
}
