using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using QRCoder;
using VoixUsager.Accounts;
using VoixUsager.Data;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Compte;

/// <summary>
/// Enrols a TOTP authenticator (QR code), or proves it for a session opened with a password alone.
/// Required before any page for administrators and quality teams.
/// </summary>
[Authorize]
public class DoubleAuthentificationModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IUserStore<AppUser> store, AppDbContext db, StaffUser staff) : StaffPageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    public bool AlreadyEnabled { get; private set; }

    public string SharedKey { get; private set; } = "";

    public string QrCodeDataUri { get; private set; } = "";

    public bool Required => TwoFactorRequirement.Requires(User);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        var user = await users.GetUserAsync(User);
        if (!AuthenticatorCode.TryNormalise(Code, out var code))
        {
            Errors["Code"] = AuthenticatorCode.Invalid;
            return Invalid();
        }

        if (!await users.VerifyTwoFactorTokenAsync(user!, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await users.AccessFailedAsync(user!);
            Errors["Code"] = "Ce code est incorrect ou a expiré. Saisissez le code affiché en ce moment.";
            return Invalid();
        }

        if (!AlreadyEnabled)
        {
            await users.SetTwoFactorEnabledAsync(user!, true);
            staff.Audit(db, "double-authentification.activee", nameof(AppUser), user!.Id, user.PrefectureId);
            await db.SaveChangesAsync();
        }

        await users.ResetAccessFailedCountAsync(user!);
        // The session now carries the proof of a second factor, as a sign-in with the code would.
        await signIn.SignInWithClaimsAsync(user!, isPersistent: false, [new Claim("amr", "mfa")]);
        return RedirectToPage("/Espace/Index");
    }

    private async Task<bool> LoadAsync()
    {
        ViewData["Title"] = "Double authentification";
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return false;
        }

        AlreadyEnabled = await users.GetTwoFactorEnabledAsync(user);
        if (AlreadyEnabled)
        {
            return true;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Not ResetAuthenticatorKeyAsync: it renews the security stamp, which signs out the very
            // session that is enrolling (the stamp is checked on every request). A key that is not yet
            // enabled grants nothing, so there is no session to end; enabling it renews the stamp.
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            var stored = await users.UpdateAsync(user);
            if (!stored.Succeeded)
            {
                throw new InvalidOperationException($"The authenticator key could not be stored: {string.Join(" ", stored.Errors.Select(e => e.Description))}");
            }
        }

        SharedKey = string.Join(' ', key!.Chunk(4).Select(chunk => new string(chunk))).ToLowerInvariant();
        var uri = $"otpauth://totp/VoixUsager:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=VoixUsager&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
        return true;
    }
}
