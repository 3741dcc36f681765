using VoixUsager.Prefectures;

namespace VoixUsager.Register;

/// <summary>
/// One suggestion or complaint (réclamation) received in writing, whatever the channel, and what was
/// done with it: acknowledged, answered, or closed without answer.
/// </summary>
public class RegisterCase
{
    public int Id { get; set; }

    public int PrefectureId { get; set; }

    public Prefecture Prefecture { get; set; } = null!;

    /// <summary>The site concerned, when the person named one.</summary>
    public int? SiteId { get; set; }

    public Site? Site { get; set; }

    /// <summary>The service that answers; null until the quality team assigns one.</summary>
    public int? OwnerServiceId { get; set; }

    public OwnerService? OwnerService { get; set; }

    public CaseKind Kind { get; set; }

    public CaseSubject Subject { get; set; }

    public CaseChannel Channel { get; set; }

    public required string Text { get; set; }

    /// <summary>The day it reached the préfecture, in the préfecture's zone: the deadlines count from it.</summary>
    public DateOnly ReceivedOn { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The last day to acknowledge it, in working days of the préfecture's zone.</summary>
    public DateOnly AcknowledgementDueOn { get; set; }

    /// <summary>The last day to answer it, in working days of the préfecture's zone.</summary>
    public DateOnly DueOn { get; set; }

    public CaseStatus Status { get; set; } = CaseStatus.Recue;

    public DateOnly? AcknowledgedOn { get; set; }

    /// <summary>The day it was answered or closed.</summary>
    public DateOnly? ClosedOn { get; set; }

    public AnswerMode? AnswerMode { get; set; }

    public string? AnswerText { get; set; }

    /// <summary>Why it was closed without an answer.</summary>
    public string? ClosedReason { get; set; }

    /// <summary>Set when the answer was emailed: the same message is never sent twice under two ids.</summary>
    public string? AnswerMessageId { get; set; }

    // Contact details: only when the person wants an answer; erased by the retention job.
    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPostalAddress { get; set; }

    public DateTime? ContactErasedAtUtc { get; set; }

    public bool HasContact => ContactName is not null || ContactEmail is not null || ContactPostalAddress is not null;

    public RegisterAttachment? Attachment { get; set; }

    /// <summary>What the person is given to quote: the year received and the number.</summary>
    public string Reference => FormatReference(ReceivedOn.Year, Id);

    public static string FormatReference(int year, int id) => $"SR-{year}-{id:D5}";

    public bool IsOpen => Status is CaseStatus.Recue or CaseStatus.AccuseeReception;

    /// <summary>Open past its answer deadline on <paramref name="today"/> (the préfecture's local date).</summary>
    public bool IsOverdue(DateOnly today) => IsOpen && DueOn < today;

    public bool IsAcknowledgementOverdue(DateOnly today) => Status == CaseStatus.Recue && AcknowledgementDueOn < today;
}

/// <summary>A scanned fiche or letter, stored in the database, served only as a download.</summary>
public class RegisterAttachment
{
    public int Id { get; set; }

    public int CaseId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }
}

/// <summary>Stored by name (at most 30 characters): a name is never changed once used.</summary>
public enum CaseKind
{
    Suggestion,
    Reclamation,
}

/// <summary>Stored by name (at most 30 characters).</summary>
public enum CaseSubject
{
    AccueilPhysique,
    Attente,
    Telephone,
    Courriels,
    SiteInternet,
    PointAccueilNumerique,
    Signaletique,
    Autre,
}

/// <summary>How it reached the préfecture. Stored by name (at most 30 characters).</summary>
public enum CaseChannel
{
    FormulaireEnLigne,
    FicheUrne,
    Courrier,
    Courriel,
    Telephone,
}

/// <summary>Stored by name (at most 30 characters).</summary>
public enum CaseStatus
{
    Recue,
    AccuseeReception,
    Repondue,
    CloseSansReponse,
}

public enum AnswerMode
{
    Courriel,
    Courrier,
}
