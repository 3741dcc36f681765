namespace VoixUsager.Results;

public enum IndicatorUnit
{
    Percent,
    Count,
}

/// <summary>A national indicator of the Qual-e-pref reports, with its default target.</summary>
public sealed record IndicatorDefinition(string Code, string Label, IndicatorUnit Unit, double? DefaultTarget, bool IsComputed);

/// <summary>
/// A period of indicators, days included. The targets, values and comments the quality team enters are
/// kept per calendar year: a period that is not one takes those of <see cref="EnteredYear"/>, the year
/// that holds most of it.
/// </summary>
public sealed record IndicatorPeriod(DateOnly From, DateOnly To)
{
    public int EnteredYear => From.Year == To.Year
        || To.DayNumber - new DateOnly(To.Year, 1, 1).DayNumber > new DateOnly(From.Year, 12, 31).DayNumber - From.DayNumber
            ? To.Year
            : From.Year;

    /// <summary>"du 20/01/2025 au 19/01/2026".</summary>
    public string Describe() =>
        $"du {From.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)} au {To.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}";
}

public static class Indicators
{
    public const string CallsAnswered = "appels-aboutis";
    public const string EmailsWithinFiveDays = "courriels-5-jours";
    public const string SurveySatisfaction = "satisfaction-usagers";

    public static readonly IReadOnlyList<IndicatorDefinition> All =
    [
        new(CallsAnswered, "Taux d’appels aboutis", IndicatorUnit.Percent, 90, IsComputed: true),
        new("site-maj-72h", "Site internet mis à jour sous 72 heures", IndicatorUnit.Percent, 100, IsComputed: false),
        new("taux-connexion-site", "Taux de connexion au site internet (visiteurs / population)", IndicatorUnit.Percent, 5, IsComputed: false),
        new("engagement-reseaux", "Taux d’engagement sur les réseaux sociaux", IndicatorUnit.Percent, 2, IsComputed: false),
        new(EmailsWithinFiveDays, "Courriels répondus sous 5 jours ouvrés", IndicatorUnit.Percent, 80, IsComputed: true),
        new("collectivites-rdv-4j", "Collectivités : rendez-vous fixé sous 4 jours", IndicatorUnit.Percent, 80, IsComputed: false),
        new("collectivites-rdv-10j", "Collectivités : rendez-vous tenu sous 10 jours", IndicatorUnit.Percent, 80, IsComputed: false),
        new(SurveySatisfaction, "Usagers satisfaits de l’accueil (enquête de satisfaction)", IndicatorUnit.Percent, null, IsComputed: true),
        new("usagers-pan-jour", "Usagers du point d’accueil numérique par jour", IndicatorUnit.Count, null, IsComputed: false),
        new("suggestions-reclamations", "Suggestions et réclamations reçues", IndicatorUnit.Count, null, IsComputed: false),
    ];

    public static IndicatorDefinition? Find(string code) => All.FirstOrDefault(i => i.Code == code);

    /// <summary>The national target of an indicator as written beside its rate, e.g. "objectif national ≥ 90 %".</summary>
    public static string TargetText(string code) =>
        Find(code)?.DefaultTarget is { } target ? $"objectif national ≥ {Statistics.FrenchFormat.Decimal(target, 0)} %" : "pas d’objectif national";

    /// <summary>
    /// The period a CLU's indicators cover: the twelve months that end on the cut-off day. A CLU meets
    /// about once a year and looks back on the year gone by, whatever the month it meets in: so the
    /// indicators cover the same ground as the mystery campaign and the survey presented beside them,
    /// where the calendar year of the cut-off would be almost empty for a CLU meeting in January.
    /// </summary>
    public static IndicatorPeriod TwelveMonthsTo(DateOnly cutoffDay) => new(cutoffDay.AddYears(-1).AddDays(1), cutoffDay);

    /// <summary>The UTC bounds of a year or semester, in French civil time.</summary>
    public static (DateOnly From, DateOnly To) Period(int year, int? semester) => semester switch
    {
        1 => (new DateOnly(year, 1, 1), new DateOnly(year, 6, 30)),
        2 => (new DateOnly(year, 7, 1), new DateOnly(year, 12, 31)),
        _ => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)),
    };
}
