using System.Globalization;

namespace VoixUsager.Web.Staff;

/// <summary>
/// The page of a paged list, read from <c>?numero=</c> ("page" is the route value Razor Pages keeps for
/// the page's own name). Every paged list reads it here, so that a number that is not one gets the same
/// French message everywhere instead of a silent first page on one list and an error on another.
/// </summary>
public static class PageNumberQuery
{
    public const string Name = "numero";

    public const string Error = "Le numéro de page doit être un nombre entier à partir de 1.";

    /// <summary>1 when absent; null when present but not a whole number from 1.</summary>
    public static int? Read(HttpRequest request)
    {
        var raw = request.HasFormContentType && request.Form.ContainsKey(Name) ? request.Form[Name].ToString() : request.Query[Name].ToString();
        if (string.IsNullOrEmpty(raw))
        {
            return 1;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 ? number : null;
    }
}
