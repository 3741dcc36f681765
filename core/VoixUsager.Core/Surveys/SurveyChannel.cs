namespace VoixUsager.Surveys;

/// <summary>How the usager reached the survey (from the link's <c>canal</c> parameter).</summary>
public enum SurveyChannel
{
    NonPrecise = 0,
    QrCode = 1,
    SiteInternet = 2,
    Courriel = 3,
    PointAccueilNumerique = 4,
    Standard = 5,

    /// <summary>Entered by an agent after phoning the usager back (never reached through a link).</summary>
    EnqueteTelephonique = 6,

    /// <summary>Entered by an agent for the local elected officials and collectivités surveyed.</summary>
    Collectivites = 7,
}

public static class SurveyChannels
{
    private static readonly Dictionary<string, SurveyChannel> ByUrlValue = new(StringComparer.OrdinalIgnoreCase)
    {
        ["qr"] = SurveyChannel.QrCode,
        ["site-internet"] = SurveyChannel.SiteInternet,
        ["courriel"] = SurveyChannel.Courriel,
        ["pan"] = SurveyChannel.PointAccueilNumerique,
        ["standard"] = SurveyChannel.Standard,
    };

    /// <summary>
    /// An unknown or missing value is accepted as "non précisé": a mistyped poster link must not turn a
    /// usager away.
    /// </summary>
    public static SurveyChannel FromUrlValue(string? value) =>
        value is not null && ByUrlValue.TryGetValue(value.Trim(), out var channel) ? channel : SurveyChannel.NonPrecise;

    public static string? ToUrlValue(SurveyChannel channel) =>
        ByUrlValue.FirstOrDefault(pair => pair.Value == channel).Key;

    public static string Label(SurveyChannel channel) => channel switch
    {
        SurveyChannel.QrCode => "QR code (affiche)",
        SurveyChannel.SiteInternet => "Site internet",
        SurveyChannel.Courriel => "Accusé de réception d'un courriel",
        SurveyChannel.PointAccueilNumerique => "Point d'accueil numérique",
        SurveyChannel.Standard => "Invitation du standard",
        SurveyChannel.EnqueteTelephonique => "Enquête téléphonique",
        SurveyChannel.Collectivites => "Collectivités",
        _ => "Non précisé",
    };
}
