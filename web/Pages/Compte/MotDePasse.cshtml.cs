using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using VoixUsager.Accounts;
using VoixUsager.Data;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Compte;

[Authorize]
public class MotDePasseModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, StaffUser staff) : StaffPageModel
{
    [BindProperty]
    public string? Current { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    public bool Done { get; private set; }

    public void OnGet() => ViewData["Title"] = "Changer de mot de passe";

    public async Task<IActionResult> OnPostAsync()
    {
        ViewData["Title"] = "Changer de mot de passe";
        if (string.IsNullOrEmpty(Current))
        {
            Errors["Current"] = "Saisissez votre mot de passe actuel.";
        }

        if (string.IsNullOrEmpty(Password))
        {
            Errors["Password"] = "Saisissez le nouveau mot de passe.";
        }
        else if (Password != Confirmation)
        {
            Errors["Confirmation"] = "Les deux mots de passe saisis sont différents.";
        }

        if (Errors.Count > 0)
        {
            return Invalid();
        }

        var user = await users.GetUserAsync(User);
        var result = await users.ChangePasswordAsync(user!, Current!, Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Current" : "Password";
                Errors[field] = Errors.TryGetValue(field, out var previous) ? $"{previous} {error.Description}" : error.Description;
            }

            return Invalid();
        }

        staff.Audit(db, "mot-de-passe.change", nameof(AppUser), user!.Id, user.PrefectureId);
        await db.SaveChangesAsync();
        // The new security stamp signs out every other session; this one is renewed with its claims.
        await signIn.RefreshSignInAsync(user);
        Done = true;
        return Page();
    }
}
