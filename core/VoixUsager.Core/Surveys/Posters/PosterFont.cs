using PdfSharp.Fonts;
using VoixUsager.Reporting;

namespace VoixUsager.Surveys.Posters;

/// <summary>
/// PDFsharp finds no font by itself on Linux: it is given the DejaVu Sans the charts already embed, so a
/// poster prints the same from every server and carries its font inside the PDF.
/// </summary>
internal static class PosterFont
{
    public const string FamilyName = ChartFont.FamilyName;

    private const string RegularFace = "voixusager-sans-regular";
    private const string BoldFace = "voixusager-sans-bold";

    // PDFsharp's resolver is process-wide and may be set only before the first font is used, then only to
    // the same instance: Lazy sets it exactly once, whichever thread draws the first poster.
    private static readonly Lazy<Resolver> Instance = new(() =>
    {
        var resolver = new Resolver();
        GlobalFontSettings.FontResolver = resolver;
        return resolver;
    });

    public static void EnsureRegistered() => _ = Instance.Value;

    private sealed class Resolver : IFontResolver
    {
        private readonly byte[] regular = ChartFont.ReadResource(bold: false);
        private readonly byte[] bold = ChartFont.ReadResource(bold: true);

        // No italic is shipped: an italic request gets the upright face rather than nothing.
        public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
            string.Equals(familyName, FamilyName, StringComparison.OrdinalIgnoreCase)
                ? new FontResolverInfo(isBold ? BoldFace : RegularFace)
                : null;

        public byte[]? GetFont(string faceName) => faceName switch
        {
            RegularFace => regular,
            BoldFace => bold,
            _ => null,
        };
    }
}
