using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using QRCoder;
using VoixUsager.Reporting;

namespace VoixUsager.Surveys.Posters;

/// <summary>A4 for the wall of the reception hall, A5 for a desk's table-tent stand.</summary>
public enum PosterFormat
{
    A4,
    A5,
}

/// <summary>What one poster says. <paramref name="SurveyUrl"/> is the address the QR code and the text carry.</summary>
public sealed record PosterContent(
    string PrefectureName,
    string SiteName,
    SurveyChannel Channel,
    string SurveyUrl,
    IReadOnlyList<string> Languages);

/// <summary>
/// The printable poster of a site's survey: the State's bloc-marque in text, the préfecture and site, the
/// call to answer, the QR code drawn as vector squares (sharp at any print size) and the address written out.
/// </summary>
public static class PosterPdf
{
    /// <summary>
    /// The channels a poster stands for: the reception hall's wall and the digital-help desk. The website,
    /// emails and the switchboard carry the link themselves, not on paper.
    /// </summary>
    public static IReadOnlyList<SurveyChannel> PaperChannels { get; } = [SurveyChannel.QrCode, SurveyChannel.PointAccueilNumerique];

    /// <summary>The same error correction as the PNG QR code: a quarter of a crumpled or stained poster may be lost.</summary>
    public const QRCodeGenerator.ECCLevel ErrorCorrection = QRCodeGenerator.ECCLevel.Q;

    public static string PlaceLabel(SurveyChannel channel) => channel switch
    {
        SurveyChannel.PointAccueilNumerique => "point d’accueil numérique",
        _ => "hall d’accueil",
    };

    public static string FormatLabel(PosterFormat format) => format switch
    {
        PosterFormat.A5 => "A5, chevalet de comptoir",
        _ => "A4, affiche murale",
    };

    public static string ToUrlValue(PosterFormat format) => format == PosterFormat.A5 ? "a5" : "a4";

    public static PosterFormat? FromUrlValue(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "a4" => PosterFormat.A4,
        "a5" => PosterFormat.A5,
        _ => null,
    };

    /// <summary>The address as a person types it: browsers add "https://" themselves.</summary>
    public static string WrittenAddress(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? url["https://".Length..] : url;

    // The layout is drawn once, in A4 points; A5 is exactly A4 scaled by 1/√2, so the same drawing scaled
    // keeps every proportion.
    private const double A4Width = 595.28;
    private const double A4Height = 841.89;
    private const double Margin = 48;
    private const double QrSide = 270;

    private static readonly XColor BlueFrance = XColor.FromArgb(0x00, 0x00, 0x91);
    private static readonly XColor TextGrey = XColor.FromArgb(0x3A, 0x3A, 0x3A);

    public static byte[] Build(PosterContent content, PosterFormat format)
    {
        ArgumentNullException.ThrowIfNull(content);
        PosterFont.EnsureRegistered();

        using var document = new PdfDocument();
        document.Info.Title = $"Donnez votre avis — {content.SiteName}";
        document.Info.Author = content.PrefectureName;
        document.Info.Subject = $"Affiche du questionnaire de satisfaction ({PlaceLabel(content.Channel)})";

        var page = document.AddPage();
        page.Size = format == PosterFormat.A5 ? PageSize.A5 : PageSize.A4;
        page.Orientation = PageOrientation.Portrait;
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var scale = page.Width.Point / A4Width;
            if (Math.Abs(scale - 1) > 0.001)
            {
                graphics.ScaleTransform(scale);
            }

            Draw(graphics, content);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void Draw(XGraphics graphics, PosterContent content)
    {
        var bold = (double size) => new XFont(PosterFont.FamilyName, size, XFontStyleEx.Bold);
        var regular = (double size) => new XFont(PosterFont.FamilyName, size, XFontStyleEx.Regular);
        var black = new XSolidBrush(XColors.Black);
        var grey = new XSolidBrush(TextGrey);
        var blue = new XSolidBrush(BlueFrance);
        var width = A4Width - 2 * Margin;

        // Bloc-marque as the DSFR writes it: "République française" in capitals on two lines over the motto.
        graphics.DrawString("RÉPUBLIQUE", bold(15), black, Margin, Margin + 14);
        graphics.DrawString("FRANÇAISE", bold(15), black, Margin, Margin + 32);
        graphics.DrawString("Liberté", regular(9), black, Margin, Margin + 50);
        graphics.DrawString("Égalité", regular(9), black, Margin, Margin + 61);
        graphics.DrawString("Fraternité", regular(9), black, Margin, Margin + 72);

        // The préfecture and site beside it, where the DSFR header names the service.
        var nameLeft = Margin + 150;
        var names = new XTextFormatter(graphics);
        names.DrawString(content.PrefectureName, bold(14), black, new XRect(nameLeft, Margin, A4Width - Margin - nameLeft, 36), XStringFormats.TopLeft);
        names.DrawString(content.SiteName, regular(12), grey, new XRect(nameLeft, Margin + 38, A4Width - Margin - nameLeft, 40), XStringFormats.TopLeft);

        graphics.DrawRectangle(blue, Margin, Margin + 92, width, 3);

        // Cut where a reader pauses, not where the width happens to end.
        var center = new XStringFormat { Alignment = XStringAlignment.Center, LineAlignment = XLineAlignment.BaseLine };
        graphics.DrawString("Donnez votre avis", bold(40), blue, A4Width / 2, Margin + 160, center);
        graphics.DrawString("en 1 minute", bold(40), blue, A4Width / 2, Margin + 208, center);

        var invitation = content.Channel == SurveyChannel.PointAccueilNumerique
            ? "Comment s’est passée votre démarche au point d’accueil numérique\u00A0? Scannez le code avec l’appareil photo de votre téléphone, ou demandez à l’agent d’ouvrir le questionnaire."
            : "Comment s’est passé votre accueil\u00A0? Scannez le code avec l’appareil photo de votre téléphone.";
        var body = new XTextFormatter(graphics) { Alignment = XParagraphAlignment.Center };
        body.DrawString(invitation, regular(13), black, new XRect(Margin + 20, Margin + 236, width - 40, 60), XStringFormats.TopLeft);

        var qrTop = Margin + 300;
        DrawQrCode(graphics, content.SurveyUrl, (A4Width - QrSide) / 2, qrTop, QrSide);

        var afterQr = qrTop + QrSide + 30;
        graphics.DrawString("Ou saisissez cette adresse dans votre navigateur\u00A0:", regular(12), black, A4Width / 2, afterQr, center);
        var address = WrittenAddress(content.SurveyUrl);
        graphics.DrawString(address, FittingFont(graphics, address, bold, 16, width), black, A4Width / 2, afterQr + 24, center);

        var languages = content.Languages.Count == 0 ? "Français" : string.Join(", ", content.Languages);
        graphics.DrawString($"{(content.Languages.Count > 1 ? "Langues disponibles" : "Langue disponible")}\u00A0: {languages}", regular(12), black, A4Width / 2, afterQr + 56, center);

        var footer = new XTextFormatter(graphics) { Alignment = XParagraphAlignment.Center };
        footer.DrawString(
            "Questionnaire anonyme, sans compte. N’écrivez ni votre nom ni vos coordonnées dans vos réponses.",
            regular(9), grey, new XRect(Margin, A4Height - Margin - 28, width, 30), XStringFormats.TopLeft);
    }

    /// <summary>The largest size up to <paramref name="size"/> at which a long address still fits on one line.</summary>
    private static XFont FittingFont(XGraphics graphics, string text, Func<double, XFont> font, double size, double width)
    {
        var fitted = font(size);
        while (size > 7 && graphics.MeasureString(text, fitted).Width > width)
        {
            size -= 0.5;
            fitted = font(size);
        }

        return fitted;
    }

    /// <summary>
    /// Each row's run of dark modules is one filled rectangle: a vector code a printer renders sharp at
    /// any size, and a light file. The matrix already holds QRCoder's quiet zone around the code.
    /// </summary>
    private static void DrawQrCode(XGraphics graphics, string url, double left, double top, double side)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, ErrorCorrection);
        var matrix = data.ModuleMatrix;
        var modules = matrix.Count;
        var size = side / modules;
        var rectangles = new List<XRect>();
        for (var row = 0; row < modules; row++)
        {
            var line = matrix[row];
            var column = 0;
            while (column < modules)
            {
                if (!line[column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < modules && line[column])
                {
                    column++;
                }

                rectangles.Add(new XRect(left + start * size, top + row * size, (column - start) * size, size));
            }
        }

        graphics.DrawRectangles(XBrushes.Black, rectangles.ToArray());
    }
}
