using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace VoixUsager.Tests.Infrastructure;

/// <summary>
/// Reads a QR code drawn as vector rectangles back from a PDF page, with no rasterizer: the page's content
/// stream is interpreted (transforms, fill colour, rectangles), the black rectangles rebuilt as a bitmap,
/// and the bitmap decoded by ZXing as a phone would.
/// </summary>
public static class PdfQrReader
{
    public sealed record PageRead(double WidthPoints, double HeightPoints, bool HasImages, string? QrText, int BlackRectangles);

    public static PageRead Read(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.Equal(1, document.PageCount);
        var page = document.Pages[0];
        var rectangles = BlackRectangles(ContentReader.ReadContent(page));
        return new PageRead(page.Width.Point, page.Height.Point, HasImages(page), Decode(rectangles), rectangles.Count);
    }

    private static bool HasImages(PdfPage page)
    {
        var xObjects = page.Resources.Elements.GetDictionary("/XObject");
        if (xObjects is null)
        {
            return false;
        }

        return xObjects.Elements.Keys.Any(key => xObjects.Elements.GetDictionary(key)?.Elements.GetName("/Subtype") == "/Image");
    }

    private readonly record struct Box(double Left, double Bottom, double Right, double Top);

    /// <summary>Rectangles filled in black, in the page's own space (points, y upwards).</summary>
    private static List<Box> BlackRectangles(CSequence content)
    {
        var boxes = new List<Box>();
        var path = new List<Box>();
        var matrix = Identity;
        var saved = new Stack<(double[] Matrix, bool Black)>();
        var fillIsBlack = true;
        foreach (var op in content.OfType<COperator>())
        {
            var n = op.Operands.OfType<CNumber>().Select(Number).ToArray();
            switch (op.Name)
            {
                case "q":
                    saved.Push((matrix, fillIsBlack));
                    break;
                case "Q":
                    (matrix, fillIsBlack) = saved.Pop();
                    break;
                case "cm":
                    matrix = Multiply(n, matrix);
                    break;
                case "g":
                    fillIsBlack = n[0] == 0;
                    break;
                case "rg":
                    fillIsBlack = n.All(v => v == 0);
                    break;
                case "k":
                    fillIsBlack = n[3] == 1 || n.Take(3).All(v => v == 1);
                    break;
                case "re":
                    var (x1, y1) = Apply(matrix, n[0], n[1]);
                    var (x2, y2) = Apply(matrix, n[0] + n[2], n[1] + n[3]);
                    path.Add(new Box(Math.Min(x1, x2), Math.Min(y1, y2), Math.Max(x1, x2), Math.Max(y1, y2)));
                    break;
                case "f" or "F" or "f*" or "B" or "B*" or "b" or "b*":
                    if (fillIsBlack)
                    {
                        boxes.AddRange(path);
                    }

                    path.Clear();
                    break;
                case "n" or "S" or "s":
                    path.Clear();
                    break;
            }
        }

        return boxes;
    }

    private static string? Decode(List<Box> boxes)
    {
        if (boxes.Count == 0)
        {
            return null;
        }

        // Modules are the smallest black rectangles' height; the code is their bounding square.
        var module = boxes.Min(b => b.Top - b.Bottom);
        var left = boxes.Min(b => b.Left);
        var top = boxes.Max(b => b.Top);
        var columns = (int)Math.Round((boxes.Max(b => b.Right) - left) / module);
        var rows = (int)Math.Round((top - boxes.Min(b => b.Bottom)) / module);
        const int quiet = 4;
        const int pixels = 4;
        var width = (columns + 2 * quiet) * pixels;
        var height = (rows + 2 * quiet) * pixels;
        var bitmap = Enumerable.Repeat((byte)255, width * height).ToArray();
        foreach (var box in boxes)
        {
            var c0 = (int)Math.Round((box.Left - left) / module);
            var c1 = (int)Math.Round((box.Right - left) / module);
            var r0 = (int)Math.Round((top - box.Top) / module);
            var r1 = (int)Math.Round((top - box.Bottom) / module);
            for (var y = (r0 + quiet) * pixels; y < (r1 + quiet) * pixels; y++)
            {
                for (var x = (c0 + quiet) * pixels; x < (c1 + quiet) * pixels; x++)
                {
                    bitmap[y * width + x] = 0;
                }
            }
        }

        var source = new RGBLuminanceSource(bitmap, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true };
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints)?.Text;
    }

    private static readonly double[] Identity = [1, 0, 0, 1, 0, 0];

    private static double Number(CNumber number) => number switch
    {
        CInteger integer => integer.Value,
        CReal real => real.Value,
        _ => throw new InvalidOperationException("Nombre illisible dans le flux de la page."),
    };

    /// <summary>PDF's [a b c d e f] matrices, composed as the specification writes it: M × CTM.</summary>
    private static double[] Multiply(double[] m, double[] ctm) =>
    [
        m[0] * ctm[0] + m[1] * ctm[2],
        m[0] * ctm[1] + m[1] * ctm[3],
        m[2] * ctm[0] + m[3] * ctm[2],
        m[2] * ctm[1] + m[3] * ctm[3],
        m[4] * ctm[0] + m[5] * ctm[2] + ctm[4],
        m[4] * ctm[1] + m[5] * ctm[3] + ctm[5],
    ];

    private static (double X, double Y) Apply(double[] m, double x, double y) => (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]);
}
