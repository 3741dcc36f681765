using ScottPlot;
using SkiaSharp;

namespace VoixUsager.Reporting;

/// <summary>
/// The font every chart is drawn with: DejaVu Sans, shipped inside this assembly, so a chart looks the same
/// on a developer's machine, in CI and on a server that has no font installed at all.
/// </summary>
public static class ChartFont
{
    /// <summary>
    /// The name the charts ask ScottPlot for. It is not "DejaVu Sans" on purpose: many machines have a system
    /// DejaVu Sans of another version, and a name no system font carries can only resolve to the embedded one.
    /// </summary>
    public const string FamilyName = "VoixUsager Sans";

    private const string RegularResource = "VoixUsager.Reporting.Fonts.DejaVuSans.ttf";
    private const string BoldResource = "VoixUsager.Reporting.Fonts.DejaVuSans-Bold.ttf";

    // ScottPlot's resolver list is a plain List read by every render: it must be written once, before any
    // chart is drawn, and never again. Lazy's default mode runs the registration exactly once across threads.
    private static readonly Lazy<EmbeddedFontResolver> Resolver = new(Register);

    internal static SKTypeface Regular => Resolver.Value.Regular;

    internal static SKTypeface Bold => Resolver.Value.Bold;

    /// <summary>Registers the embedded font with ScottPlot if that has not been done yet; cheap afterwards.</summary>
    public static void EnsureRegistered() => _ = Resolver.Value;

    internal static byte[] ReadResource(bool bold)
    {
        var name = bold ? BoldResource : RegularResource;
        using var stream = typeof(ChartFont).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Police intégrée introuvable : {name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static EmbeddedFontResolver Register()
    {
        var resolver = new EmbeddedFontResolver(Load(bold: false), Load(bold: true));
        // First in the list so the system resolver is never asked about our name.
        Fonts.FontResolvers.Insert(0, resolver);
        // Any label a chart forgets to name the font of gets the embedded one too, never a system font.
        Fonts.Default = FamilyName;
        return resolver;
    }

    private static SKTypeface Load(bool bold)
    {
        using var data = SKData.CreateCopy(ReadResource(bold));
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException("La police intégrée des graphiques est illisible.");
    }

    private sealed class EmbeddedFontResolver(SKTypeface regular, SKTypeface bold) : IFontResolver
    {
        // Kept for the life of the process: ScottPlot caches and shares the typefaces across renders.
        public SKTypeface Regular { get; } = regular;

        public SKTypeface Bold { get; } = bold;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

        // No italic is shipped: an italic request gets the upright face rather than a system font.
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            string.Equals(fontName, FamilyName, StringComparison.OrdinalIgnoreCase) ? (bold ? Bold : Regular) : null;
    }
}
