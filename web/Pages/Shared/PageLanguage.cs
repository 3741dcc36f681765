using VoixUsager.Questionnaires;

namespace VoixUsager.Web.Pages.Shared;

/// <summary>
/// The language of a page (its <c>&lt;html lang dir&gt;</c>) and the attributes that mark a text in
/// another language inside it, so that screen readers switch voice and right-to-left pages keep French
/// text left to right. Razor leaves out an attribute whose value is null: a text in the page's own
/// language gets none.
/// </summary>
public static class PageLanguage
{
    /// <summary>Where a page tells the layout its language; French when it does not.</summary>
    public const string ViewDataKey = "PageLanguage";

    public static string Of(Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary viewData) =>
        viewData[ViewDataKey] as string ?? QuestionnaireLanguages.French;

    /// <summary>The lang attribute of a text in <paramref name="textLanguage"/> on a page in <paramref name="pageLanguage"/>.</summary>
    public static string? Lang(string textLanguage, string pageLanguage) => textLanguage == pageLanguage ? null : textLanguage;

    /// <summary>The dir attribute of such a text: only when its direction differs from the page's.</summary>
    public static string? Dir(string textLanguage, string pageLanguage)
    {
        var direction = QuestionnaireLanguages.Direction(textLanguage);
        return direction == QuestionnaireLanguages.Direction(pageLanguage) ? null : direction;
    }
}
