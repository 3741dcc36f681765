using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace VoixUsager.Web.Pages.Shared;

/// <summary>What every staff form shares: errors by field, shown the DSFR way, with a 4xx status.</summary>
public abstract class StaffPageModel : PageModel
{
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Error(string field) => Errors.GetValueOrDefault(field);

    /// <summary>Re-renders the form with its errors and a status that says the input was refused.</summary>
    protected PageResult Invalid(int status = StatusCodes.Status400BadRequest)
    {
        Response.StatusCode = status;
        ViewData["Title"] = "Erreur : " + ViewData["Title"];
        return Page();
    }

    /// <summary>Shows a core service's refusal: each message beside its field, with a 4xx status.</summary>
    protected PageResult Invalid(IReadOnlyDictionary<string, string> errors, int status = StatusCodes.Status400BadRequest)
    {
        foreach (var (field, message) in errors)
        {
            Errors.TryAdd(field, message);
        }

        return Invalid(status);
    }

    protected IActionResult LocalRedirectOr(string? returnUrl, string fallback) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : LocalRedirect(fallback);
}
