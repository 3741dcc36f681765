using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using VoixUsager.Questionnaires;
using VoixUsager.Surveys;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Questionnaires;

/// <summary>
/// One question of a draft, new or existing: its text, help, whether it is required, and what its kind
/// needs (options, "Sans avis", a length cap). Options move and go without JavaScript: those buttons
/// post the form and show it again as typed, and only « Enregistrer la question » writes the draft.
/// </summary>
public class QuestionModel(StaffUser staff, QuestionnaireEditing editing) : EditorPageModel(staff, editing)
{
    public const string ActionField = "action";

    [FromQuery(Name = "code")]
    public string? Code { get; set; }

    [FromQuery(Name = "type")]
    public string? Type { get; set; }

    /// <summary>The question as shown: the draft's, or as typed when the form came back.</summary>
    public QuestionKind? Kind { get; private set; }

    public DraftQuestion? Existing { get; private set; }

    public string Text { get; private set; } = "";

    public string? HelpText { get; private set; }

    public bool IsRequired { get; private set; } = true;

    public string MaxLength { get; private set; } = SurveyLimits.FreeTextMaxLength.ToString(CultureInfo.InvariantCulture);

    public bool IncludeSansAvis { get; private set; } = true;

    public bool MeaningUnchanged { get; private set; }

    public List<(string Label, string Code)> Options { get; private set; } = [];

    public string? PublishedText => Existing is null ? null : Draft.PublishedText(Existing.Code);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadDraftAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Resolve() is { } missing)
        {
            return missing;
        }

        if (Existing is { } q)
        {
            (Text, HelpText, IsRequired, IncludeSansAvis, MeaningUnchanged) = (q.Text, q.HelpText, q.IsRequired, q.IncludeSansAvis, q.MeaningUnchanged);
            MaxLength = (q.MaxLength ?? SurveyLimits.FreeTextMaxLength).ToString(CultureInfo.InvariantCulture);
            Options = q.Options.Select(o => (o.Label, o.Code)).ToList();
        }

        SetTitle();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadDraftAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Resolve() is { } missing)
        {
            return missing;
        }

        SetTitle();
        if (Kind is null)
        {
            return Invalid(new Dictionary<string, string> { ["type"] = "Choisissez le type de la question." });
        }

        var form = Request.Form;
        Text = form["Text"].ToString();
        HelpText = form["HelpText"].ToString();
        IsRequired = form["IsRequired"].ToString() == "true";
        MaxLength = form["MaxLength"].ToString();
        IncludeSansAvis = form["IncludeSansAvis"].ToString() == "true";
        MeaningUnchanged = form["MeaningUnchanged"].ToString() == "true";
        var labels = form["OptionLabel"].Select(v => v ?? "").ToList();
        var codes = form["OptionCode"].Select(v => v ?? "").ToList();
        Options = labels.Select((label, i) => (label, i < codes.Count ? codes[i] : ""))
            .Where(o => o.label.Trim().Length > 0 || o.Item2.Length > 0).ToList();

        if (MoveOption(form[ActionField].ToString()))
        {
            // Only the form changed: the draft is written by « Enregistrer la question ».
            return Page();
        }

        var input = new QuestionInput
        {
            Text = Text, HelpText = HelpText, IsRequired = IsRequired, MaxLength = MaxLength, IncludeSansAvis = IncludeSansAvis, MeaningUnchanged = MeaningUnchanged,
            OptionLabels = Options.Select(o => (string?)o.Label).ToList(), OptionCodes = Options.Select(o => (string?)o.Code).ToList(),
        };
        var stamp = form["stamp"].ToString();
        var result = Existing is null
            ? await Editing.AddQuestionAsync(Actor, id, stamp, Kind!.Value, input, cancellationToken)
            : await Editing.SaveQuestionAsync(Actor, id, stamp, Existing.Code, input, cancellationToken);
        var answer = await AfterChangeAsync(id, result, () =>
        {
            Done = Existing is null ? "Question ajoutée au brouillon." : "Question enregistrée dans le brouillon.";
            return RedirectToPage("/Questionnaires/Brouillon", new { id });
        }, cancellationToken);
        if (result is QuestionnaireEditing.Result.Invalid)
        {
            // The draft read again is the same one: keep showing the question being typed.
            Resolve();
            SetTitle();
        }
        return answer;
    }

    /// <summary>Blank slots after the options, for new ones.</summary>
    public int BlankSlots => Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice
        ? Math.Max(QuestionnaireEditingRules.NewOptionSlots, 4 - Options.Count(o => o.Code.Length > 0 || o.Label.Length > 0)) : 0;

    private bool MoveOption(string action)
    {
        var parts = action.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= Options.Count)
        {
            return false;
        }

        switch (parts[0])
        {
            case "up":
                QuestionnaireEditingRules.Move(Options, index, -1);
                return true;
            case "down":
                QuestionnaireEditingRules.Move(Options, index, 1);
                return true;
            case "remove":
                Options.RemoveAt(index);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The question named by the address, or the kind of a new one; the kind chooser when neither.</summary>
    private IActionResult? Resolve()
    {
        if (Code is not null)
        {
            Existing = Draft.Content.Questions.SingleOrDefault(q => q.Code == Code);
            if (Existing is null)
            {
                return NotFound();
            }

            if (Existing.IsCore)
            {
                return Forbid();
            }

            Kind = Existing.Kind;
        }
        else if (Enum.TryParse<QuestionKind>(Type, out var kind) && Enum.IsDefined(kind))
        {
            Kind = kind;
        }

        return null;
    }

    private void SetTitle() => ViewData["Title"] = Existing is not null ? "Modifier une question" : "Ajouter une question";
}
