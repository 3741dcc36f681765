using Microsoft.EntityFrameworkCore;
using VoixUsager.ActionPlan;
using VoixUsager.Data;
using VoixUsager.Register;
using VoixUsager.Results;

namespace VoixUsager.Clu;

/// <summary>
/// One decision of the previous CLU as it stood at this CLU's cut-off. For an action: its status then,
/// its owner service and due date (null for a note).
/// </summary>
public sealed record CluDecisionFollowUp(string Text, bool IsAction, ActionStatus? Status, string? OwnerService, DateOnly? DueDate, bool Overdue);

/// <summary>The CLU before this one and what it decided.</summary>
public sealed record PreviousCluDecisions(DateOnly MeetingOn, string Place, IReadOnlyList<CluDecisionFollowUp> Decisions);

/// <summary>
/// What only a CLU's summary shows beside the results, frozen with them: the follow-up of the previous
/// CLU's decisions (null when there was no previous CLU), the action plan's progress and the bilan of
/// suggestions and complaints over the indicators' twelve months.
/// </summary>
public sealed record CluSections(PreviousCluDecisions? Previous, ActionPlanService.PlanAt Plan, RegisterFigures Register);

/// <summary>Computes a CLU's own sections from the plan's and the register's computations, at the summary's cut-off.</summary>
public sealed class CluSectionsService(AppDbContext db, ActionPlanService plan, RegisterQueries register)
{
    public async Task<CluSections> ComputeAsync(CluMeeting clu, DateTime cutoffUtc, IndicatorPeriod period, CancellationToken cancellationToken) =>
        new(await PreviousAsync(clu, cutoffUtc, cancellationToken),
            await plan.ProgressAtAsync(clu.PrefectureId, cutoffUtc, cancellationToken),
            await register.FiguresAsync(clu.PrefectureId, period.From, period.To, cancellationToken));

    /// <summary>
    /// The préfecture's last CLU held before this one's date, with the decisions recorded by the cut-off,
    /// in the order they were recorded; each action with its status at the cut-off.
    /// </summary>
    private async Task<PreviousCluDecisions?> PreviousAsync(CluMeeting clu, DateTime cutoffUtc, CancellationToken cancellationToken)
    {
        var previous = await db.CluMeetings.AsNoTracking()
            .Where(c => c.PrefectureId == clu.PrefectureId && c.MeetingOn < clu.MeetingOn && c.Id != clu.Id)
            .OrderByDescending(c => c.MeetingOn).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.MeetingOn, c.Place })
            .FirstOrDefaultAsync(cancellationToken);
        if (previous is null)
        {
            return null;
        }

        var decisions = await db.CluDecisions.AsNoTracking()
            .Where(d => d.CluMeetingId == previous.Id && d.CreatedAtUtc <= cutoffUtc)
            .OrderBy(d => d.Id)
            .Select(d => new { d.Text, d.ActionId, Service = d.Action == null ? null : d.Action.OwnerService!.Name, DueDate = d.Action == null ? null : d.Action.DueDate })
            .ToListAsync(cancellationToken);
        var actionIds = decisions.Where(d => d.ActionId is not null).Select(d => d.ActionId!.Value).ToList();
        var statuses = actionIds.Count == 0 ? [] : await plan.StatusesAtAsync(db.PlanActions.Where(a => actionIds.Contains(a.Id)), cutoffUtc, cancellationToken);
        var cutoffDay = DateOnly.FromDateTime(Calendar.FrenchTimeZones.UtcToParis(cutoffUtc));
        return new PreviousCluDecisions(previous.MeetingOn, previous.Place, decisions.Select(d =>
        {
            if (d.ActionId is not { } actionId)
            {
                return new CluDecisionFollowUp(d.Text, false, null, null, null, false);
            }

            var status = statuses.GetValueOrDefault(actionId, ActionStatus.ToDo);
            return new CluDecisionFollowUp(d.Text, true, status, d.Service, d.DueDate, ActionPlanService.IsOverdue(status, d.DueDate, cutoffDay));
        }).ToList());
    }
}

/// <summary>The French words of a CLU's own sections, in one place for the email and its workbook.</summary>
public static class CluSectionTexts
{
    private static readonly System.Globalization.CultureInfo French = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    public const string NoPreviousClu = "Aucun comité local des usagers ne s’était réuni avant celui-ci : il n’y a pas de décision à suivre.";

    public const string Note = "Note";

    public const string Action = "Action";

    public const string NoDueDate = "non fixée";

    public static string Describe(PreviousCluDecisions previous) => $"CLU du {previous.MeetingOn.ToString("d MMMM yyyy", French)} ({previous.Place})";

    public static string NoDecision(PreviousCluDecisions previous) => $"Aucune décision n’avait été enregistrée au CLU précédent ({Describe(previous)}).";

    public static string Line(CluDecisionFollowUp decision) => !decision.IsAction
        ? $"{Note} : {decision.Text}"
        : $"{Action} : {decision.Text} — {ActionPlanLabels.Status(decision.Status!.Value)}{(decision.Overdue ? ", en retard" : "")} ; "
          + $"service pilote : {decision.OwnerService ?? ActionPlanLabels.Unassigned} ; échéance : {(decision.DueDate is { } due ? due.ToString("dd/MM/yyyy", French) : NoDueDate)}";

    /// <summary>A count with its share of the pursued actions, as the plan page shows it: "1 (33 %)", the count alone when nothing is pursued.</summary>
    public static string Cell(int count, double? share) =>
        share is null ? Results.Statistics.FrenchFormat.Count(count) : $"{Results.Statistics.FrenchFormat.Count(count)} ({Results.Statistics.FrenchFormat.Percent(share, 0)})";

    public static string Line(ProgressLine line) =>
        $"{line.Label} : réalisées {Cell(line.Done, line.DoneShare)}, en cours {Cell(line.InProgress, line.InProgressShare)}, "
        + $"à réaliser {Cell(line.ToDo, line.ToDoShare)}, abandonnées {Results.Statistics.FrenchFormat.Count(line.Abandoned)}";

    public static string Counts(string title, IReadOnlyList<CountRow> rows) =>
        $"{title} : " + string.Join(" ; ", rows.Select(r => $"{r.Label} {Results.Statistics.FrenchFormat.Count(r.Count)}"));
}
