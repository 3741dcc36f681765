using System.ComponentModel.DataAnnotations;

namespace VoixUsager.Results;

/// <summary>Bound from the <c>Results</c> section: when a mystery criterion becomes a strength or a weakness, and the start-up warm-up.</summary>
public sealed class ResultsOptions : IValidatableObject
{
    public const string Section = "Results";

    /// <summary>A criterion met in at least this share of observations is a strength.</summary>
    [Range(0.0, 1.0)]
    public double StrengthAt { get; set; } = RecommendationWriter.DefaultStrengthAt;

    /// <summary>A criterion met in at most this share of observations gets a recommendation.</summary>
    [Range(0.0, 1.0)]
    public double RecommendAt { get; set; } = RecommendationWriter.DefaultRecommendAt;

    /// <summary>Below this many observations a criterion is listed "à confirmer" instead.</summary>
    [Range(1, 100_000)]
    public int MinimumObservations { get; set; } = RecommendationWriter.DefaultMinimumObservations;

    /// <summary>Computes one dashboard at start-up, before the first request (see <see cref="ResultsWarmUp"/>).</summary>
    public bool WarmUpAtStart { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RecommendAt >= StrengthAt)
        {
            yield return new ValidationResult(
                "Results:RecommendAt doit être inférieur à Results:StrengthAt : un critère ne peut pas être à la fois un point fort et une faiblesse.",
                [nameof(RecommendAt), nameof(StrengthAt)]);
        }
    }
}
