namespace VoixUsager.Mystery;

public enum MysteryChannel
{
    Appel,
    Courriel,
}

/// <summary>
/// One immutable version of a mystery grid (call or email), versioned like questionnaires: a record
/// always points at the criteria it was scored on.
/// </summary>
public class GridVersion
{
    public int Id { get; set; }

    public required string Key { get; set; }

    public int VersionNumber { get; set; }

    public MysteryChannel Channel { get; set; }

    public required string Title { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public List<GridCriterion> Criteria { get; set; } = [];
}

public enum CriterionKind
{
    /// <summary>Oui / Non / Sans objet.</summary>
    OuiNon,

    /// <summary>Très satisfaisant, Satisfaisant, Peu satisfaisant, Insatisfaisant (4 down to 1).</summary>
    Echelle4,

    /// <summary>A whole number compared with a threshold, e.g. rings before pickup ≤ 5.</summary>
    Nombre,
}

public class GridCriterion
{
    public int Id { get; set; }

    public int GridVersionId { get; set; }

    public GridVersion GridVersion { get; set; } = null!;

    /// <summary>e.g. accueil, orientation, information, prise de congé; accusé de réception, délai, contenu, forme.</summary>
    public required string Group { get; set; }

    public required string Code { get; set; }

    public int Order { get; set; }

    public required string Label { get; set; }

    public string? HelpText { get; set; }

    public CriterionKind Kind { get; set; }

    public int Weight { get; set; } = 1;

    /// <summary>For <see cref="CriterionKind.Nombre"/>: the value is compliant when at most this.</summary>
    public int? MaxCompliant { get; set; }

    /// <summary>
    /// What to do when the criterion is often missed, as written with the criterion; the mystery report
    /// prefers it to the built-in wording of the national codes.
    /// </summary>
    public string? Recommendation { get; set; }
}
