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

/// <summary>Which set of public holidays applies, since working days are counted per zone.</summary>
public enum HolidayZone
{
    Metropole,
    AlsaceMoselle,
    Guadeloupe,
    Martinique,
    Guyane,
    LaReunion,
    Mayotte,
}
