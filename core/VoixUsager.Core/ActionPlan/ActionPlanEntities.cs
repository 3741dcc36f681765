using VoixUsager.Prefectures;
using VoixUsager.Register;

namespace VoixUsager.ActionPlan;

/// <summary>
/// A module of the Qual-e-pref référentiel (module 1, general relation with users, is mandatory).
/// National data the administrators maintain; a retired module stays on the actions that served it.
/// </summary>
public class QualModule
{
    public int Id { get; set; }

    public int Number { get; set; }

    public required string Name { get; set; }

    public bool IsActive { get; set; } = true;

    public List<QualEngagement> Engagements { get; set; } = [];
}

/// <summary>An engagement of a module, e.g. engagement 4 of module 1, with its text.</summary>
public class QualEngagement
{
    public int Id { get; set; }

    public int ModuleId { get; set; }

    public QualModule Module { get; set; } = null!;

    public int Number { get; set; }

    public required string Text { get; set; }
}

/// <summary>Where an action comes from; the stored value is the number, so never renumber.</summary>
public enum ActionOrigin
{
    Free = 0,
    SurveyResult = 1,
    MysteryRecommendation = 2,
    SurveySuggestion = 3,
    Complaint = 4,
    CluDecision = 5,
    InternalAudit = 6,
    ExternalAudit = 7,

    /// <summary>A suggestion of the register (a complaint is <see cref="Complaint"/>), record: the case.</summary>
    RegisterSuggestion = 8,
}

/// <summary>An action's status; the stored value is the number, so never renumber.</summary>
public enum ActionStatus
{
    ToDo = 0,
    InProgress = 1,
    Done = 2,
    Abandoned = 3,
}

/// <summary>An action of a préfecture's plan, owned by one of its services.</summary>
public class PlanAction
{
    public int Id { get; set; }

    public int PrefectureId { get; set; }

    public Prefecture Prefecture { get; set; } = null!;

    public required string Title { get; set; }

    public string? Description { get; set; }

    public ActionOrigin Origin { get; set; }

    /// <summary>
    /// The record the action came from, read with <see cref="Origin"/>: a mystery campaign, a survey
    /// answer (suggestion), a register case (complaint or suggestion), a CLU decision; null for a free action or an audit finding.
    /// </summary>
    public long? OriginRecordId { get; set; }

    /// <summary>Null: cross-cutting (« transversal »), serving no single module.</summary>
    public int? ModuleId { get; set; }

    public QualModule? Module { get; set; }

    public int? EngagementId { get; set; }

    public QualEngagement? Engagement { get; set; }

    /// <summary>Null while the quality team has not yet given it to a service.</summary>
    public int? OwnerServiceId { get; set; }

    public OwnerService? OwnerService { get; set; }

    public DateOnly? DueDate { get; set; }

    public ActionStatus Status { get; set; }

    /// <summary>Why it was abandoned; required with <see cref="ActionStatus.Abandoned"/>.</summary>
    public string? AbandonReason { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public List<PlanActionEvent> Events { get; set; } = [];
}

/// <summary>
/// A dated line of an action's history: a progress note, or a change of status. Statuses are kept as
/// events so a frozen summary can say what an action's status was at its cut-off.
/// </summary>
public class PlanActionEvent
{
    public int Id { get; set; }

    public int ActionId { get; set; }

    public PlanAction Action { get; set; } = null!;

    public DateTime AtUtc { get; set; }

    /// <summary>The status from this moment on; null for a progress note.</summary>
    public ActionStatus? Status { get; set; }

    public string? Text { get; set; }

    public string? AuthorEmail { get; set; }
}

/// <summary>
/// What a CLU decided: either an action, created in the plan with origin « décision du CLU », or a
/// note (a decision that needs no action, e.g. « le comité prend acte »).
/// </summary>
public class CluDecision
{
    public int Id { get; set; }

    public int CluMeetingId { get; set; }

    public Clu.CluMeeting CluMeeting { get; set; } = null!;

    public required string Text { get; set; }

    /// <summary>The action it became; null for a note.</summary>
    public int? ActionId { get; set; }

    public PlanAction? Action { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
