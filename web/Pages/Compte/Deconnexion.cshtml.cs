using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VoixUsager.Accounts;

namespace VoixUsager.Web.Pages.Compte;

public class DeconnexionModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Espace/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        // Deleting the cookie in this browser is not enough: a copy of it (another device, a stolen
        // cookie) would stay valid for 8 hours. A new security stamp makes every existing cookie of
        // the account refused at its next request, since the stamp is checked on each one.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Connexion/Index");
    }
}
