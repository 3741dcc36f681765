using Microsoft.AspNetCore.Mvc;
using VoixUsager.Accounts;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Connexion;

public class InvitationModel(InvitationService invitations) : StaffPageModel
{
    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Token { get; set; }

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty]
    public string Confirmation { get; set; } = "";

    public Invitation? Invitation { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Créer votre mot de passe";
        Invitation = await invitations.FindUsableAsync(Token, cancellationToken);
        if (Invitation is null)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Créer votre mot de passe";
        Invitation = await invitations.FindUsableAsync(Token, cancellationToken);
        if (Invitation is null)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }

        if (Password != Confirmation)
        {
            Errors["Confirmation"] = "Les deux mots de passe saisis sont différents.";
            return Invalid();
        }

        var errors = await invitations.AcceptAsync(Invitation, Password, cancellationToken);
        if (errors.Count > 0)
        {
            Errors["Password"] = string.Join(" ", errors);
            return Invalid();
        }

        Done = true;
        return Page();
    }
}
