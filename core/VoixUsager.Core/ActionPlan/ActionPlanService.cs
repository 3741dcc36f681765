using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Auditing;
using VoixUsager.Data;
using VoixUsager.Register;

namespace VoixUsager.ActionPlan;

/// <summary>An action as typed in its form; the property names are the form's field names.</summary>
public sealed class ActionInput
{
    [Required(ErrorMessage = "Indiquez l’intitulé de l’action.")]
    [ColumnLength(typeof(PlanAction), nameof(PlanAction.Title), ErrorMessage = "L’intitulé compte {1} caractères au plus.")]
    public string? Title { get; set; }

    [ColumnLength(typeof(PlanAction), nameof(PlanAction.Description), ErrorMessage = "La description compte {1} caractères au plus.")]
    public string? Description { get; set; }

    /// <summary>Null: cross-cutting.</summary>
    public int? ModuleId { get; set; }

    public int? EngagementId { get; set; }

    public int? OwnerServiceId { get; set; }

    public DateOnly? DueDate { get; set; }

    /// <summary>Only for a free action: an audit finding or a survey result (the others come from their record).</summary>
    public ActionOrigin? Origin { get; set; }
}

/// <summary>What the plan page's filters ask for; null means any.</summary>
public sealed record ActionFilter(int? ModuleId = null, bool CrossCuttingOnly = false, ActionStatus? Status = null, int? OwnerServiceId = null, ActionOrigin? Origin = null);

public sealed record ActionRow(
    int Id, string Title, ActionOrigin Origin, int? ModuleNumber, string? ModuleName, int? EngagementNumber,
    string? ServiceName, DateOnly? DueDate, ActionStatus Status, bool Overdue);

public sealed record ActionNote(DateTime AtUtc, ActionStatus? Status, string? Text, string? AuthorEmail);

public sealed record ActionDetail(
    int Id, int PrefectureId, string Title, string? Description, ActionOrigin Origin, long? OriginRecordId, int? OriginCluMeetingId,
    int? ModuleId, int? ModuleNumber, string? ModuleName, int? EngagementId, int? EngagementNumber, string? EngagementText,
    int? OwnerServiceId, string? ServiceName, DateOnly? DueDate, ActionStatus Status, string? AbandonReason, bool Overdue,
    IReadOnlyList<ActionNote> History);

public sealed record ModuleChoice(int Id, int Number, string Name, IReadOnlyList<(int Id, int Number, string Text)> Engagements);

/// <summary>
/// The rules of a préfecture's action plan. The quality team owns the whole plan of its préfecture;
/// a service owner sees and moves forward only the actions of their service. Each change of status is
/// stored with its French audit entry and its dated line of history in one transaction.
/// </summary>
public sealed class ActionPlanService(AppDbContext db, FranceClock clock)
{
    public const string ReasonRequired = "Indiquez pourquoi l’action est abandonnée.";

    /// <summary>Whether an action still pursued has passed its due date (today, in Paris, is not late yet).</summary>
    public static bool IsOverdue(ActionStatus status, DateOnly? due, DateOnly today) =>
        due is { } d && d < today && status is ActionStatus.ToDo or ActionStatus.InProgress;

    public async Task<IReadOnlyList<ModuleChoice>> ModulesAsync(CancellationToken cancellationToken) =>
        (await db.QualModules.AsNoTracking().Where(m => m.IsActive).Include(m => m.Engagements).OrderBy(m => m.Number).ToListAsync(cancellationToken))
        .Select(m => new ModuleChoice(m.Id, m.Number, m.Name, m.Engagements.OrderBy(e => e.Number).Select(e => (e.Id, e.Number, e.Text)).ToList()))
        .ToList();

    /// <summary>The actions the actor may see, filtered, late ones first then by due date.</summary>
    public async Task<IReadOnlyList<ActionRow>> ListAsync(RegisterActor actor, ActionFilter filter, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var rows = await Visible(actor, filter)
            .Where(a => filter.Status == null || a.Status == filter.Status)
            .Select(a => new
            {
                a.Id, a.Title, a.Origin, ModuleNumber = (int?)a.Module!.Number, ModuleName = a.Module!.Name, EngagementNumber = (int?)a.Engagement!.Number,
                ServiceName = a.OwnerService!.Name, a.DueDate, a.Status,
            })
            .ToListAsync(cancellationToken);
        return rows
            .Select(a => new ActionRow(a.Id, a.Title, a.Origin, a.ModuleNumber, a.ModuleName, a.EngagementNumber, a.ServiceName, a.DueDate, a.Status, IsOverdue(a.Status, a.DueDate, today)))
            .OrderByDescending(a => a.Overdue).ThenBy(a => a.DueDate ?? DateOnly.MaxValue).ThenBy(a => a.Id)
            .ToList();
    }

    /// <summary>
    /// Progress per module and overall of the actions the actor may see, with the module, service and
    /// origin filters but not the status one (a status filter would make every share 0 or 100 %).
    /// </summary>
    public async Task<PlanProgress> ProgressAsync(RegisterActor actor, ActionFilter filter, CancellationToken cancellationToken)
    {
        var actions = await Visible(actor, filter)
            .Select(a => new { Number = (int?)a.Module!.Number, Name = a.Module!.Name, a.Status })
            .ToListAsync(cancellationToken);
        return ActionPlanProgress.Compute(actions.Select(a => (a.Number, (string?)a.Name, a.Status)));
    }

    /// <summary>The plan as it stood at a cut-off, and how many of its pursued actions were then past their due date.</summary>
    public sealed record PlanAt(PlanProgress Progress, int Overdue);

    /// <summary>
    /// The plan of a préfecture as it stood at <paramref name="cutoffUtc"/>: the actions created by then,
    /// each with the status of its last change by then. What a frozen CLU summary shows. An action is
    /// counted late when, at that status, its due date was before the cut-off's day in Paris; due dates
    /// keep no history, so the current one is read.
    /// </summary>
    public async Task<PlanAt> ProgressAtAsync(int prefectureId, DateTime cutoffUtc, CancellationToken cancellationToken)
    {
        var statuses = await StatusesAtAsync(db.PlanActions.Where(a => a.PrefectureId == prefectureId), cutoffUtc, cancellationToken);
        var actions = (await db.PlanActions.AsNoTracking()
                .Where(a => a.PrefectureId == prefectureId && a.CreatedAtUtc <= cutoffUtc)
                .Select(a => new { a.Id, Number = (int?)a.Module!.Number, Name = a.Module!.Name, a.DueDate })
                .ToListAsync(cancellationToken))
            .Select(a => (a.Number, a.Name, a.DueDate, Status: statuses.GetValueOrDefault(a.Id, ActionStatus.ToDo)))
            .ToList();
        var cutoffDay = DateOnly.FromDateTime(Calendar.FrenchTimeZones.UtcToParis(cutoffUtc));
        return new PlanAt(
            ActionPlanProgress.Compute(actions.Select(a => (a.Number, (string?)a.Name, a.Status))),
            actions.Count(a => IsOverdue(a.Status, a.DueDate, cutoffDay)));
    }

    /// <summary>Each action's status at <paramref name="cutoffUtc"/>, read from its history.</summary>
    public async Task<Dictionary<int, ActionStatus>> StatusesAtAsync(IQueryable<PlanAction> actions, DateTime cutoffUtc, CancellationToken cancellationToken)
    {
        var ids = actions.Select(a => a.Id);
        var events = await db.PlanActionEvents.AsNoTracking()
            .Where(e => ids.Contains(e.ActionId) && e.Status != null && e.AtUtc <= cutoffUtc)
            .Select(e => new { e.ActionId, e.Id, e.AtUtc, Status = e.Status!.Value })
            .ToListAsync(cancellationToken);
        return events.GroupBy(e => e.ActionId)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.AtUtc).ThenBy(e => e.Id).Last().Status);
    }

    public async Task<(ActionDetail? Detail, ChangeResult? Refusal)> GetAsync(RegisterActor actor, int id, CancellationToken cancellationToken)
    {
        var action = await db.PlanActions.AsNoTracking()
            .Include(a => a.Module).Include(a => a.Engagement).Include(a => a.OwnerService).Include(a => a.Events)
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (action is null)
        {
            return (null, new ChangeResult.NotFound());
        }

        if (!actor.MayActOn(action.PrefectureId, action.OwnerServiceId))
        {
            return (null, new ChangeResult.Forbidden());
        }

        int? cluMeetingId = action.Origin == ActionOrigin.CluDecision && action.OriginRecordId is { } decisionId
            ? await db.CluDecisions.Where(d => d.Id == (int)decisionId).Select(d => (int?)d.CluMeetingId).SingleOrDefaultAsync(cancellationToken)
            : null;
        return (new ActionDetail(action.Id, action.PrefectureId, action.Title, action.Description, action.Origin, action.OriginRecordId, cluMeetingId,
            action.ModuleId, action.Module?.Number, action.Module?.Name, action.EngagementId, action.Engagement?.Number, action.Engagement?.Text,
            action.OwnerServiceId, action.OwnerService?.Name, action.DueDate, action.Status, action.AbandonReason,
            IsOverdue(action.Status, action.DueDate, clock.Today),
            action.Events.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Select(e => new ActionNote(e.AtUtc, e.Status, e.Text, e.AuthorEmail)).ToList()), null);
    }

    /// <summary>The action already made from a record, if any (« action engagée »).</summary>
    public async Task<Dictionary<long, (int Id, ActionStatus Status)>> EngagedAsync(int prefectureId, ActionOrigin origin, CancellationToken cancellationToken) =>
        (await db.PlanActions.AsNoTracking()
            .Where(a => a.PrefectureId == prefectureId && a.Origin == origin && a.OriginRecordId != null)
            .Select(a => new { RecordId = a.OriginRecordId!.Value, a.Id, a.Status })
            .ToListAsync(cancellationToken))
        .GroupBy(a => a.RecordId)
        .ToDictionary(g => g.Key, g => { var first = g.OrderBy(a => a.Id).First(); return (first.Id, first.Status); });

    /// <summary>Creates an action; only the quality team creates actions.</summary>
    public async Task<ChangeResult> CreateAsync(RegisterActor actor, ActionInput input, ActionOrigin origin, long? originRecordId, CancellationToken cancellationToken) =>
        actor.IsQualityTeam ? await CreateCheckedAsync(actor, input, origin, originRecordId, cancellationToken) : new ChangeResult.Forbidden();

    /// <summary>
    /// Creates an action once the caller has checked the actor may: a service owner engages an action
    /// from a case of their own service, which the action then belongs to.
    /// </summary>
    internal async Task<ChangeResult> CreateCheckedAsync(RegisterActor actor, ActionInput input, ActionOrigin origin, long? originRecordId, CancellationToken cancellationToken)
    {
        var errors = await CheckAsync(actor.PrefectureId, input, cancellationToken);
        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        var now = clock.UtcNow;
        var action = new PlanAction
        {
            PrefectureId = actor.PrefectureId,
            Title = input.Title!.Trim(),
            CreatedAtUtc = now,
            Origin = origin == ActionOrigin.Free && input.Origin is { } chosen && IsFreeKind(chosen) ? chosen : origin,
            OriginRecordId = originRecordId,
        };
        Apply(action, input);
        action.Events.Add(new PlanActionEvent { AtUtc = now, Status = ActionStatus.ToDo, Text = "Action créée", AuthorEmail = actor.Email });
        db.PlanActions.Add(action);
        try
        {
            await db.SaveWithAuditAsync(() => Audit(actor, action, "action.creee", $"{action.Title} ({ActionPlanLabels.Origin(action.Origin)})"), cancellationToken);
        }
        catch (DbUpdateException) when (originRecordId is not null)
        {
            // Two clicks at the same instant: the other one's action is the one asked for.
            db.ChangeTracker.Clear();
            var existing = await db.PlanActions.Where(a => a.Origin == action.Origin && a.OriginRecordId == originRecordId)
                .Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken);
            if (existing is null)
            {
                throw;
            }

            return new ChangeResult.Done(existing.Value);
        }

        return new ChangeResult.Done(action.Id);
    }

    /// <summary>Changes what the action is (title, module, service, due date); only the quality team does.</summary>
    public async Task<ChangeResult> UpdateAsync(RegisterActor actor, int id, ActionInput input, CancellationToken cancellationToken)
    {
        var (action, refusal) = await FindAsync(actor, id, cancellationToken);
        if (action is null)
        {
            return refusal!;
        }

        if (!actor.IsQualityTeam)
        {
            return new ChangeResult.Forbidden();
        }

        var errors = await CheckAsync(actor.PrefectureId, input, cancellationToken);
        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        action.Title = input.Title!.Trim();
        if (action.Origin is ActionOrigin.Free or ActionOrigin.InternalAudit or ActionOrigin.ExternalAudit or ActionOrigin.SurveyResult
            && action.OriginRecordId is null && input.Origin is { } chosen && IsFreeKind(chosen))
        {
            action.Origin = chosen;
        }

        Apply(action, input);
        await db.SaveWithAuditAsync(() => Audit(actor, action, "action.modifiee", action.Title), cancellationToken);
        return new ChangeResult.Done(action.Id);
    }

    /// <summary>Moves the action to <paramref name="status"/>; abandoning needs a reason.</summary>
    public async Task<ChangeResult> ChangeStatusAsync(RegisterActor actor, int id, ActionStatus? status, string? reason, CancellationToken cancellationToken)
    {
        var (action, refusal) = await FindAsync(actor, id, cancellationToken);
        if (action is null)
        {
            return refusal!;
        }

        if (status is not { } next || !Enum.IsDefined(next))
        {
            return new ChangeResult.Invalid(new Dictionary<string, string> { ["Status"] = "Choisissez le nouveau statut de l’action." });
        }

        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (next == ActionStatus.Abandoned && reason is null)
        {
            return new ChangeResult.Invalid(new Dictionary<string, string> { ["Reason"] = ReasonRequired });
        }

        var maxReason = ColumnLengthAttribute.MaxLengthOf(typeof(PlanAction), nameof(PlanAction.AbandonReason));
        if (reason is not null && reason.Length > maxReason)
        {
            return new ChangeResult.Invalid(new Dictionary<string, string> { ["Reason"] = $"Le motif compte {maxReason.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))} caractères au plus." });
        }

        if (next == action.Status)
        {
            return new ChangeResult.Done(action.Id);
        }

        var before = action.Status;
        action.Status = next;
        action.AbandonReason = next == ActionStatus.Abandoned ? reason : null;
        db.PlanActionEvents.Add(new PlanActionEvent { ActionId = action.Id, AtUtc = clock.UtcNow, Status = next, Text = reason, AuthorEmail = actor.Email });
        var details = $"{action.Title} : {ActionPlanLabels.Status(before)} → {ActionPlanLabels.Status(next)}" + (reason is null ? "" : $" ({reason})");
        await db.SaveWithAuditAsync(() => Audit(actor, action, "action.statut", details), cancellationToken);
        return new ChangeResult.Done(action.Id);
    }

    /// <summary>Adds a dated progress note.</summary>
    public async Task<ChangeResult> AddNoteAsync(RegisterActor actor, int id, string? text, CancellationToken cancellationToken)
    {
        var (action, refusal) = await FindAsync(actor, id, cancellationToken);
        if (action is null)
        {
            return refusal!;
        }

        text = text?.Trim();
        var max = ColumnLengthAttribute.MaxLengthOf(typeof(PlanActionEvent), nameof(PlanActionEvent.Text));
        if (string.IsNullOrEmpty(text))
        {
            return new ChangeResult.Invalid(new Dictionary<string, string> { ["Note"] = "Écrivez où en est l’action." });
        }

        if (text.Length > max)
        {
            return new ChangeResult.Invalid(new Dictionary<string, string> { ["Note"] = $"Le point d’avancement compte {max.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))} caractères au plus." });
        }

        db.PlanActionEvents.Add(new PlanActionEvent { ActionId = action.Id, AtUtc = clock.UtcNow, Text = text, AuthorEmail = actor.Email });
        await db.SaveWithAuditAsync(() => Audit(actor, action, "action.note", action.Title), cancellationToken);
        return new ChangeResult.Done(action.Id);
    }

    public sealed record DecisionRow(int Id, string Text, int? ActionId, ActionStatus? Status);

    /// <summary>What a CLU decided, in the order it was recorded, each action with its status now.</summary>
    public async Task<IReadOnlyList<DecisionRow>> DecisionsAsync(int cluMeetingId, CancellationToken cancellationToken) =>
        await db.CluDecisions.AsNoTracking().Where(d => d.CluMeetingId == cluMeetingId).OrderBy(d => d.Id)
            .Select(d => new DecisionRow(d.Id, d.Text, d.ActionId, d.Action == null ? null : (ActionStatus?)d.Action.Status))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Records a decision of a CLU of the actor's préfecture: a note, or an action created in the plan
    /// (origin « décision du CLU ») that the team then completes. Decision and action are stored together.
    /// </summary>
    public async Task<ChangeResult> AddDecisionAsync(RegisterActor actor, int cluMeetingId, string? text, bool asAction, CancellationToken cancellationToken)
    {
        if (!actor.IsQualityTeam)
        {
            return new ChangeResult.Forbidden();
        }

        var prefectureId = await db.CluMeetings.Where(c => c.Id == cluMeetingId).Select(c => (int?)c.PrefectureId).SingleOrDefaultAsync(cancellationToken);
        if (prefectureId is null)
        {
            return new ChangeResult.NotFound();
        }

        if (prefectureId != actor.PrefectureId)
        {
            return new ChangeResult.Forbidden();
        }

        text = text?.Trim();
        var max = ColumnLengthAttribute.MaxLengthOf(typeof(CluDecision), nameof(CluDecision.Text));
        if (string.IsNullOrEmpty(text))
        {
            return new ChangeResult.Invalid(new Dictionary<string, string> { ["decisionText"] = "Écrivez ce que le comité a décidé." });
        }

        if (text.Length > max)
        {
            return new ChangeResult.Invalid(new Dictionary<string, string> { ["decisionText"] = $"La décision compte {max.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))} caractères au plus." });
        }

        var now = clock.UtcNow;
        var decision = new CluDecision { CluMeetingId = cluMeetingId, Text = text, CreatedAtUtc = now };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.CluDecisions.Add(decision);
        await db.SaveChangesAsync(cancellationToken);
        if (asAction)
        {
            var titleMax = ColumnLengthAttribute.MaxLengthOf(typeof(PlanAction), nameof(PlanAction.Title));
            var action = new PlanAction
            {
                PrefectureId = actor.PrefectureId,
                Title = text.Length <= titleMax ? text : text[..(titleMax - 1)] + "…",
                Description = text,
                Origin = ActionOrigin.CluDecision,
                OriginRecordId = decision.Id,
                CreatedAtUtc = now,
            };
            action.Events.Add(new PlanActionEvent { AtUtc = now, Status = ActionStatus.ToDo, Text = "Action décidée par le comité local des usagers", AuthorEmail = actor.Email });
            db.PlanActions.Add(action);
            await db.SaveChangesAsync(cancellationToken);
            decision.Action = action;
            db.AuditEntries.Add(Audit(actor, action, "action.creee", $"{action.Title} ({ActionPlanLabels.Origin(action.Origin)})"));
        }

        db.AuditEntries.Add(AuditEntry.Of(now, actor.UserId, actor.Email, actor.PrefectureId, "clu.decision-ajoutee", nameof(CluDecision),
            decision.Id.ToString(CultureInfo.InvariantCulture), text));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ChangeResult.Done(decision.ActionId ?? 0);
    }

    private static bool IsFreeKind(ActionOrigin origin) =>
        origin is ActionOrigin.Free or ActionOrigin.InternalAudit or ActionOrigin.ExternalAudit or ActionOrigin.SurveyResult;

    private IQueryable<PlanAction> Visible(RegisterActor actor, ActionFilter filter) =>
        db.PlanActions.AsNoTracking()
            .Where(a => a.PrefectureId == actor.PrefectureId)
            .Where(a => actor.OwnerServiceId == null || a.OwnerServiceId == actor.OwnerServiceId)
            .Where(a => filter.ModuleId == null || a.ModuleId == filter.ModuleId)
            .Where(a => !filter.CrossCuttingOnly || a.ModuleId == null)
            .Where(a => filter.OwnerServiceId == null || a.OwnerServiceId == filter.OwnerServiceId)
            .Where(a => filter.Origin == null || a.Origin == filter.Origin);

    private async Task<(PlanAction? Action, ChangeResult? Refusal)> FindAsync(RegisterActor actor, int id, CancellationToken cancellationToken)
    {
        var action = await db.PlanActions.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return action is null ? (null, new ChangeResult.NotFound())
            : !actor.MayActOn(action.PrefectureId, action.OwnerServiceId) ? (null, new ChangeResult.Forbidden())
            : (action, null);
    }

    private async Task<Dictionary<string, string>> CheckAsync(int prefectureId, ActionInput input, CancellationToken cancellationToken)
    {
        var errors = InputValidation.Check(input);
        if (input.ModuleId is { } moduleId && !await db.QualModules.AnyAsync(m => m.Id == moduleId, cancellationToken))
        {
            errors.TryAdd(nameof(ActionInput.ModuleId), "Choisissez un module de la liste.");
        }

        if (input.EngagementId is { } engagementId
            && !await db.QualEngagements.AnyAsync(e => e.Id == engagementId && e.ModuleId == input.ModuleId, cancellationToken))
        {
            errors.TryAdd(nameof(ActionInput.EngagementId), "Choisissez un engagement du module choisi.");
        }

        if (input.OwnerServiceId is { } serviceId
            && !await db.OwnerServices.AnyAsync(s => s.Id == serviceId && s.PrefectureId == prefectureId, cancellationToken))
        {
            errors.TryAdd(nameof(ActionInput.OwnerServiceId), "Choisissez un service de la préfecture.");
        }

        if (input.DueDate is { } due && (due.Year < 2000 || due.Year > 2100))
        {
            errors.TryAdd(nameof(ActionInput.DueDate), "Indiquez une échéance entre 2000 et 2100.");
        }

        return errors;
    }

    private static void Apply(PlanAction action, ActionInput input)
    {
        action.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        action.ModuleId = input.ModuleId;
        action.EngagementId = input.ModuleId is null ? null : input.EngagementId;
        action.OwnerServiceId = input.OwnerServiceId;
        action.DueDate = input.DueDate;
    }

    private AuditEntry Audit(RegisterActor actor, PlanAction action, string code, string details) =>
        AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, action.PrefectureId, code, nameof(PlanAction),
            action.Id.ToString(CultureInfo.InvariantCulture), details);
}
