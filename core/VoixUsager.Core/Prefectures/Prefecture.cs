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

    /// <summary>Working days, in the préfecture's zone, to answer a suggestion or complaint from the day it was received.</summary>
    public int CaseDeadlineWorkingDays { get; set; } = DefaultCaseDeadlineWorkingDays;

    /// <summary>Working days, in the préfecture's zone, to acknowledge a suggestion or complaint.</summary>
    public int AcknowledgementDeadlineWorkingDays { get; set; } = DefaultAcknowledgementDeadlineWorkingDays;

    public const int DefaultCaseDeadlineWorkingDays = 15;

    /// <summary>The same as the deadline to answer an email, which the Qual-e-pref label sets at 5 working days.</summary>
    public const int DefaultAcknowledgementDeadlineWorkingDays = Calendar.WorkingDays.DefaultDeadline;

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
