using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Auditing;
using VoixUsager.Data;
using VoixUsager.Data.EntityConfigurations;

namespace VoixUsager.Mystery;

/// <summary>
/// What an administrator may change in a grid, read from the grid form: each criterion's order, group,
/// label, weight, threshold and recommendation, its removal, and one new criterion. The result is a new
/// version (see <see cref="GridVersioning"/>): campaigns already created keep the version they point at.
/// </summary>
public sealed class GridEditing(AppDbContext db, FranceClock clock)
{
    public const int MaxWeight = 10;
    public const int MaxThreshold = 1000;
    public const int MaxOrder = 999;

    public static string WeightField(int id) => $"w{id}";
    public static string ThresholdField(int id) => $"t{id}";
    public static string OrderField(int id) => $"o{id}";
    public static string GroupField(int id) => $"g{id}";
    public static string LabelField(int id) => $"l{id}";
    public static string RecommendationField(int id) => $"r{id}";
    public static string RemoveField(int id) => $"x{id}";

    public const string NewCode = "NewCode";
    public const string NewLabel = "NewLabel";
    public const string NewGroup = "NewGroup";
    public const string NewKind = "NewKind";
    public const string NewWeight = "NewWeight";
    public const string NewThreshold = "NewThreshold";
    public const string NewRecommendation = "NewRecommendation";
    public const string NewOrder = "NewOrder";

    /// <summary>Criteria the application reads by code: the record keeps their value in its own column.</summary>
    private static readonly HashSet<string> Required = new(StringComparer.Ordinal) { DefaultGrids.RingsCode };

    public abstract record Result
    {
        public sealed record Created(GridVersion Version) : Result;

        public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : Result;

        public sealed record NotFound : Result;
    }

    /// <param name="field">The posted value of a form field, or null when the form did not send it (then the value is kept).</param>
    public async Task<Result> CreateVersionAsync(string key, Func<string, string?> field, AuditActor actor, CancellationToken cancellationToken)
    {
        var latest = await db.GridVersions.AsNoTracking().Include(g => g.Criteria)
            .Where(g => g.Key == key).OrderByDescending(g => g.VersionNumber).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return new Result.NotFound();
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var criteria = new List<GridCriterion>();
        foreach (var c in latest.Criteria.OrderBy(c => c.Order))
        {
            if (IsChecked(field(RemoveField(c.Id))))
            {
                if (Required.Contains(c.Code))
                {
                    errors[RemoveField(c.Id)] = $"« {c.Label} » ne peut pas être retiré : sa valeur est reprise dans chaque fiche d’appel.";
                }

                continue;
            }

            // Every criterion of the latest version has its weight in the form: a form shown before another
            // version was made names other criteria, and is refused rather than half applied.
            var weight = Number(field(WeightField(c.Id)) ?? "", c.Weight, 1, MaxWeight, WeightField(c.Id), $"« {c.Label} » : le poids est un nombre entier de 1 à {MaxWeight}.", errors);
            var order = Number(field(OrderField(c.Id)), c.Order, 0, MaxOrder, OrderField(c.Id), $"« {c.Label} » : l’ordre est un nombre entier de 0 à {MaxOrder}.", errors);
            int? threshold = c.Kind == CriterionKind.Nombre
                ? Number(field(ThresholdField(c.Id)), c.MaxCompliant ?? 0, 0, MaxThreshold, ThresholdField(c.Id), $"« {c.Label} » : le seuil est un nombre entier de 0 à {MaxThreshold}.", errors)
                : null;
            var group = Text(field(GroupField(c.Id)), c.Group, GridCriterionConfiguration.GroupMaxLength, required: true, GroupField(c.Id), $"« {c.Label} » : indiquez le thème ({GridCriterionConfiguration.GroupMaxLength} caractères au plus).", errors);
            var label = Text(field(LabelField(c.Id)), c.Label, GridCriterionConfiguration.LabelMaxLength, required: true, LabelField(c.Id), $"Le libellé du critère « {c.Label} » est obligatoire ({GridCriterionConfiguration.LabelMaxLength} caractères au plus).", errors);
            var recommendation = Text(field(RecommendationField(c.Id)), c.Recommendation, GridCriterionConfiguration.RecommendationMaxLength, required: false, RecommendationField(c.Id), $"« {c.Label} » : la recommandation compte {GridCriterionConfiguration.RecommendationMaxLength} caractères au plus.", errors);
            criteria.Add(new GridCriterion
            {
                Code = c.Code, Kind = c.Kind, HelpText = c.HelpText,
                Group = group, Label = label, Order = order, Weight = weight, MaxCompliant = threshold, Recommendation = recommendation.Length == 0 ? null : recommendation,
            });
        }

        var added = ReadNewCriterion(field, latest, criteria.Count == 0 ? 1 : criteria.Max(c => c.Order) + 1, errors);
        if (added is not null)
        {
            criteria.Add(added);
        }

        if (errors.Count == 0 && criteria.Count == 0)
        {
            errors[""] = "Une grille garde au moins un critère.";
        }

        if (errors.Count > 0)
        {
            return new Result.Invalid(errors);
        }

        // Orders as typed may repeat or leave gaps: the new version numbers them 1, 2, 3 in that order.
        var ordered = criteria.Select((c, i) => (c, i)).OrderBy(x => x.c.Order).ThenBy(x => x.i).Select(x => x.c).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Order = i + 1;
        }

        var next = new GridVersion
        {
            Key = latest.Key,
            VersionNumber = latest.VersionNumber + 1,
            Channel = latest.Channel,
            Title = latest.Title,
            CreatedAtUtc = clock.UtcNow,
            Criteria = ordered,
        };
        db.GridVersions.Add(next);
        await db.SaveWithAuditAsync(() => AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, null, "grille.nouvelle-version", nameof(GridVersion),
            next.Id.ToString(CultureInfo.InvariantCulture), Describe(latest, next)), cancellationToken);
        return new Result.Created(next);
    }

    private static GridCriterion? ReadNewCriterion(Func<string, string?> field, GridVersion latest, int defaultOrder, Dictionary<string, string> errors)
    {
        var code = field(NewCode)?.Trim().ToLowerInvariant() ?? "";
        var label = field(NewLabel)?.Trim() ?? "";
        if (code.Length == 0 && label.Length == 0)
        {
            return null;
        }

        if (code.Length is < 3 or > GridCriterionConfiguration.CodeMaxLength || !code.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            errors[NewCode] = $"Le code du nouveau critère compte 3 à {GridCriterionConfiguration.CodeMaxLength} caractères : lettres minuscules sans accent, chiffres et tirets (il relie le critère d’une version à l’autre).";
        }
        else if (latest.Criteria.Any(c => c.Code == code))
        {
            errors[NewCode] = $"Le code « {code} » est déjà celui d’un critère de la grille.";
        }

        var text = Text(label, null, GridCriterionConfiguration.LabelMaxLength, required: true, NewLabel, $"Indiquez le libellé du nouveau critère ({GridCriterionConfiguration.LabelMaxLength} caractères au plus).", errors);
        var group = Text(field(NewGroup), null, GridCriterionConfiguration.GroupMaxLength, required: true, NewGroup, $"Indiquez le thème du nouveau critère ({GridCriterionConfiguration.GroupMaxLength} caractères au plus), par exemple « Accueil ».", errors);
        CriterionKind? kind = Enum.TryParse<CriterionKind>(field(NewKind), out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        if (kind is null)
        {
            errors[NewKind] = "Choisissez le type du nouveau critère.";
        }

        var weight = Number(field(NewWeight), 1, 1, MaxWeight, NewWeight, $"Le poids du nouveau critère est un nombre entier de 1 à {MaxWeight}.", errors);
        var order = Number(field(NewOrder), defaultOrder, 0, MaxOrder, NewOrder, $"L’ordre du nouveau critère est un nombre entier de 0 à {MaxOrder}.", errors);
        int? threshold = null;
        if (kind == CriterionKind.Nombre)
        {
            threshold = Number(string.IsNullOrWhiteSpace(field(NewThreshold)) ? "" : field(NewThreshold), 0, 0, MaxThreshold, NewThreshold,
                $"Un critère « nombre » a un seuil de conformité : un nombre entier de 0 à {MaxThreshold}.", errors);
        }

        var recommendation = Text(field(NewRecommendation), null, GridCriterionConfiguration.RecommendationMaxLength, required: true, NewRecommendation,
            $"Écrivez la recommandation du nouveau critère ({GridCriterionConfiguration.RecommendationMaxLength} caractères au plus), par exemple « Rappeler l’usager dans la journée » : elle figure dans le rapport quand le critère est peu respecté.", errors);
        return new GridCriterion { Code = code, Label = text, Group = group, Kind = kind ?? CriterionKind.OuiNon, Weight = weight, Order = order, MaxCompliant = threshold, Recommendation = recommendation };
    }

    private static string Describe(GridVersion before, GridVersion after)
    {
        var old = before.Criteria.ToDictionary(c => c.Code);
        var lines = new List<string> { $"{after.Title} v{after.VersionNumber}" };
        foreach (var c in after.Criteria)
        {
            if (!old.TryGetValue(c.Code, out var o))
            {
                lines.Add($"ajout de « {c.Label} » ({c.Code})");
            }
            else if (o.Label != c.Label || o.Group != c.Group || o.Weight != c.Weight || o.MaxCompliant != c.MaxCompliant || o.Recommendation != c.Recommendation || o.Order != c.Order)
            {
                lines.Add($"« {c.Label} » modifié");
            }
        }

        lines.AddRange(before.Criteria.Where(c => after.Criteria.All(a => a.Code != c.Code)).Select(c => $"retrait de « {c.Label} »"));
        return string.Join(" ; ", lines);
    }

    private static bool IsChecked(string? value) => value is "true" or "on";

    private static int Number(string? posted, int current, int min, int max, string name, string message, Dictionary<string, string> errors)
    {
        if (posted is null)
        {
            return current;
        }

        if (int.TryParse(posted.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.TryAdd(name, message);
        return current;
    }

    private static string Text(string? posted, string? current, int maxLength, bool required, string name, string message, Dictionary<string, string> errors)
    {
        var value = posted is null ? current : posted.Trim();
        if ((required && string.IsNullOrEmpty(value)) || value?.Length > maxLength)
        {
            errors.TryAdd(name, message);
        }

        return value ?? "";
    }
}
