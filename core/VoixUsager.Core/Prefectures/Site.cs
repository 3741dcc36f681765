namespace VoixUsager.Prefectures;

/// <summary>A place where usagers are received: the préfecture itself, a sous-préfecture, or a PAN.</summary>
public class Site
{
    public int Id { get; set; }

    public int PrefectureId { get; set; }

    public Prefecture Prefecture { get; set; } = null!;

    /// <summary>
    /// Public code used in survey URLs and printed on QR-code posters (lower-case letters, digits, hyphens).
    /// Unique across all préfectures, so a poster never points at the wrong one.
    /// </summary>
    public required string PublicCode { get; set; }

    public required string Name { get; set; }

    public SiteKind Kind { get; set; }

    public bool IsActive { get; set; } = true;
}

public enum SiteKind
{
    Prefecture,
    SousPrefecture,
    PointAccueilNumerique,
}
