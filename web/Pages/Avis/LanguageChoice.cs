namespace VoixUsager.Web.Pages.Avis;

/// <summary>What the language selector of the survey needs: the version's languages and where each link leads.</summary>
public sealed record LanguageChoice(IReadOnlyList<string> Languages, string Current, string Label, string LabelLanguage, string SiteCode, string? Channel);
