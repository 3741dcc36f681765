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

    /// <summary>False once the site is retired: its survey link then says where to go instead.</summary>
    public bool IsActive { get; set; } = true;

    public DateTime? RetiredAtUtc { get; set; }

    /// <summary>What the public reads on a retired site's survey link, as the administrator wrote it.</summary>
    public string? RetirementMessage { get; set; }

    /// <summary>Codes the site had before: posters printed with them keep leading to its survey.</summary>
    public List<SiteFormerCode> FormerCodes { get; set; } = [];
}

/// <summary>
/// A public code a site no longer uses. It stays reserved for that site, and its survey URL redirects
/// to the site's current code, so QR-code posters already printed keep working.
/// </summary>
public class SiteFormerCode
{
    public int Id { get; set; }

    public int SiteId { get; set; }

    public Site Site { get; set; } = null!;

    public required string Code { get; set; }

    public DateTime ReplacedAtUtc { get; set; }
}

public enum SiteKind
{
    Prefecture,
    SousPrefecture,
    PointAccueilNumerique,
}

public static class SiteKinds
{
    public static string Label(SiteKind kind) => kind switch
    {
        SiteKind.Prefecture => "Préfecture",
        SiteKind.SousPrefecture => "Sous-préfecture",
        _ => "Point d’accueil numérique",
    };
}
