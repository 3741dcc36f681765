using VoixUsager.ActionPlan;

namespace VoixUsager.Tests.ActionPlan;

[Trait("Category", "Logic")]
public sealed class ActionPlanProgressTests
{
    [Fact]
    public void Percentages_are_per_module_over_pursued_actions_with_abandoned_counted_apart()
    {
        var actions = new List<(int?, string?, ActionStatus)>();
        // Module 1: 35 actions, 21 done, 7 in progress, 7 to do, plus 5 abandoned.
        actions.AddRange(Enumerable.Repeat<(int?, string?, ActionStatus)>((1, "Relation générale", ActionStatus.Done), 21));
        actions.AddRange(Enumerable.Repeat<(int?, string?, ActionStatus)>((1, "Relation générale", ActionStatus.InProgress), 7));
        actions.AddRange(Enumerable.Repeat<(int?, string?, ActionStatus)>((1, "Relation générale", ActionStatus.ToDo), 7));
        actions.AddRange(Enumerable.Repeat<(int?, string?, ActionStatus)>((1, "Relation générale", ActionStatus.Abandoned), 5));
        // Module 7: 7 actions, 1 done.
        actions.Add((7, "Communication d’urgence", ActionStatus.Done));
        actions.AddRange(Enumerable.Repeat<(int?, string?, ActionStatus)>((7, "Communication d’urgence", ActionStatus.ToDo), 6));
        // 12 cross-cutting, all in progress.
        actions.AddRange(Enumerable.Repeat<(int?, string?, ActionStatus)>((null, null, ActionStatus.InProgress), 12));

        var progress = ActionPlanProgress.Compute(actions);

        Assert.Equal(["Module 1 – Relation générale", "Module 7 – Communication d’urgence", "Transversal"], progress.Modules.Select(m => m.Label));
        var module1 = progress.Modules[0];
        Assert.Equal((21, 7, 7, 5, 35), (module1.Done, module1.InProgress, module1.ToDo, module1.Abandoned, module1.Pursued));
        Assert.Equal(0.6, module1.DoneShare!.Value, 10);
        Assert.Equal(0.2, module1.InProgressShare!.Value, 10);
        Assert.Equal(0.2, module1.ToDoShare!.Value, 10);
        Assert.Equal(1.0 / 7, progress.Modules[1].DoneShare!.Value, 10);
        Assert.Equal(1.0, progress.Modules[2].InProgressShare!.Value, 10);
        var overall = progress.Overall;
        Assert.Equal((22, 19, 13, 5, 54), (overall.Done, overall.InProgress, overall.ToDo, overall.Abandoned, overall.Pursued));
        Assert.Equal(22.0 / 54, overall.DoneShare!.Value, 10);
    }

    [Fact]
    public void A_plan_with_only_abandoned_actions_has_no_percentage_rather_than_a_division_by_zero()
    {
        var progress = ActionPlanProgress.Compute([(1, "M", ActionStatus.Abandoned)]);
        Assert.Null(progress.Overall.DoneShare);
        Assert.Equal(1, progress.Overall.Abandoned);
        Assert.Empty(ActionPlanProgress.Compute([]).Modules);
    }

    [Fact]
    public void Overdue_is_a_pursued_action_past_its_due_day_not_on_it()
    {
        var today = new DateOnly(2026, 11, 29);
        Assert.True(ActionPlanService.IsOverdue(ActionStatus.ToDo, today.AddDays(-1), today));
        Assert.True(ActionPlanService.IsOverdue(ActionStatus.InProgress, today.AddDays(-1), today));
        Assert.False(ActionPlanService.IsOverdue(ActionStatus.ToDo, today, today));
        Assert.False(ActionPlanService.IsOverdue(ActionStatus.Done, today.AddDays(-1), today));
        Assert.False(ActionPlanService.IsOverdue(ActionStatus.Abandoned, today.AddDays(-1), today));
        Assert.False(ActionPlanService.IsOverdue(ActionStatus.ToDo, null, today));
    }
}
