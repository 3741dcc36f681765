using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using VoixUsager.Data;
using VoixUsager.Questionnaires;
using VoixUsager.Surveys;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Qualite;

/// <summary>
/// The quality team types the answers of the surveys it administers (phone interviews, collectivités),
/// one interview after another. The answers are anonymous: the response stores no user and no audit
/// entry names the agent; only the series' counter, in the address, knows how many were typed.
/// </summary>
public class EntretiensModel(AppDbContext db, StaffUser staff, InterviewEntry entry, SurveyResponseWriter writer) : StaffPageModel
{
    public const string SiteField = "site";
    public const string ChannelField = "canal";
    public const string SeriesField = "serie";
    public const string CampaignField = "campagne";
    public const string QuestionnaireField = "questionnaire";
    public const string SubmissionField = "jeton";

    public IReadOnlyList<(int Id, string Name)> Sites { get; private set; } = [];

    public InterviewEntry.Target.Ready? Target { get; private set; }

    public bool NoCampaign { get; private set; }

    public int? SiteId { get; private set; }

    public SurveyChannel? Channel { get; private set; }

    /// <summary>Interviews stored in this series so far.</summary>
    public int Series { get; private set; }

    public bool JustStored { get; private set; }

    public Guid SubmissionId { get; private set; }

    public IReadOnlyDictionary<int, string> AnswerErrors { get; private set; } = new Dictionary<int, string>();

    private IFormCollection? _posted;

    private int PrefectureId => staff.PrefectureId!.Value;

    public async Task<IActionResult> OnGetAsync(
        [FromQuery(Name = SiteField)] string? site, [FromQuery(Name = ChannelField)] string? canal, [FromQuery(Name = SeriesField)] string? serie,
        [FromQuery(Name = "enregistre")] string? stored, CancellationToken cancellationToken)
    {
        await LoadSitesAsync(cancellationToken);
        Series = ReadSeries(serie);
        JustStored = stored == "1";
        if (site is null && canal is null)
        {
            return Page();
        }

        SiteId = ReadInt(site);
        Channel = ReadChannel(canal);
        var target = await entry.FindAsync(PrefectureId, SiteId, Channel, cancellationToken);
        return Show(target);
    }

    /// <summary>Stores one interview and opens the next; the submission id makes a double post store once.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadSitesAsync(cancellationToken);
        _posted = Request.HasFormContentType ? await Request.ReadFormAsync(cancellationToken) : new FormCollection(null);
        SiteId = ReadInt(_posted[SiteField]);
        Channel = ReadChannel(_posted[ChannelField]);
        Series = ReadSeries(_posted[SeriesField]);
        var target = await entry.FindAsync(PrefectureId, SiteId, Channel, cancellationToken);
        if (target is not InterviewEntry.Target.Ready ready)
        {
            var shown = Show(target);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return shown;
        }

        Target = ready;
        SubmissionId = Guid.TryParseExact(_posted[SubmissionField].ToString(), "D", out var posted) && posted != Guid.Empty ? posted : Guid.CreateVersion7();
        if (_posted[CampaignField].ToString() != ready.CampaignId.ToString(CultureInfo.InvariantCulture)
            || _posted[QuestionnaireField].ToString() != ready.Questionnaire.VersionId.ToString(CultureInfo.InvariantCulture))
        {
            return Changed();
        }

        var validation = SurveySubmissionValidator.Validate(ready.Questionnaire, name => _posted[name]);
        if (!validation.IsValid)
        {
            AnswerErrors = validation.Errors;
            Errors[""] = validation.Errors.Count == 1 ? "L’entretien contient une erreur : corrigez-la, puis enregistrez." : $"L’entretien contient {validation.Errors.Count} erreurs : corrigez-les, puis enregistrez.";
            return Invalid(StatusCodes.Status422UnprocessableEntity);
        }

        var outcome = await writer.StoreAsync(new SurveySubmission(ready.CampaignId, ready.SiteId, ready.Questionnaire.VersionId, ready.Channel, SubmissionId, validation.Answers));
        switch (outcome)
        {
            case StoreOutcome.CampaignClosed:
            case StoreOutcome.QuestionnaireChanged:
                return Changed();
            default:
                // A double post (AlreadyStored) was counted by the first one.
                return RedirectToPage("/Qualite/Entretiens", new
                {
                    site = ready.SiteId,
                    canal = ready.Channel.ToString(),
                    serie = Series + (outcome == StoreOutcome.Stored ? 1 : 0),
                    enregistre = "1",
                });
        }
    }

    private PageResult Changed()
    {
        _posted = null;
        SubmissionId = Guid.CreateVersion7();
        Errors[""] = "La campagne ou le questionnaire de ce site a changé depuis l’ouverture du formulaire : cet entretien n’a pas été enregistré. Saisissez-le de nouveau ci-dessous.";
        return Invalid(StatusCodes.Status409Conflict);
    }

    private IActionResult Show(InterviewEntry.Target target)
    {
        switch (target)
        {
            case InterviewEntry.Target.Ready ready:
                Target = ready;
                SubmissionId = Guid.CreateVersion7();
                return Page();
            case InterviewEntry.Target.NoCampaign:
                NoCampaign = true;
                Errors[""] = "Aucune campagne n’est ouverte aujourd’hui : les entretiens se saisissent pendant une campagne.";
                return Invalid(StatusCodes.Status409Conflict);
            case InterviewEntry.Target.Refused refused:
                Errors[refused.Field] = refused.Message;
                return Invalid();
            default:
                return Page();
        }
    }

    public bool IsChecked(QuestionDefinition question, OptionDefinition option) =>
        _posted is not null && _posted[question.FieldName].Contains(option.Id.ToString(CultureInfo.InvariantCulture));

    public string PostedText(QuestionDefinition question) =>
        _posted is null ? string.Empty : _posted[question.FieldName].ToString();

    private async Task LoadSitesAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Saisie des entretiens";
        var prefectureId = PrefectureId;
        Sites = (await db.Sites.AsNoTracking().Where(s => s.PrefectureId == prefectureId && s.IsActive).OrderBy(s => s.Kind).ThenBy(s => s.Name)
            .Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken)).Select(s => (s.Id, s.Name)).ToList();
    }

    private static int? ReadInt(StringValues value) =>
        int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static int ReadSeries(StringValues value) => ReadInt(value) is { } n and <= 100_000 ? n : 0;

    private static SurveyChannel? ReadChannel(StringValues value) =>
        InterviewEntry.Channels.Where(c => c.ToString() == value.ToString()).Select(c => (SurveyChannel?)c).FirstOrDefault();
}
