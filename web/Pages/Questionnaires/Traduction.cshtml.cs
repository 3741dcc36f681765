using Microsoft.AspNetCore.Mvc;
using VoixUsager.Questionnaires;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Questionnaires;

/// <summary>One language of a draft: its title, each question's text and help, each option's label, beside the French.</summary>
public class TraductionModel(StaffUser staff, QuestionnaireEditing editing) : EditorPageModel(staff, editing)
{
    public string Language { get; private set; } = "";

    private IFormCollection? _posted;

    public async Task<IActionResult> OnGetAsync(int id, string langue, CancellationToken cancellationToken) =>
        await LoadAsync(id, langue, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, string langue, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, langue, cancellationToken) is { } refused)
        {
            return refused;
        }

        var form = await Request.ReadFormAsync(cancellationToken);
        var result = await Editing.SaveTranslationAsync(Actor, id, form["stamp"], Language, name => form.TryGetValue(name, out var value) ? value.ToString() : null, cancellationToken);
        _posted = form;
        var answer = await AfterChangeAsync(id, result, () =>
        {
            Done = $"Traduction en {QuestionnaireLanguages.FrenchName(Language)} enregistrée dans le brouillon.";
            return RedirectToPage("/Questionnaires/Brouillon", new { id });
        }, cancellationToken);
        SetTitle();
        return answer;
    }

    /// <summary>The value to show: as typed when the form came back, else the draft's translation.</summary>
    public string? Value(string field, Dictionary<string, string> translations) =>
        _posted is not null && _posted.ContainsKey(field) ? _posted[field].ToString() : translations.GetValueOrDefault(Language);

    private async Task<IActionResult?> LoadAsync(int id, string langue, CancellationToken cancellationToken)
    {
        if (await LoadDraftAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Draft.Content.Languages.Contains(langue))
        {
            return NotFound();
        }

        Language = langue;
        SetTitle();
        return null;
    }

    private void SetTitle() => ViewData["Title"] = $"Traduction en {QuestionnaireLanguages.FrenchName(Language)}";
}
