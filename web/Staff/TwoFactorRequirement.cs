using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VoixUsager.Accounts;

namespace VoixUsager.Web.Staff;

/// <summary>
/// Administrators and quality teams reach their pages only after a second factor. Signed in with a
/// password alone, they are sent to enrol (or prove) their authenticator first.
/// </summary>
public sealed class TwoFactorRequirement : IAsyncPageFilter
{
    public const string EnrolmentPath = "/compte/double-authentification";

    /// <summary>Set by Identity on a principal signed in with a second factor.</summary>
    public static bool HasSecondFactor(System.Security.Claims.ClaimsPrincipal user) =>
        user.HasClaim("amr", "mfa");

    /// <summary>
    /// A national administrator who proved the second factor: the only person who may read the job
    /// dashboard and the metrics, which show job arguments, errors and activity across préfectures.
    /// </summary>
    public static bool IsProvenAdministrator(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Administrateur) && HasSecondFactor(user);

    public static bool Requires(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Roles.RequiringTwoFactor.Any(user.IsInRole);

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        var page = context.ActionDescriptor.ViewEnginePath;
        var exempt = page.StartsWith("/Connexion", StringComparison.OrdinalIgnoreCase)
            || page.Equals("/Compte/DoubleAuthentification", StringComparison.OrdinalIgnoreCase)
            || page.Equals("/Compte/Deconnexion", StringComparison.OrdinalIgnoreCase)
            || !IsStaffPage(page);
        if (!exempt && Requires(user) && !HasSecondFactor(user))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult(EnrolmentPath);
            return;
        }

        await next();
    }

    private static bool IsStaffPage(string page) =>
        page.StartsWith("/Espace", StringComparison.OrdinalIgnoreCase)
        || page.StartsWith("/Administration", StringComparison.OrdinalIgnoreCase)
        || page.StartsWith("/Qualite", StringComparison.OrdinalIgnoreCase)
        || page.StartsWith("/Referent", StringComparison.OrdinalIgnoreCase)
        || page.StartsWith("/Resultats", StringComparison.OrdinalIgnoreCase)
        || page.StartsWith("/Registre", StringComparison.OrdinalIgnoreCase)
        || page.StartsWith("/Compte", StringComparison.OrdinalIgnoreCase);
}
