namespace VoixUsager.ActionPlan;

/// <summary>
/// Progress of a plan as the CLU reads it: done / in progress / to do, as counts and shares of the
/// actions still pursued. Abandoned actions are counted apart, outside the percentages, so giving up
/// an action never makes the plan look further along.
/// </summary>
public sealed record ProgressLine(int? ModuleNumber, string Label, int Done, int InProgress, int ToDo, int Abandoned)
{
    public int Pursued => Done + InProgress + ToDo;

    public double? DoneShare => Share(Done);

    public double? InProgressShare => Share(InProgress);

    public double? ToDoShare => Share(ToDo);

    private double? Share(int count) => Pursued == 0 ? null : (double)count / Pursued;
}

public sealed record PlanProgress(IReadOnlyList<ProgressLine> Modules, ProgressLine Overall);

public static class ActionPlanProgress
{
    public const string OverallLabel = "Ensemble du plan";

    /// <summary>One line per module having actions (by number, cross-cutting last) and the overall line.</summary>
    public static PlanProgress Compute(IEnumerable<(int? ModuleNumber, string? ModuleName, ActionStatus Status)> actions)
    {
        var list = actions.ToList();
        var modules = list
            .GroupBy(a => a.ModuleNumber)
            .OrderBy(g => g.Key is null ? 1 : 0).ThenBy(g => g.Key)
            .Select(g => Line(g.Key, ActionPlanLabels.Module(g.Key, g.First().ModuleName), g.Select(a => a.Status)))
            .ToList();
        return new PlanProgress(modules, Line(null, OverallLabel, list.Select(a => a.Status)));
    }

    private static ProgressLine Line(int? number, string label, IEnumerable<ActionStatus> statuses)
    {
        var s = statuses.ToList();
        return new ProgressLine(number, label,
            s.Count(x => x == ActionStatus.Done), s.Count(x => x == ActionStatus.InProgress),
            s.Count(x => x == ActionStatus.ToDo), s.Count(x => x == ActionStatus.Abandoned));
    }
}
