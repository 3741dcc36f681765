namespace VoixUsager.Accounts;

/// <summary>The roles of VoixUsager. A user has exactly one.</summary>
public static class Roles
{
    /// <summary>National: manages préfectures, partnerships, mystery campaigns and grid templates.</summary>
    public const string Administrateur = "Administrateur";

    /// <summary>The quality team of one préfecture: its sites, campaigns, CLU and results.</summary>
    public const string Qualite = "Qualite";

    /// <summary>A référent of one préfecture: fills the mystery grids of the campaigns it is assigned to.</summary>
    public const string Referent = "Referent";

    /// <summary>
    /// An agent of one service of a préfecture, not in the quality team: sees and answers only the
    /// suggestions, complaints and actions assigned to that service.
    /// </summary>
    public const string Service = "Service";

    public static readonly IReadOnlyList<string> All = [Administrateur, Qualite, Referent, Service];

    /// <summary>
    /// Roles whose accounts must use a second factor (TOTP): those that read usagers' personal data
    /// (contact details left with a complaint) or act for a whole préfecture. Référents see neither.
    /// </summary>
    public static readonly IReadOnlyList<string> RequiringTwoFactor = [Administrateur, Qualite, Service];

    public static string Label(string role) => role switch
    {
        Administrateur => "Administrateur",
        Qualite => "Qualité",
        Referent => "Référent",
        Service => "Responsable de service",
        _ => role,
    };
}
