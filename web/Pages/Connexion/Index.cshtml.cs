using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using VoixUsager.Accounts;
using VoixUsager.Web.Pages.Shared;

namespace VoixUsager.Web.Pages.Connexion;

public class IndexModel(SignInManager<AppUser> signIn) : StaffPageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() => ViewData["Title"] = "Connexion";

    public async Task<IActionResult> OnPostAsync()
    {
        ViewData["Title"] = "Connexion";
        if (string.IsNullOrWhiteSpace(Email))
        {
            Errors["Email"] = "Saisissez votre adresse électronique.";
        }

        if (string.IsNullOrEmpty(Password))
        {
            Errors["Password"] = "Saisissez votre mot de passe.";
        }

        if (Errors.Count > 0)
        {
            return Invalid();
        }

        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirectOr(ReturnUrl, "/espace");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Connexion/Code", new { ReturnUrl });
        }

        Errors[""] = result.IsLockedOut
            ? "Votre compte est verrouillé après 5 tentatives infructueuses. Réessayez dans 15 minutes ou réinitialisez votre mot de passe."
            : "Adresse électronique ou mot de passe incorrect.";
        Password = "";
        return Invalid(result.IsLockedOut ? StatusCodes.Status423Locked : StatusCodes.Status400BadRequest);
    }
}
