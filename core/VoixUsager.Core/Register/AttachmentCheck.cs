namespace VoixUsager.Register;

/// <summary>
/// What a scanned fiche may be: a PDF, PNG or JPEG, recognised by its first bytes rather than its
/// name, under a size cap. The declared type and the extension are never trusted.
/// </summary>
public static class AttachmentCheck
{
    /// <summary>A scanned page or two fits well under this.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>What forms say they accept, from the same figures as the check.</summary>
    public static string AcceptedDescription => $"PDF, PNG ou JPEG, {MaxBytes / (1024 * 1024)} Mo au plus";

    public const string TooLargeMessage = "Le fichier dépasse 5 Mo : numérisez-le ou photographiez-le en résolution plus basse.";

    public const string WrongTypeMessage = "Le fichier doit être un PDF, une image PNG ou une image JPEG.";

    public const string MismatchMessage = "Le contenu du fichier ne correspond pas à son extension : seuls les vrais PDF, PNG et JPEG sont acceptés.";

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    /// <summary>The content type the bytes really are, or null when they are none of the accepted ones.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content) =>
        content.StartsWith("%PDF-"u8) ? "application/pdf"
        : content.StartsWith(PngSignature) ? "image/png"
        : content.StartsWith(JpegSignature) ? "image/jpeg"
        : null;

    public static string? TypeOfExtension(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        _ => null,
    };

    /// <summary>The refusal message, or null when the file is accepted as <paramref name="contentType"/>.</summary>
    public static string? Check(string fileName, ReadOnlySpan<byte> content, out string? contentType)
    {
        contentType = null;
        if (content.Length > MaxBytes)
        {
            return TooLargeMessage;
        }

        var declared = TypeOfExtension(fileName);
        if (declared is null)
        {
            return WrongTypeMessage;
        }

        var actual = Sniff(content);
        if (actual != declared)
        {
            return actual is null && content.Length == 0 ? WrongTypeMessage : MismatchMessage;
        }

        contentType = actual;
        return null;
    }

    /// <summary>A file name safe in a header and on any disk: the base name, no control or path characters.</summary>
    public static string SafeFileName(string fileName, int maxLength)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim();
        if (name.Length == 0)
        {
            name = "piece-jointe";
        }

        return name.Length <= maxLength ? name : name[^maxLength..];
    }
}
