using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using VoixUsager.Accounts;
using VoixUsager.Email;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Connexion;

public class MotDePasseOublieModel(UserManager<AppUser> users, IEmailSender email, EmailLinks links) : StaffPageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() => ViewData["Title"] = "Mot de passe oublié";

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Mot de passe oublié";
        if (!System.Net.Mail.MailAddress.TryCreate(Email.Trim(), out _))
        {
            Errors["Email"] = "Saisissez une adresse électronique valide.";
            return Invalid();
        }

        // The same answer whether or not the account exists: the page must not tell who has one.
        Sent = true;
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = links.ToPage("/Connexion/Reinitialiser", new { email = user.Email, jeton = token });
            var text = $"""
                Bonjour,

                Une réinitialisation du mot de passe de votre compte VoixUsager a été demandée.
                Pour choisir un nouveau mot de passe, ouvrez ce lien dans les 2 heures (il ne sert qu'une fois) :
                {link}

                Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.
                """;
            var html = $"""
                <p>Bonjour,</p>
                <p>Une réinitialisation du mot de passe de votre compte VoixUsager a été demandée.</p>
                <p><a href="{System.Net.WebUtility.HtmlEncode(link)}">Choisir un nouveau mot de passe</a> (lien valable 2 heures, utilisable une seule fois).</p>
                <p>Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.</p>
                """;
            await email.SendAsync([new OutgoingEmail([new EmailRecipient(user.Email!, user.DisplayName)], "Réinitialisation de votre mot de passe VoixUsager", text, html, [], [])], cancellationToken);
        }

        return Page();
    }
}
