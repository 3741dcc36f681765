using System.ComponentModel.DataAnnotations;
using VoixUsager.Data;

namespace VoixUsager.Register;

/// <summary>What a member of the public typed in the form; the property names are the form's field names.</summary>
public class PublicCaseInput
{
    [Required(ErrorMessage = "Indiquez s’il s’agit d’une suggestion ou d’une réclamation.")]
    public CaseKind? Kind { get; set; }

    /// <summary>Optional: the site the person is writing about.</summary>
    public int? SiteId { get; set; }

    /// <summary>Optional: the service concerned, when the person knows it.</summary>
    public int? OwnerServiceId { get; set; }

    [Required(ErrorMessage = "Choisissez le sujet de votre message.")]
    public CaseSubject? Subject { get; set; }

    [Required(ErrorMessage = "Écrivez votre suggestion ou votre réclamation.")]
    [ColumnLength(typeof(RegisterCase), nameof(RegisterCase.Text), ErrorMessage = "Votre message compte {1} caractères au plus.")]
    public string? Text { get; set; }

    /// <summary>Ticked when the person wants an answer: only then are contact details asked and kept.</summary>
    public bool WantsAnswer { get; set; }

    [ColumnLength(typeof(RegisterCase), nameof(RegisterCase.ContactName), ErrorMessage = "Le nom compte {1} caractères au plus.")]
    public string? ContactName { get; set; }

    [ColumnLength(typeof(RegisterCase), nameof(RegisterCase.ContactEmail), ErrorMessage = "L’adresse électronique compte {1} caractères au plus.")]
    public string? ContactEmail { get; set; }

    [ColumnLength(typeof(RegisterCase), nameof(RegisterCase.ContactPostalAddress), ErrorMessage = "L’adresse postale compte {1} caractères au plus.")]
    public string? ContactPostalAddress { get; set; }
}

/// <summary>A case staff record from another channel: the public form's fields plus the channel and the day received.</summary>
public sealed class StaffCaseInput : PublicCaseInput
{
    [Required(ErrorMessage = "Choisissez le canal par lequel elle est arrivée.")]
    public CaseChannel? Channel { get; set; }

    /// <summary>The day it was received, as typed (jj/mm/aaaa or aaaa-mm-jj).</summary>
    [Required(ErrorMessage = "Indiquez la date de réception, par exemple 14/07/2026.")]
    [StringLength(20, ErrorMessage = "Indiquez la date de réception, par exemple 14/07/2026.")]
    public string? ReceivedOn { get; set; }
}

/// <summary>A scanned fiche or letter, as uploaded.</summary>
public sealed record AttachmentUpload(string FileName, long Length, Func<CancellationToken, Task<byte[]>> ReadAsync);

public sealed class AnswerInput
{
    [Required(ErrorMessage = "Écrivez la réponse.")]
    [ColumnLength(typeof(RegisterCase), nameof(RegisterCase.AnswerText), ErrorMessage = "La réponse compte {1} caractères au plus.")]
    public string? AnswerText { get; set; }

    [Required(ErrorMessage = "Choisissez comment la réponse est envoyée.")]
    public AnswerMode? AnswerMode { get; set; }
}

public sealed class CloseInput
{
    [Required(ErrorMessage = "Indiquez pourquoi le dossier est clos sans réponse, par exemple « anonyme, pas de coordonnées ».")]
    [ColumnLength(typeof(RegisterCase), nameof(RegisterCase.ClosedReason), ErrorMessage = "Le motif compte {1} caractères au plus.")]
    public string? ClosedReason { get; set; }
}
