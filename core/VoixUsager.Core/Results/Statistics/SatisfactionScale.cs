namespace VoixUsager.Results.Statistics;

/// <summary>One level of the four-point scale and its share of the expressed answers.</summary>
public sealed record ScaleShare(int Score, string Label, Proportion Share);

/// <summary>
/// The answers to a four-point satisfaction question. "Sans avis" is kept for transparency but is not an
/// expressed answer: it counts neither for nor against satisfaction.
/// </summary>
public sealed record ScaleSummary
{
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public ScaleSummary(int tresSatisfaits, int satisfaits, int peuSatisfaits, int pasSatisfaits, int sansAvis)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tresSatisfaits);
        ArgumentOutOfRangeException.ThrowIfNegative(satisfaits);
        ArgumentOutOfRangeException.ThrowIfNegative(peuSatisfaits);
        ArgumentOutOfRangeException.ThrowIfNegative(pasSatisfaits);
        ArgumentOutOfRangeException.ThrowIfNegative(sansAvis);
        TresSatisfaits = tresSatisfaits;
        Satisfaits = satisfaits;
        PeuSatisfaits = peuSatisfaits;
        PasSatisfaits = pasSatisfaits;
        SansAvis = sansAvis;
    }

    /// <summary>Score 4, « Tout à fait satisfait ».</summary>
    public int TresSatisfaits { get; }

    /// <summary>Score 3, « Plutôt satisfait ».</summary>
    public int Satisfaits { get; }

    /// <summary>Score 2, « Plutôt pas satisfait ».</summary>
    public int PeuSatisfaits { get; }

    /// <summary>Score 1, « Pas du tout satisfait ».</summary>
    public int PasSatisfaits { get; }

    public int SansAvis { get; }

    /// <summary>Answers on the scale, "sans avis" excluded: the denominator of every rate here.</summary>
    public int Expressed => TresSatisfaits + Satisfaits + PeuSatisfaits + PasSatisfaits;

    /// <summary>The satisfaction rate: "tout à fait" plus "plutôt" satisfied over expressed answers.</summary>
    public Proportion TopTwoBox => new(TresSatisfaits + Satisfaits, Expressed);

    /// <summary>Mean score from 4 (tout à fait) to 1 (pas du tout); null when nobody expressed an opinion.</summary>
    public double? MeanScore => Expressed == 0
        ? null
        : (4.0 * TresSatisfaits + 3.0 * Satisfaits + 2.0 * PeuSatisfaits + PasSatisfaits) / Expressed;

    /// <summary>Each level's share of the expressed answers, from 4 down to 1.</summary>
    public IReadOnlyList<ScaleShare> Distribution =>
    [
        new(4, SatisfactionScale.Labels[4], new Proportion(TresSatisfaits, Expressed)),
        new(3, SatisfactionScale.Labels[3], new Proportion(Satisfaits, Expressed)),
        new(2, SatisfactionScale.Labels[2], new Proportion(PeuSatisfaits, Expressed)),
        new(1, SatisfactionScale.Labels[1], new Proportion(PasSatisfaits, Expressed)),
    ];
}

public static class SatisfactionScale
{
    /// <summary>The labels of the national questionnaire, by score.</summary>
    public static readonly IReadOnlyDictionary<int, string> Labels = new Dictionary<int, string>
    {
        [4] = "Tout à fait satisfait",
        [3] = "Plutôt satisfait",
        [2] = "Plutôt pas satisfait",
        [1] = "Pas du tout satisfait",
    };

    /// <summary>From counts per score: 4 = tout à fait … 1 = pas du tout, then "sans avis".</summary>
    public static ScaleSummary Summarize(int score4, int score3, int score2, int score1, int sansAvis) =>
        new(score4, score3, score2, score1, sansAvis);

    /// <summary>From individual answers, as stored: a score from 1 to 4, or null for "sans avis".</summary>
    /// <exception cref="ArgumentOutOfRangeException">A score outside 1–4.</exception>
    public static ScaleSummary Summarize(IEnumerable<int?> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        Span<int> counts = stackalloc int[5];
        foreach (var answer in answers)
        {
            if (answer is < 1 or > 4)
            {
                throw new ArgumentOutOfRangeException(nameof(answers), answer, "Une note de satisfaction va de 1 à 4.");
            }

            counts[answer ?? 0]++;
        }

        return new ScaleSummary(counts[4], counts[3], counts[2], counts[1], counts[0]);
    }
}
