using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Data.EntityConfigurations;
using VoixUsager.Register;
using VoixUsager.Results;

namespace VoixUsager.ActionPlan;

/// <summary>
/// « Becomes an action in one click »: a mystery strength or recommendation, or a retained survey
/// suggestion, gives a pre-filled action the quality team then completes. Clicking twice opens the
/// action already made rather than a second one.
/// </summary>
public sealed class ActionFromOrigin(AppDbContext db, ActionPlanService plan, MysteryResultsService mystery)
{
    /// <summary>
    /// From a sentence of the préfecture's mystery results. The sentence is checked against the results
    /// computed now, so only what the page really shows can become an action.
    /// </summary>
    public async Task<ChangeResult> FromMysteryAsync(RegisterActor actor, string? sentence, CancellationToken cancellationToken)
    {
        if (!actor.IsQualityTeam)
        {
            return new ChangeResult.Forbidden();
        }

        var results = await mystery.ComputeAsync(actor.PrefectureId, null, null, cancellationToken);
        var shown = results.Recommendations.Strengths.Concat(results.Recommendations.Recommendations).Concat(results.Recommendations.ToConfirm).ToList();
        if (string.IsNullOrWhiteSpace(sentence) || !shown.Contains(sentence))
        {
            return new ChangeResult.Invalid(new Dictionary<string, string> { [""] = "Cette recommandation ne figure plus dans les résultats : rechargez la page." });
        }

        if (await ExistingAsync(actor.PrefectureId, ActionOrigin.MysteryRecommendation, null, sentence, cancellationToken) is { } existing)
        {
            return new ChangeResult.Done(existing);
        }

        return await plan.CreateAsync(actor, new ActionInput { Title = Title(sentence), Description = sentence, ModuleId = ModuleOne }, ActionOrigin.MysteryRecommendation, null, cancellationToken);
    }

    /// <summary>From a survey suggestion the team retained for the CLU; the text is masked as everywhere else.</summary>
    public async Task<ChangeResult> FromSuggestionAsync(RegisterActor actor, long answerId, CancellationToken cancellationToken)
    {
        if (!actor.IsQualityTeam)
        {
            return new ChangeResult.Forbidden();
        }

        var answer = await db.SurveyAnswers.AsNoTracking().Where(a => a.Id == answerId && a.Text != null)
            .Select(a => new { a.Text, a.Response.Campaign.PrefectureId }).SingleOrDefaultAsync(cancellationToken);
        if (answer is null)
        {
            return new ChangeResult.NotFound();
        }

        if (answer.PrefectureId != actor.PrefectureId)
        {
            return new ChangeResult.Forbidden();
        }

        if (!await db.SuggestionReviews.AnyAsync(r => r.AnswerId == answerId && r.RetainedForClu, cancellationToken))
        {
            return new ChangeResult.Invalid(new Dictionary<string, string> { [""] = "Retenez d’abord la suggestion pour le CLU." });
        }

        if (await ExistingAsync(actor.PrefectureId, ActionOrigin.SurveySuggestion, answerId, null, cancellationToken) is { } existing)
        {
            return new ChangeResult.Done(existing);
        }

        var text = PersonalDataMasker.Mask(answer.Text!);
        return await plan.CreateAsync(actor, new ActionInput { Title = Title("Suggestion : " + text), Description = Trim(text, PlanActionConfiguration.DescriptionMaxLength), ModuleId = ModuleOne },
            ActionOrigin.SurveySuggestion, answerId, cancellationToken);
    }

    /// <summary>
    /// From a case of the register: a complaint, or a suggestion, becomes an action of the case's
    /// service, which a service owner may engage for their own cases. The text is masked as for survey
    /// suggestions: the action plan is read by more people than the case.
    /// </summary>
    public async Task<ChangeResult> FromCaseAsync(RegisterActor actor, int caseId, CancellationToken cancellationToken)
    {
        var found = await db.RegisterCases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new { c.PrefectureId, c.OwnerServiceId, c.Kind, c.Text, c.ReceivedOn }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return new ChangeResult.NotFound();
        }

        if (!actor.MayActOn(found.PrefectureId, found.OwnerServiceId))
        {
            return new ChangeResult.Forbidden();
        }

        if (await EngagedForCaseAsync(caseId, cancellationToken) is { } existing)
        {
            return new ChangeResult.Done(existing.Id);
        }

        var text = PersonalDataMasker.Mask(found.Text);
        var reference = RegisterCase.FormatReference(found.ReceivedOn.Year, caseId);
        var input = new ActionInput
        {
            Title = Title($"{RegisterLabels.Kind(found.Kind)} {reference} : {text}"),
            Description = Trim(text, PlanActionConfiguration.DescriptionMaxLength),
            ModuleId = ModuleOne,
            OwnerServiceId = found.OwnerServiceId,
        };
        return await plan.CreateCheckedAsync(actor, input, OriginOf(found.Kind), caseId, cancellationToken);
    }

    public sealed record EngagedAction(int Id, ActionStatus Status, int? OwnerServiceId, DateTime? LastNoteAtUtc, string? LastNote);

    /// <summary>The action engaged from a case, with its latest progress note (« action engagée »).</summary>
    public async Task<EngagedAction?> EngagedForCaseAsync(int caseId, CancellationToken cancellationToken)
    {
        var action = await db.PlanActions.AsNoTracking()
            .Where(a => (a.Origin == ActionOrigin.Complaint || a.Origin == ActionOrigin.RegisterSuggestion) && a.OriginRecordId == caseId)
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.Status, a.OwnerServiceId }).FirstOrDefaultAsync(cancellationToken);
        if (action is null)
        {
            return null;
        }

        // A progress note is an event without a change of status.
        var note = await db.PlanActionEvents.AsNoTracking().Where(e => e.ActionId == action.Id && e.Status == null && e.Text != null)
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Select(e => new { e.AtUtc, e.Text }).FirstOrDefaultAsync(cancellationToken);
        return new EngagedAction(action.Id, action.Status, action.OwnerServiceId, note?.AtUtc, note?.Text);
    }

    public static ActionOrigin OriginOf(CaseKind kind) => kind == CaseKind.Reclamation ? ActionOrigin.Complaint : ActionOrigin.RegisterSuggestion;

    /// <summary>Mystery sentences by the action made from them (« action engagée »).</summary>
    public async Task<Dictionary<string, (int Id, ActionStatus Status)>> EngagedMysteryAsync(int prefectureId, CancellationToken cancellationToken) =>
        (await db.PlanActions.AsNoTracking()
            .Where(a => a.PrefectureId == prefectureId && a.Origin == ActionOrigin.MysteryRecommendation && a.Description != null)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Description, a.Id, a.Status })
            .ToListAsync(cancellationToken))
        .GroupBy(a => a.Description!)
        .ToDictionary(g => g.Key, g => (g.First().Id, g.First().Status));

    // Mystery calls and emails, and the survey's reception questions, all serve module 1.
    private int? ModuleOne => db.QualModules.Where(m => m.Number == 1 && m.IsActive).Select(m => (int?)m.Id).SingleOrDefault();

    private async Task<int?> ExistingAsync(int prefectureId, ActionOrigin origin, long? recordId, string? description, CancellationToken cancellationToken) =>
        await db.PlanActions.Where(a => a.PrefectureId == prefectureId && a.Origin == origin
                && (recordId == null || a.OriginRecordId == recordId) && (description == null || a.Description == description))
            .OrderBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);

    private static string Title(string text) => Trim(text, PlanActionConfiguration.TitleMaxLength);

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
