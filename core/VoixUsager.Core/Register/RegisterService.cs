using System.Globalization;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoixUsager.Auditing;
using VoixUsager.Calendar;
using VoixUsager.Data;
using VoixUsager.Data.EntityConfigurations;
using VoixUsager.Email;
using VoixUsager.Prefectures;

namespace VoixUsager.Register;

/// <summary>
/// The register of suggestions and complaints: what may be received, acknowledged, answered or closed,
/// and by whom. Each change of status is saved with its audit entry in one transaction.
/// </summary>
public sealed class RegisterService(AppDbContext db, FranceClock clock, IEmailSender email, IOptions<EmailOptions> emailOptions)
{
    public const string ContactEmailMessage = "Saisissez une adresse électronique valide, par exemple nom@exemple.fr.";

    public const string ContactNeededMessage = "Pour recevoir une réponse, indiquez votre adresse électronique ou votre adresse postale.";

    /// <summary>The préfecture's local date: deadlines are counted in its zone, overseas too.</summary>
    public DateOnly TodayIn(HolidayZone zone) => DateOnly.FromDateTime(FrenchTimeZones.ToLocal(clock.UtcNow, zone));

    /// <summary>The two deadlines of a case received on <paramref name="receivedOn"/>.</summary>
    public static (DateOnly Acknowledgement, DateOnly Answer) DueDates(DateOnly receivedOn, Prefecture prefecture) =>
        (WorkingDays.AddWorkingDays(receivedOn, prefecture.AcknowledgementDeadlineWorkingDays, prefecture.HolidayZone),
         WorkingDays.AddWorkingDays(receivedOn, prefecture.CaseDeadlineWorkingDays, prefecture.HolidayZone));

    /// <summary>Stores what a member of the public sent with the form.</summary>
    public async Task<ChangeResult> SubmitPublicAsync(int prefectureId, PublicCaseInput input, AttachmentUpload? upload, CancellationToken cancellationToken)
    {
        var prefecture = await db.Prefectures.SingleOrDefaultAsync(p => p.Id == prefectureId, cancellationToken);
        if (prefecture is null)
        {
            return new ChangeResult.NotFound();
        }

        var errors = await CheckAsync(prefectureId, input, cancellationToken);
        var attachment = await ReadAttachmentAsync(upload, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        var registerCase = NewCase(prefecture, input, CaseChannel.FormulaireEnLigne, TodayIn(prefecture.HolidayZone));
        registerCase.Attachment = attachment;
        db.RegisterCases.Add(registerCase);
        await db.SaveWithAuditAsync(() => Audit(null, registerCase, "dossier.recu",
            $"{RegisterLabels.Kind(registerCase.Kind)} reçue par le formulaire en ligne{(attachment is null ? "" : ", pièce jointe")}"), cancellationToken);
        return new ChangeResult.Done(registerCase.Id);
    }

    /// <summary>Records a case received by another channel, with an optional scanned attachment (quality team only).</summary>
    public async Task<ChangeResult> RecordAsync(RegisterActor actor, StaffCaseInput input, AttachmentUpload? upload, CancellationToken cancellationToken)
    {
        if (!actor.IsQualityTeam)
        {
            return new ChangeResult.Forbidden();
        }

        var prefecture = await db.Prefectures.SingleAsync(p => p.Id == actor.PrefectureId, cancellationToken);
        var errors = await CheckAsync(actor.PrefectureId, input, cancellationToken);
        if (input.Channel is { } channel && !Enum.IsDefined(channel))
        {
            errors[nameof(StaffCaseInput.Channel)] = "Choisissez le canal par lequel elle est arrivée.";
        }

        var today = TodayIn(prefecture.HolidayZone);
        DateOnly receivedOn = default;
        if (!errors.ContainsKey(nameof(StaffCaseInput.ReceivedOn)))
        {
            if (!DateOnly.TryParseExact(input.ReceivedOn!.Trim(), ["dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out receivedOn))
            {
                errors[nameof(StaffCaseInput.ReceivedOn)] = "Indiquez la date de réception, par exemple 14/07/2026.";
            }
            else if (receivedOn > today)
            {
                errors[nameof(StaffCaseInput.ReceivedOn)] = "La date de réception ne peut pas être dans le futur.";
            }
            else if (receivedOn < today.AddYears(-2))
            {
                errors[nameof(StaffCaseInput.ReceivedOn)] = "La date de réception remonte à plus de deux ans : vérifiez l’année.";
            }
        }

        var attachment = await ReadAttachmentAsync(upload, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        var registerCase = NewCase(prefecture, input, input.Channel!.Value, receivedOn);
        registerCase.Attachment = attachment;
        db.RegisterCases.Add(registerCase);
        await db.SaveWithAuditAsync(() => Audit(actor, registerCase, "dossier.recu",
            $"{RegisterLabels.Kind(registerCase.Kind)} reçue le {receivedOn:dd/MM/yyyy} ({RegisterLabels.Channel(registerCase.Channel)}){(attachment is null ? "" : ", pièce jointe")}"), cancellationToken);
        return new ChangeResult.Done(registerCase.Id);
    }

    /// <summary>The case, if this person may see it: NotFound, or Forbidden for another préfecture's or another service's.</summary>
    public async Task<(RegisterCase? Case, ChangeResult? Refusal)> FindAsync(RegisterActor actor, int caseId, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = db.RegisterCases.Include(c => c.Site).Include(c => c.OwnerService).Include(c => c.Prefecture).AsQueryable();
        var found = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        return found is null ? (null, new ChangeResult.NotFound())
            : !actor.MayActOn(found.PrefectureId, found.OwnerServiceId) ? (null, new ChangeResult.Forbidden())
            : (found, null);
    }

    /// <summary>Gives the case to a service, or back to the quality team (null). Quality team only.</summary>
    public async Task<ChangeResult> AssignAsync(RegisterActor actor, int caseId, int? serviceId, CancellationToken cancellationToken)
    {
        var (found, refusal) = await FindAsync(actor, caseId, cancellationToken, tracked: true);
        if (found is null)
        {
            return refusal!;
        }

        if (!actor.IsQualityTeam)
        {
            return new ChangeResult.Forbidden();
        }

        OwnerService? service = null;
        if (serviceId is { } id && (service = await db.OwnerServices.SingleOrDefaultAsync(s => s.Id == id && s.PrefectureId == actor.PrefectureId && s.IsActive, cancellationToken)) is null)
        {
            return new ChangeResult.Invalid(new Dictionary<string, string> { ["OwnerServiceId"] = "Choisissez un service de la liste." });
        }

        found.OwnerServiceId = serviceId;
        await db.SaveWithAuditAsync(() => Audit(actor, found, "dossier.attribue", service is null ? "Rendu à l’équipe qualité" : $"Confié au service « {service.Name} »"), cancellationToken);
        return new ChangeResult.Done(found.Id);
    }

    public async Task<ChangeResult> AcknowledgeAsync(RegisterActor actor, int caseId, CancellationToken cancellationToken)
    {
        var (found, refusal) = await FindAsync(actor, caseId, cancellationToken, tracked: true);
        if (found is null)
        {
            return refusal!;
        }

        if (found.Status != CaseStatus.Recue)
        {
            return StatusRefusal(found);
        }

        found.Status = CaseStatus.AccuseeReception;
        found.AcknowledgedOn = TodayIn(found.Prefecture.HolidayZone);
        await db.SaveWithAuditAsync(() => Audit(actor, found, "dossier.accuse-reception", $"Accusé de réception le {found.AcknowledgedOn:dd/MM/yyyy}"), cancellationToken);
        return new ChangeResult.Done(found.Id);
    }

    /// <summary>
    /// Answers the case: by email from VoixUsager (sent before the status is saved, with a Message-ID
    /// fixed per case so a retry after a failure is the same message), or recorded as sent by post.
    /// </summary>
    public async Task<ChangeResult> AnswerAsync(RegisterActor actor, int caseId, AnswerInput input, CancellationToken cancellationToken)
    {
        var (found, refusal) = await FindAsync(actor, caseId, cancellationToken, tracked: true);
        if (found is null)
        {
            return refusal!;
        }

        if (!found.IsOpen)
        {
            return StatusRefusal(found);
        }

        var errors = InputValidation.Check(input);
        if (input.AnswerMode is { } mode && !Enum.IsDefined(mode))
        {
            errors[nameof(AnswerInput.AnswerMode)] = "Choisissez comment la réponse est envoyée.";
        }
        else if (input.AnswerMode == AnswerMode.Courriel && found.ContactEmail is null)
        {
            errors[nameof(AnswerInput.AnswerMode)] = "Pas d’adresse électronique pour ce dossier : envoyez la réponse par courrier, ou closez-le sans réponse.";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        var text = input.AnswerText!.Trim();
        if (input.AnswerMode == AnswerMode.Courriel)
        {
            var messageId = AnswerMessageIdFor(found, MimeKit.MailboxAddress.Parse(emailOptions.Value.SenderAddress).Domain);
            var body = $"""
                Bonjour{(found.ContactName is null ? "" : " " + found.ContactName)},

                Vous nous avez écrit le {found.ReceivedOn:dd/MM/yyyy} (référence {found.Reference}). Voici notre réponse :

                {text}

                {found.Prefecture.DisplayName}
                """;
            var html = $"""
                <p>Bonjour{(found.ContactName is null ? "" : " " + Encode(found.ContactName))},</p>
                <p>Vous nous avez écrit le {found.ReceivedOn:dd/MM/yyyy} (référence {found.Reference}). Voici notre réponse :</p>
                <p>{Encode(text).ReplaceLineEndings("<br>")}</p>
                <p>{Encode(found.Prefecture.DisplayName)}</p>
                """;
            await email.SendAsync(
                [OutgoingEmail.Simple(found.ContactEmail!, found.ContactName, $"Réponse à votre {RegisterLabels.Kind(found.Kind).ToLowerInvariant()} ({found.Reference})", body, html) with { MessageId = messageId }],
                cancellationToken);
            found.AnswerMessageId = messageId;
        }

        found.Status = CaseStatus.Repondue;
        found.AnswerMode = input.AnswerMode;
        found.AnswerText = text;
        found.ClosedOn = TodayIn(found.Prefecture.HolidayZone);
        found.AcknowledgedOn ??= found.ClosedOn;
        await db.SaveWithAuditAsync(() => Audit(actor, found, "dossier.repondu", $"Réponse {RegisterLabels.Answer(input.AnswerMode!.Value)} le {found.ClosedOn:dd/MM/yyyy}"), cancellationToken);
        return new ChangeResult.Done(found.Id);
    }

    public async Task<ChangeResult> CloseAsync(RegisterActor actor, int caseId, CloseInput input, CancellationToken cancellationToken)
    {
        var (found, refusal) = await FindAsync(actor, caseId, cancellationToken, tracked: true);
        if (found is null)
        {
            return refusal!;
        }

        if (!found.IsOpen)
        {
            return StatusRefusal(found);
        }

        var errors = InputValidation.Check(input);
        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        found.Status = CaseStatus.CloseSansReponse;
        found.ClosedReason = input.ClosedReason!.Trim();
        found.ClosedOn = TodayIn(found.Prefecture.HolidayZone);
        await db.SaveWithAuditAsync(() => Audit(actor, found, "dossier.clos", found.ClosedReason), cancellationToken);
        return new ChangeResult.Done(found.Id);
    }

    /// <summary>The same for every send of one case's answer; the case's creation time keeps two databases from sharing one.</summary>
    public static string AnswerMessageIdFor(RegisterCase registerCase, string senderDomain) =>
        $"reponse-{registerCase.Id}.{registerCase.CreatedAtUtc.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}@{senderDomain}";

    private static ChangeResult.Invalid StatusRefusal(RegisterCase registerCase) =>
        new(new Dictionary<string, string> { [""] = $"Ce dossier est déjà « {RegisterLabels.Status(registerCase.Status).ToLowerInvariant()} » : cette étape n’est plus possible." });

    private RegisterCase NewCase(Prefecture prefecture, PublicCaseInput input, CaseChannel channel, DateOnly receivedOn)
    {
        var (acknowledgement, answer) = DueDates(receivedOn, prefecture);
        var wantsAnswer = input.WantsAnswer;
        return new RegisterCase
        {
            PrefectureId = prefecture.Id,
            Prefecture = prefecture,
            SiteId = input.SiteId,
            OwnerServiceId = input.OwnerServiceId,
            Kind = input.Kind!.Value,
            Subject = input.Subject!.Value,
            Channel = channel,
            Text = input.Text!.Trim(),
            ReceivedOn = receivedOn,
            CreatedAtUtc = clock.UtcNow,
            AcknowledgementDueOn = acknowledgement,
            DueOn = answer,
            // Kept only when the person asked for an answer, whatever else was typed.
            ContactName = wantsAnswer ? Blank(input.ContactName) : null,
            ContactEmail = wantsAnswer ? Blank(input.ContactEmail) : null,
            ContactPostalAddress = wantsAnswer ? Blank(input.ContactPostalAddress) : null,
        };
    }

    private async Task<Dictionary<string, string>> CheckAsync(int prefectureId, PublicCaseInput input, CancellationToken cancellationToken)
    {
        var errors = InputValidation.Check(input);
        if (input.Kind is { } kind && !Enum.IsDefined(kind))
        {
            errors[nameof(PublicCaseInput.Kind)] = "Indiquez s’il s’agit d’une suggestion ou d’une réclamation.";
        }

        if (input.Subject is { } subject && !Enum.IsDefined(subject))
        {
            errors[nameof(PublicCaseInput.Subject)] = "Choisissez le sujet de votre message.";
        }

        if (input.SiteId is { } siteId && !await db.Sites.AnyAsync(s => s.Id == siteId && s.PrefectureId == prefectureId && s.IsActive, cancellationToken))
        {
            errors[nameof(PublicCaseInput.SiteId)] = "Choisissez un site de la liste.";
        }

        if (input.OwnerServiceId is { } serviceId && !await db.OwnerServices.AnyAsync(s => s.Id == serviceId && s.PrefectureId == prefectureId && s.IsActive, cancellationToken))
        {
            errors[nameof(PublicCaseInput.OwnerServiceId)] = "Choisissez un service de la liste.";
        }

        if (input.WantsAnswer)
        {
            var address = Blank(input.ContactEmail);
            if (address is not null && !errors.ContainsKey(nameof(PublicCaseInput.ContactEmail))
                && (!MailAddress.TryCreate(address, out var parsed) || parsed.Address != address))
            {
                errors[nameof(PublicCaseInput.ContactEmail)] = ContactEmailMessage;
            }

            if (address is null && Blank(input.ContactPostalAddress) is null)
            {
                errors.TryAdd(nameof(PublicCaseInput.ContactEmail), ContactNeededMessage);
            }
        }

        return errors;
    }

    /// <summary>The checked attachment, or null with the refusal added to <paramref name="errors"/> (or no file sent).</summary>
    private static async Task<RegisterAttachment?> ReadAttachmentAsync(AttachmentUpload? upload, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        RegisterAttachment? attachment = null;
        if (upload is { Length: > 0 })
        {
            if (upload.Length > AttachmentCheck.MaxBytes)
            {
                errors["Attachment"] = AttachmentCheck.TooLargeMessage;
            }
            else
            {
                var content = await upload.ReadAsync(cancellationToken);
                if (AttachmentCheck.Check(upload.FileName, content, out var contentType) is { } refusal)
                {
                    errors["Attachment"] = refusal;
                }
                else
                {
                    attachment = new RegisterAttachment
                    {
                        FileName = AttachmentCheck.SafeFileName(upload.FileName, RegisterAttachmentConfiguration.FileNameMaxLength),
                        ContentType = contentType!,
                        Content = content,
                    };
                }
            }
        }

        return attachment;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Encode(string value) => System.Net.WebUtility.HtmlEncode(value);

    private AuditEntry Audit(RegisterActor? actor, RegisterCase registerCase, string action, string? details) =>
        AuditEntry.Of(clock.UtcNow, actor?.UserId, actor?.Email, registerCase.PrefectureId, action, nameof(RegisterCase),
            registerCase.Id.ToString(CultureInfo.InvariantCulture), details);
}
