using Microsoft.AspNetCore.Mvc;
using VoixUsager.Register;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Registre;

/// <summary>The register: every case of the préfecture for the quality team, their service's for a service owner.</summary>
public class IndexModel(RegisterQueries queries, StaffUser staff) : RegisterPageModel(staff)
{
    public IReadOnlyList<CaseRow> Cases { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "tous")]
    public bool All { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = IsQualityTeam ? "Suggestions et réclamations" : "Suggestions et réclamations de mon service";
        Cases = await queries.ListAsync(Actor, openOnly: !All, cancellationToken);
    }
}
