using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using VoixUsager.Questionnaires;
using VoixUsager.Surveys;

namespace VoixUsager.Web.Pages.Avis;

/// <summary>
/// The public satisfaction survey of one site. Anonymous and cookie-free: there is no session to
/// protect, so no antiforgery token; the one-time submission id is what makes a re-post harmless.
/// </summary>
[IgnoreAntiforgeryToken]
[EnableRateLimiting(Hosting.SurveyRateLimiting.Policy)]
[SurveyFormCache.KeepRendered]
public class IndexModel(PublicSurveyLookup lookup, QuestionnaireCatalog catalog, SurveyResponseWriter writer, IMemoryCache cache, SurveyFormCache forms) : PageModel
{
    /// <summary>
    /// How long the form last shown for a site is kept in memory: only to show the usager's answers back
    /// to them when the database is down at the moment they send them.
    /// </summary>
    private static readonly TimeSpan LastShownFormLifetime = TimeSpan.FromHours(12);

    public const string SubmissionField = "jeton";
    public const string ChannelField = "canal";

    /// <summary>The questionnaire version the form showed, so that answers to a version switched meanwhile are refused clearly.</summary>
    public const string QuestionnaireField = "questionnaire";

    public static readonly string QuestionnaireChanged = SurveyTexts.French.QuestionnaireChanged;

    /// <summary>The language is kept in the address (never a cookie), so a link or a reload keeps it.</summary>
    public const string LanguageField = "langue";

    /// <summary>Robots fill every field they find; people never see this one.</summary>
    public const string HoneypotField = "site_web";

    public SurveyAvailability? Availability { get; private set; }

    public SurveyAvailability.Open? Survey => Availability as SurveyAvailability.Open;

    /// <summary>The open survey's questions in the language shown (French where a text is not translated).</summary>
    public QuestionnaireDefinition? Questionnaire { get; private set; }

    /// <summary>The language of the page: the questions' language when the survey is open, else the interface's.</summary>
    public string Language { get; private set; } = QuestionnaireLanguages.French;

    /// <summary>The words around the questions: in <see cref="Language"/> when the interface is written in it, else French.</summary>
    public SurveyTexts Texts { get; private set; } = SurveyTexts.French;

    /// <summary>The value of <see cref="LanguageField"/> for links and the form: null for French, the default.</summary>
    public string? LanguageInUrl => Language == QuestionnaireLanguages.French ? null : Language;

    public string? Channel { get; private set; }

    public Guid SubmissionId { get; private set; }

    public IReadOnlyDictionary<int, string> Errors { get; private set; } = new Dictionary<int, string>();

    public string? FormError { get; private set; }

    /// <summary>The answers could not be stored (database down): they are shown back, as typed, to send again.</summary>
    public bool Unavailable { get; private set; }

    private IFormCollection? _posted;

    public async Task<IActionResult> OnGetAsync([FromRoute] string siteCode, [FromQuery(Name = ChannelField)] string? canal, [FromQuery(Name = LanguageField)] string? langue, CancellationToken cancellationToken)
    {
        Availability = await lookup.FindAsync(siteCode, SurveyChannels.FromUrlValue(canal), cancellationToken);
        await ChooseLanguageAsync(langue, cancellationToken);
        if (Availability is SurveyAvailability.UnknownSite)
        {
            // A poster printed before the site's code changed: permanently to the current code.
            return await lookup.FindCurrentCodeAsync(siteCode, cancellationToken) is { } currentCode
                ? RedirectToPagePermanent("/Avis/Index", new { siteCode = currentCode, canal, langue = LanguageInUrl })
                : NotFound();
        }

        if (Availability is SurveyAvailability.Retired)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }

        Channel = SurveyChannels.ToUrlValue(SurveyChannels.FromUrlValue(canal));
        SubmissionId = Guid.CreateVersion7();
        if (Availability is SurveyAvailability.Open open)
        {
            if (!cache.TryGetValue(CacheKey(siteCode), out SurveyAvailability? lastShown) || !Equals(lastShown, open))
            {
                cache.Set(CacheKey(siteCode), Availability, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = LastShownFormLifetime });
            }

            // The blank form is the same for every visitor but its one-time id: rendered once, then kept.
            if (forms.TryServe(HttpContext, open, Questionnaire!, Channel, Language, SubmissionId) is { } kept)
            {
                return kept;
            }

            SurveyFormCache.KeepWhenRendered(HttpContext, open, Questionnaire!, Channel, Language, SubmissionId);
        }

        return Page();
    }

    /// <remarks>
    /// Takes no bound parameters on purpose: model binding would read the form before this method could
    /// turn a malformed body into a clear 400.
    /// </remarks>
    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var siteCode = RouteData.Values["siteCode"] as string;
        try
        {
            Availability = await lookup.FindAsync(siteCode, cancellationToken);
        }
        catch (Exception exception) when (Hosting.DatabaseOutage.Is(exception) && cache.TryGetValue(CacheKey(siteCode), out SurveyAvailability? lastShown))
        {
            // The database is down: the form is rebuilt as last shown, only to give the answers back.
            Availability = lastShown;
            await ChooseLanguageAsync(Request.Query[LanguageField].FirstOrDefault(), cancellationToken);
            return await UnavailableAsync(cancellationToken);
        }

        await ChooseLanguageAsync(Request.Query[LanguageField].FirstOrDefault(), cancellationToken);
        if (Availability is SurveyAvailability.UnknownSite)
        {
            // 308 keeps the method and body: answers posted to an old code reach the current one.
            return await lookup.FindCurrentCodeAsync(siteCode, cancellationToken) is { } currentCode
                ? RedirectToPagePermanentPreserveMethod("/Avis/Index", pageHandler: null, routeValues: new { siteCode = currentCode, langue = LanguageInUrl })
                : NotFound();
        }

        if (Availability is SurveyAvailability.Retired)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }

        if (!Request.HasFormContentType)
        {
            return StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        try
        {
            _posted = await Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or FormatException)
        {
            // A truncated or malformed body: nothing can be trusted, so nothing is stored.
            return BadRequest();
        }

        if (Survey is not { } survey)
        {
            // The campaign closed while the usager was answering.
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        if (!StringValues.IsNullOrEmpty(_posted[HoneypotField]))
        {
            return RedirectToThanks(survey);
        }

        Channel = SurveyChannels.ToUrlValue(SurveyChannels.FromUrlValue(_posted[ChannelField].FirstOrDefault()));
        // The site's questionnaire may differ by channel: the one this channel answers.
        if (await lookup.FindAsync(siteCode, SurveyChannels.FromUrlValue(Channel), cancellationToken) is SurveyAvailability.Open forChannel)
        {
            Availability = survey = forChannel;
            await ChooseLanguageAsync(Request.Query[LanguageField].FirstOrDefault(), cancellationToken);
        }

        // A form without the field (sent before it existed) is checked against the questions themselves.
        if (_posted[QuestionnaireField] is { Count: > 0 } shown && shown != survey.Questionnaire.VersionId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return QuestionnaireSwitched();
        }

        // Every language of a version has the same questions and option ids: only the messages differ.
        var validation = SurveySubmissionValidator.Validate(Questionnaire!, name => _posted[name], Texts);

        if (!TryReadSubmissionId(_posted[SubmissionField], out var submissionId))
        {
            SubmissionId = Guid.CreateVersion7();
            Errors = validation.Errors;
            FormError = Texts.FormNotIdentified;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        SubmissionId = submissionId;
        if (!validation.IsValid)
        {
            Errors = validation.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        StoreOutcome outcome;
        try
        {
            outcome = await writer.StoreAsync(new SurveySubmission(
                survey.CampaignId, survey.Site.Id, survey.Questionnaire.VersionId, SurveyChannels.FromUrlValue(Channel), submissionId, validation.Answers, Language));
        }
        catch (Exception exception) when (Hosting.DatabaseOutage.Is(exception))
        {
            // Same submission id: sending again once the database is back stores the answers once.
            Unavailable = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = Hosting.DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Page();
        }
        if (outcome == StoreOutcome.QuestionnaireChanged)
        {
            return QuestionnaireSwitched();
        }

        if (outcome == StoreOutcome.CampaignClosed)
        {
            Availability = new SurveyAvailability.Closed(survey.Site, null);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return RedirectToThanks(survey);
    }

    /// <summary>Answers to a former questionnaire are not stored: the new one is shown, unanswered, with a message.</summary>
    private PageResult QuestionnaireSwitched()
    {
        _posted = null;
        Errors = new Dictionary<int, string>();
        FormError = Texts.QuestionnaireChanged;
        SubmissionId = Guid.CreateVersion7();
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>
    /// The language asked for in the address, if the open survey's version offers it (or, on the closed and
    /// retired pages, if the interface is written in it); French otherwise, never an error.
    /// </summary>
    private async Task ChooseLanguageAsync(string? langue, CancellationToken cancellationToken)
    {
        var asked = QuestionnaireLanguages.Normalise(langue) ?? QuestionnaireLanguages.French;
        if (Availability is SurveyAvailability.Open open)
        {
            try
            {
                Questionnaire = await catalog.GetAsync(open.Questionnaire.VersionId, asked, cancellationToken);
            }
            catch (Exception exception) when (Hosting.DatabaseOutage.Is(exception))
            {
                // Only reached when giving the answers back during an outage: French is what is at hand.
                Questionnaire = open.Questionnaire;
            }

            Language = Questionnaire.Language;
        }
        else
        {
            Language = SurveyTexts.Has(asked) ? SurveyTexts.For(asked).Language : QuestionnaireLanguages.French;
        }

        Texts = SurveyTexts.For(Language);
        ViewData[Shared.PageLanguage.ViewDataKey] = Language;
    }

    private static string CacheKey(string? siteCode) => "avis:dernier-formulaire:" + siteCode?.ToLowerInvariant();

    private async Task<IActionResult> UnavailableAsync(CancellationToken cancellationToken)
    {
        Unavailable = true;
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Response.Headers.RetryAfter = Hosting.DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!Request.HasFormContentType)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        try
        {
            _posted = await Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or FormatException)
        {
            return BadRequest();
        }

        Channel = SurveyChannels.ToUrlValue(SurveyChannels.FromUrlValue(_posted[ChannelField].FirstOrDefault()));
        SubmissionId = TryReadSubmissionId(_posted[SubmissionField], out var submissionId) ? submissionId : Guid.CreateVersion7();
        return Page();
    }

    public bool IsChecked(QuestionDefinition question, OptionDefinition option) =>
        _posted is not null && _posted[question.FieldName].Contains(option.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string PostedText(QuestionDefinition question) =>
        _posted is null ? string.Empty : _posted[question.FieldName].ToString();

    private static bool TryReadSubmissionId(StringValues value, out Guid submissionId)
    {
        submissionId = Guid.Empty;
        return value.Count == 1 && Guid.TryParseExact(value[0], "D", out submissionId) && submissionId != Guid.Empty;
    }

    private StatusCodeResult RedirectToThanks(SurveyAvailability.Open survey)
    {
        // 303 See Other, so that reloading the thank-you page never re-posts the answers.
        Response.Headers.Location = Url.Page("/Avis/Merci", new { siteCode = survey.Site.PublicCode, langue = LanguageInUrl });
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
