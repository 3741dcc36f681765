using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using VoixUsager.Accounts;
using VoixUsager.Web.Pages.Shared;

namespace VoixUsager.Web.Pages.Connexion;

public class IndexModel(SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher) : StaffPageModel
{
    /// <summary>
    /// Said for every failure, whether the address has an account, the password is wrong or the account
    /// is locked: a different answer (or status) for a locked account would tell who has one.
    /// </summary>
    public const string Failure =
        "Adresse électronique ou mot de passe incorrect. Après 5 tentatives infructueuses, un compte est verrouillé 15 minutes : réessayez plus tard ou réinitialisez votre mot de passe.";

    // A hash to check typed passwords against when no real one is checked, so that an unknown or
    // locked account answers in the same time as a wrong password.
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

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

        if (result.IsLockedOut || await signIn.UserManager.FindByNameAsync(Email.Trim()) is null)
        {
            hasher.VerifyHashedPassword(new AppUser(), DecoyHash.Value, Password);
        }

        Errors[""] = Failure;
        Password = "";
        return Invalid(StatusCodes.Status400BadRequest);
    }
}
