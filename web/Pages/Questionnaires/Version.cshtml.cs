using Microsoft.AspNetCore.Mvc;
using VoixUsager.Questionnaires;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Questionnaires;

/// <summary>A published version, read-only: the national ones for every quality team, the préfecture's own.</summary>
public class VersionModel(StaffUser staff, QuestionnaireEditing editing, QuestionnaireCatalog catalog) : EditorPageModel(staff, editing)
{
    public QuestionnaireVersion Version { get; private set; } = null!;

    public QuestionnaireDefinition Definition { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int versionId, CancellationToken cancellationToken)
    {
        if (await Editing.VersionAsync(Actor, versionId, cancellationToken) is not { } version)
        {
            return NotFound();
        }

        Version = version;
        Definition = await catalog.GetAsync(versionId, cancellationToken);
        ViewData["Title"] = $"{version.Title}, version {version.VersionNumber}";
        return Page();
    }
}
