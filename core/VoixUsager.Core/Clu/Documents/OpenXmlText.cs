using System.Text;

namespace VoixUsager.Clu.Documents;

/// <summary>Text as the Office documents' XML holds it.</summary>
internal static class OpenXmlText
{
    public const string A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    public const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public const string P = "http://schemas.openxmlformats.org/presentationml/2006/main";
    public const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public const string Wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    public const string Pic = "http://schemas.openxmlformats.org/drawingml/2006/picture";

    /// <summary>EMU per inch: the unit of every position and size in DrawingML.</summary>
    public const long EmuPerInch = 914_400;

    /// <summary>
    /// Escaped for an element or an attribute. Characters XML 1.0 forbids (control characters a member of
    /// the public may paste into a suggestion) are dropped: one of them would make the file unreadable.
    /// </summary>
    public static string Escape(string? text)
    {
        var builder = new StringBuilder((text?.Length ?? 0) + 16);
        foreach (var c in text ?? string.Empty)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&apos;"); break;
                case '\t' or '\n' or '\r': builder.Append(' '); break;
                case < ' ' or '\uFFFE' or '\uFFFF': break;
                default: builder.Append(c); break;
            }
        }

        return RemoveLoneSurrogates(builder);
    }

    private static string RemoveLoneSurrogates(StringBuilder builder)
    {
        for (var i = builder.Length - 1; i >= 0; i--)
        {
            var c = builder[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < builder.Length && char.IsLowSurrogate(builder[i + 1])
                : !char.IsLowSurrogate(c) || (i > 0 && char.IsHighSurrogate(builder[i - 1]));
            if (!paired)
            {
                builder.Remove(i, 1);
            }
        }

        return builder.ToString();
    }

    /// <summary>The width and height of a PNG, from its header.</summary>
    public static (int Width, int Height) PngSize(byte[] png) =>
        (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
}
