using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using VoixUsager.Accounts;
using VoixUsager.Web.Pages.Shared;

namespace VoixUsager.Web.Pages.Connexion;

public class ReinitialiserModel(UserManager<AppUser> users) : StaffPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Email { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string Token { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty]
    public string Confirmation { get; set; } = "";

    public bool Done { get; private set; }

    public void OnGet() => ViewData["Title"] = "Nouveau mot de passe";

    public async Task<IActionResult> OnPostAsync()
    {
        ViewData["Title"] = "Nouveau mot de passe";
        if (Password != Confirmation)
        {
            Errors["Confirmation"] = "Les deux mots de passe saisis sont différents.";
            return Invalid();
        }

        var user = await users.FindByEmailAsync(Email);
        var result = user is null
            ? IdentityResult.Failed(new IdentityErrorDescriber().InvalidToken())
            : await users.ResetPasswordAsync(user, Token, Password);
        if (!result.Succeeded)
        {
            var tokenError = result.Errors.FirstOrDefault(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
            if (tokenError is not null)
            {
                Errors[""] = "Ce lien n’est plus valable : il a expiré ou a déjà servi. Demandez-en un nouveau.";
            }
            else
            {
                Errors["Password"] = string.Join(" ", result.Errors.Select(e => e.Description));
            }

            return Invalid();
        }

        // The reset changed the security stamp: every other session of this account is now signed out.
        await users.ResetAccessFailedCountAsync(user!);
        await users.SetLockoutEndDateAsync(user!, null);
        Done = true;
        return Page();
    }
}
