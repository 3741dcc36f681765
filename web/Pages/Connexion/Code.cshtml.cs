using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using VoixUsager.Accounts;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Connexion;

/// <summary>Second step of sign-in for accounts with an authenticator: the 6-digit code.</summary>
public class CodeModel(SignInManager<AppUser> signIn) : StaffPageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        ViewData["Title"] = "Code de vérification";
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Connexion/Index") : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ViewData["Title"] = "Code de vérification";
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Connexion/Index");
        }

        if (!AuthenticatorCode.TryNormalise(Code, out var code))
        {
            Errors["Code"] = AuthenticatorCode.Invalid;
            return Invalid();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirectOr(ReturnUrl, "/espace");
        }

        Errors["Code"] = result.IsLockedOut
            ? "Votre compte est verrouillé après 5 tentatives infructueuses. Réessayez dans 15 minutes."
            : "Ce code est incorrect ou a expiré. Saisissez le code affiché en ce moment.";
        return Invalid(result.IsLockedOut ? StatusCodes.Status423Locked : StatusCodes.Status400BadRequest);
    }
}
