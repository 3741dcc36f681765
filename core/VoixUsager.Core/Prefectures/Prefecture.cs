namespace VoixUsager.Prefectures;

/// <summary>A préfecture: the tenant. One instance of VoixUsager can serve every préfecture of France.</summary>
public class Prefecture
{
    public int Id { get; set; }

    /// <summary>Département code as INSEE writes it: "01" to "95", "2A", "2B", "971" to "976".</summary>
    public required string DepartementCode { get; set; }

    /// <summary>The département's name, e.g. "Drôme".</summary>
    public required string Name { get; set; }

    /// <summary>How the préfecture names itself in headers and emails, e.g. "Préfecture de la Drôme".</summary>
    public required string DisplayName { get; set; }

    public HolidayZone HolidayZone { get; set; } = HolidayZone.Metropole;

    public List<Site> Sites { get; set; } = [];
}

/// <summary>
/// Which set of public holidays and which civil time apply, since working days are counted per zone.
/// Stored by name (at most 20 characters): a name is never changed once used.
/// </summary>
public enum HolidayZone
{
    Metropole,
    AlsaceMoselle,
    Guadeloupe,
    Martinique,
    Guyane,
    LaReunion,
    Mayotte,

    /// <summary>Collectivité of Saint-Barthélemy (the préfecture of Saint-Barthélemy and Saint-Martin sits in Saint-Martin).</summary>
    SaintBarthelemy,

    /// <summary>Collectivité of Saint-Martin, seat of the préfecture of Saint-Barthélemy and Saint-Martin.</summary>
    SaintMartin,

    /// <summary>Collectivité of Saint-Pierre-et-Miquelon.</summary>
    SaintPierreMiquelon,
}
