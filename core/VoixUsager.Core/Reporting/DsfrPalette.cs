using ScottPlot;

namespace VoixUsager.Reporting;

/// <summary>
/// Colours of the Système de design de l'État used by the charts, as hex strings (for HTML, emails and
/// spreadsheets) and as ScottPlot colours. Every data colour reaches at least 3:1 against white, the
/// WCAG 1.4.11 minimum for graphical objects.
/// </summary>
public static class DsfrPalette
{
    public const string BlueFranceHex = "#000091";
    public const string RedMarianneHex = "#E1000F";

    // The four steps of the satisfaction scale, most satisfied first. The DSFR's light green #68A532 is
    // 2.99:1 against white, just under the 3:1 minimum, so the scale takes the success palette's
    // #27A658 (3.14:1) for its second step.
    public const string VerySatisfiedHex = "#18753C";
    public const string SatisfiedHex = "#27A658";
    public const string DissatisfiedHex = "#FC5D00";
    public const string VeryDissatisfiedHex = "#CE0500";
    public const string NoOpinionHex = "#929292";

    public const string TextGreyHex = "#3A3A3A";
    public const string GridHex = "#DDDDDD";

    public static readonly Color BlueFrance = Color.FromHex(BlueFranceHex);
    public static readonly Color RedMarianne = Color.FromHex(RedMarianneHex);
    public static readonly Color VerySatisfied = Color.FromHex(VerySatisfiedHex);
    public static readonly Color Satisfied = Color.FromHex(SatisfiedHex);
    public static readonly Color Dissatisfied = Color.FromHex(DissatisfiedHex);
    public static readonly Color VeryDissatisfied = Color.FromHex(VeryDissatisfiedHex);
    public static readonly Color NoOpinion = Color.FromHex(NoOpinionHex);
    public static readonly Color TextGrey = Color.FromHex(TextGreyHex);
    public static readonly Color Grid = Color.FromHex(GridHex);
    public static readonly Color White = Color.FromHex("#FFFFFF");
    public static readonly Color Black = Color.FromHex("#000000");

    /// <summary>The 4-point scale, most satisfied first, followed by "Sans avis" for a fifth series.</summary>
    public static IReadOnlyList<Color> SatisfactionScale { get; } =
        [VerySatisfied, Satisfied, Dissatisfied, VeryDissatisfied, NoOpinion];

    /// <summary>
    /// Colours for unordered series (trend lines per site or per question), distinct in hue and all at
    /// least 4.5:1 against white so thin lines stay visible; markers differ too, for colour-blind readers.
    /// </summary>
    public static IReadOnlyList<Color> Categorical { get; } =
    [
        BlueFrance,
        RedMarianne,
        VerySatisfied,
        Color.FromHex("#B34000"),
        Color.FromHex("#A558A0"),
        Color.FromHex("#8D533E"),
    ];

    /// <summary>WCAG 2 contrast ratio between two opaque colours, from 1 to 21.</summary>
    public static double ContrastRatio(Color a, Color b)
    {
        var la = RelativeLuminance(a);
        var lb = RelativeLuminance(b);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>Black or white, whichever reads better on <paramref name="background"/> (at least 4.5:1 for any colour).</summary>
    public static Color TextOn(Color background) =>
        ContrastRatio(background, White) >= ContrastRatio(background, Black) ? White : Black;

    private static double RelativeLuminance(Color color)
    {
        static double Channel(byte value)
        {
            var c = value / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(color.R)) + (0.7152 * Channel(color.G)) + (0.0722 * Channel(color.B));
    }
}
