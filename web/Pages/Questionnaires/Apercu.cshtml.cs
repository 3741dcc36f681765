using Microsoft.AspNetCore.Mvc;
using VoixUsager.Questionnaires;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Questionnaires;

/// <summary>The draft as the usager will see it, in French or in one of its languages (French where a translation is missing).</summary>
public class ApercuModel(StaffUser staff, QuestionnaireEditing editing) : EditorPageModel(staff, editing)
{
    [FromQuery(Name = "langue")]
    public string? Language { get; set; }

    public QuestionnaireDefinition Definition { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadDraftAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Language is not null && !Draft.Content.Languages.Contains(Language))
        {
            return NotFound();
        }

        Definition = QuestionnaireEditingRules.ToDefinition(Draft.Draft.Title, Draft.Content, Language);
        ViewData["Title"] = "Aperçu du brouillon";
        return Page();
    }
}
