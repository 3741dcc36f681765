using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Auditing;
using VoixUsager.Calendar;
using VoixUsager.Data;
using VoixUsager.Data.EntityConfigurations;

namespace VoixUsager.Mystery;

/// <summary>
/// Validates and stores the call and email records of référents. A record belongs to its scenario's
/// assigned référent, can be saved as a draft, submitted, and corrected by its author until the
/// campaign closes; every submission and correction is written to the audit log.
/// </summary>
public sealed class MysteryRecordService(AppDbContext db, FranceClock clock)
{
    /// <summary>A clock a few minutes fast on the référent's computer is not "the future".</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public const string DateFormat = "yyyy-MM-dd'T'HH:mm";

    public sealed record ScenarioContext(MysteryScenario Scenario, MysteryCampaign Campaign, GridVersion Grid, MysteryRecord? Record);

    /// <summary>The scenario, its campaign and grid, and the existing record — only for its assigned référent.</summary>
    public async Task<ScenarioContext?> LoadForReferentAsync(int scenarioId, string userId, MysteryChannel channel, CancellationToken cancellationToken)
    {
        var scenario = await db.MysteryScenarios
            .Include(s => s.Campaign).ThenInclude(c => c.EvaluatedPrefecture)
            .SingleOrDefaultAsync(s => s.Id == scenarioId && s.AssignedReferentId == userId && s.Channel == channel, cancellationToken);
        if (scenario is null
            || !await db.Set<MysteryCampaignReferent>().AnyAsync(r => r.CampaignId == scenario.CampaignId && r.UserId == userId, cancellationToken))
        {
            return null;
        }

        var gridId = channel == MysteryChannel.Appel ? scenario.Campaign.CallGridVersionId : scenario.Campaign.EmailGridVersionId;
        var grid = await db.GridVersions.AsNoTracking().Include(g => g.Criteria).SingleAsync(g => g.Id == gridId, cancellationToken);
        grid.Criteria.Sort((a, b) => a.Order.CompareTo(b.Order));
        var record = await db.MysteryRecords.Include(r => r.Answers).SingleOrDefaultAsync(r => r.ScenarioId == scenarioId, cancellationToken);
        return new ScenarioContext(scenario, scenario.Campaign, grid, record);
    }

    public Task<bool> ScenarioExistsAsync(int scenarioId, MysteryChannel channel, CancellationToken cancellationToken) =>
        db.MysteryScenarios.AnyAsync(s => s.Id == scenarioId && s.Channel == channel, cancellationToken);

    public async Task<MysterySaveResult> SaveAsync(int scenarioId, MysteryChannel channel, MysteryRecordInput input, AuditActor actor, CancellationToken cancellationToken)
    {
        var context = await LoadForReferentAsync(scenarioId, actor.UserId, channel, cancellationToken);
        if (context is null || (context.Record is not null && context.Record.AuthorId != actor.UserId))
        {
            return new MysterySaveResult.NotAssigned();
        }

        if (!context.Campaign.IsOpen)
        {
            return new MysterySaveResult.CampaignClosed();
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var answers = ParseCriteria(context.Grid, input, errors);
        var nowUtc = clock.UtcNow;
        var campaignStartUtc = FrenchTimeZones.ParisToUtc(context.Campaign.StartsOn.ToDateTime(TimeOnly.MinValue));
        var atUtc = ParseMoment(input.At, "At", channel == MysteryChannel.Appel ? "l’heure de l’appel" : "l’heure d’envoi", required: true, nowUtc, errors);
        if (atUtc is { } at && at < campaignStartUtc)
        {
            errors["At"] = $"La date doit se situer pendant la campagne, qui commence le {context.Campaign.StartsOn:dd/MM/yyyy}.";
        }

        var target = input.Target?.Trim() ?? "";
        // The limit is the column the record stores the target in, not the scenario's.
        var targetMaxLength = channel == MysteryChannel.Appel ? MysteryCallRecordConfiguration.NumberDialledMaxLength : MysteryEmailRecordConfiguration.AddressMaxLength;
        if (target.Length == 0 || target.Length > targetMaxLength)
        {
            errors["Target"] = channel == MysteryChannel.Appel
                ? $"Indiquez le numéro ou le service appelé ({targetMaxLength} caractères au plus)."
                : $"Indiquez l’adresse électronique à laquelle le courriel a été envoyé ({targetMaxLength} caractères au plus).";
        }
        else if (channel == MysteryChannel.Courriel && !System.Net.Mail.MailAddress.TryCreate(target, out _))
        {
            errors["Target"] = "L’adresse électronique n’est pas valide (format attendu : service@departement.gouv.fr).";
        }

        var comment = input.Comment?.Trim();
        if (comment is { Length: > MysteryRecordConfiguration.CommentMaxLength })
        {
            errors["Comment"] = string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"Le commentaire compte {comment.Length} caractères : {MysteryRecordConfiguration.CommentMaxLength:N0} au plus.");
        }

        MysteryRecord record;
        if (channel == MysteryChannel.Appel)
        {
            var call = context.Record as MysteryCallRecord ?? new MysteryCallRecord { AuthorId = actor.UserId, NumberDialled = "" };
            CallOutcome? outcome = Enum.TryParse<CallOutcome>(input.Outcome, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
            if (outcome is null)
            {
                errors["Outcome"] = "Indiquez si l’appel a abouti (ou : pas de réponse, occupé, messagerie).";
            }

            int? waiting = null;
            if (!string.IsNullOrWhiteSpace(input.WaitingSeconds))
            {
                if (!int.TryParse(input.WaitingSeconds, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) || seconds < 0 || seconds > 3600)
                {
                    errors["WaitingSeconds"] = "Le temps d’attente est un nombre de secondes, entre 0 et 3 600.";
                }
                else
                {
                    waiting = seconds;
                }
            }

            // A call that did not get through cannot be scored: the grid is required only for answered calls.
            if (input.Submit && outcome == CallOutcome.Abouti)
            {
                RequireAll(context.Grid, answers, errors);
            }

            if (errors.Count > 0)
            {
                return new MysterySaveResult.Invalid(errors);
            }

            var rings = context.Grid.Criteria.FirstOrDefault(c => c.Code == DefaultGrids.RingsCode) is { } ringsCriterion
                && answers.TryGetValue(ringsCriterion.Id, out var ringsAnswer) ? ringsAnswer.Number : null;
            call.CalledAtUtc = atUtc!.Value;
            call.NumberDialled = target;
            call.Outcome = outcome!.Value;
            call.WaitingSeconds = waiting;
            call.RingsBeforePickup = rings;
            record = call;
        }
        else
        {
            var email = context.Record as MysteryEmailRecord ?? new MysteryEmailRecord { AuthorId = actor.UserId, Address = "" };
            var acknowledged = ParseMoment(input.AcknowledgedAt, "AcknowledgedAt", "l’heure de l’accusé de réception", required: false, nowUtc, errors);
            var replied = ParseMoment(input.RepliedAt, "RepliedAt", "l’heure de la réponse", required: false, nowUtc, errors);
            var reminded = ParseMoment(input.ReminderSentAt, "ReminderSentAt", "l’heure de la relance", required: false, nowUtc, errors);
            if (atUtc is { } sent)
            {
                CheckEmailOrder(sent, acknowledged, replied, reminded, errors);
            }

            if (input.Submit)
            {
                RequireAll(context.Grid, answers, errors, onlyYesNo: replied is null);
            }

            if (errors.Count > 0)
            {
                return new MysterySaveResult.Invalid(errors);
            }

            var zone = context.Campaign.EvaluatedPrefecture.HolidayZone;
            email.SentAtUtc = atUtc!.Value;
            email.Address = target;
            email.AcknowledgedAtUtc = acknowledged;
            email.RepliedAtUtc = replied;
            email.ReminderSentAtUtc = reminded;
            // Counted where the évalué works: its own civil time and public holidays.
            email.ReplyWorkingDays = replied is { } reply
                ? WorkingDays.Between(FrenchTimeZones.ToLocal(atUtc.Value, zone), FrenchTimeZones.ToLocal(reply, zone), zone)
                : null;
            record = email;
        }

        var isNew = record.Id == 0;
        var wasSubmitted = record.Status == RecordStatus.Soumis;
        var before = isNew ? null : Describe(record);
        record.ScenarioId = context.Scenario.Id;
        record.CampaignId = context.Campaign.Id;
        record.GridVersionId = context.Grid.Id;
        record.Comment = string.IsNullOrEmpty(comment) ? null : comment;
        record.UpdatedAtUtc = nowUtc;
        if (isNew)
        {
            record.CreatedAtUtc = nowUtc;
            db.MysteryRecords.Add(record);
        }

        // A submitted record stays submitted: a later save is a correction, never a return to draft.
        if (input.Submit || wasSubmitted)
        {
            record.Status = RecordStatus.Soumis;
            record.SubmittedAtUtc ??= nowUtc;
        }

        SyncAnswers(record, answers);
        var kind = channel == MysteryChannel.Appel ? "appel" : "courriel";
        var action = wasSubmitted ? $"{kind}.corrige" : record.Status == RecordStatus.Soumis ? $"{kind}.soumis" : $"{kind}.brouillon";
        var after = Describe(record);
        db.AuditEntries.Add(AuditEntry.Of(nowUtc, actor.UserId, actor.Email, context.Campaign.EvaluatedPrefectureId, action,
            channel == MysteryChannel.Appel ? nameof(MysteryCallRecord) : nameof(MysteryEmailRecord),
            isNew ? null : record.Id.ToString(CultureInfo.InvariantCulture),
            wasSubmitted ? $"Avant : {before}\nAprès : {after}" : after));
        await db.SaveChangesAsync(cancellationToken);
        return new MysterySaveResult.Saved(record.Id, record.Status);
    }

    /// <summary>
    /// Nothing about an email can come before it was sent; the same minute can (an automatic
    /// acknowledgement, or a reply typed while the référent was still at the screen).
    /// </summary>
    public static void CheckEmailOrder(DateTime sentUtc, DateTime? acknowledgedUtc, DateTime? repliedUtc, DateTime? remindedUtc, Dictionary<string, string> errors)
    {
        if (acknowledgedUtc < sentUtc)
        {
            errors["AcknowledgedAt"] = "L’accusé de réception ne peut pas précéder l’envoi du courriel.";
        }

        if (repliedUtc < sentUtc)
        {
            errors["RepliedAt"] = "La réponse ne peut pas précéder l’envoi du courriel.";
        }

        if (remindedUtc < sentUtc)
        {
            errors["ReminderSentAt"] = "La relance ne peut pas précéder l’envoi du courriel.";
        }
    }

    internal static Dictionary<int, MysteryAnswer> ParseCriteria(GridVersion grid, MysteryRecordInput input, Dictionary<string, string> errors)
    {
        var byId = grid.Criteria.ToDictionary(c => c.Id);
        var answers = new Dictionary<int, MysteryAnswer>();
        foreach (var (field, raw) in input.Criteria)
        {
            // Not "is not { } criterion": mutation testing negates the condition, and the negated pattern
            // would leave criterion unassigned and the whole method out of the mutation run.
            var criterion = CriterionNamed(field, byId);
            if (criterion is null)
            {
                errors[""] = "Une réponse envoyée porte sur un critère qui n’appartient pas à la grille de cette campagne. Rechargez la page et saisissez la grille de nouveau.";
                continue;
            }

            var id = criterion.Id;
            var value = raw?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var answer = new MysteryAnswer { CriterionId = id };
            switch (criterion.Kind)
            {
                case CriterionKind.OuiNon:
                    answer.Choice = value switch { "oui" => CriterionChoice.Oui, "non" => CriterionChoice.Non, "so" => CriterionChoice.SansObjet, _ => null };
                    if (answer.Choice is null)
                    {
                        errors[field] = "Choisissez Oui, Non ou Sans objet.";
                        continue;
                    }

                    break;
                case CriterionKind.Echelle4:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var scale) || scale is < 1 or > 4)
                    {
                        errors[field] = "Choisissez un niveau entre 1 et 4.";
                        continue;
                    }

                    answer.Scale = scale;
                    break;
                case CriterionKind.Nombre:
                    if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number < 0 || number > 1000)
                    {
                        errors[field] = criterion.Code == DefaultGrids.RingsCode
                            ? "Le nombre de sonneries est un nombre entier positif ou nul."
                            : "Saisissez un nombre entier positif ou nul.";
                        continue;
                    }

                    answer.Number = number;
                    break;
            }

            answers[id] = answer;
        }

        return answers;
    }

    /// <summary>The criterion a posted field names ("c12" for criterion 12), or null if it names none of this grid's.</summary>
    internal static GridCriterion? CriterionNamed(string field, Dictionary<int, GridCriterion> byId)
    {
        if (!field.StartsWith('c'))
        {
            return null;
        }

        return int.TryParse(field.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? byId.GetValueOrDefault(id) : null;
    }

    internal static void RequireAll(GridVersion grid, Dictionary<int, MysteryAnswer> answers, Dictionary<string, string> errors, bool onlyYesNo = false)
    {
        foreach (var criterion in grid.Criteria.Where(c => !answers.ContainsKey(c.Id) && (!onlyYesNo || c.Kind == CriterionKind.OuiNon)))
        {
            errors.TryAdd($"c{criterion.Id}", $"Répondez au critère « {criterion.Label} » avant de soumettre (ou enregistrez un brouillon).");
        }
    }

    /// <summary>A typed local time (yyyy-MM-ddTHH:mm, Paris), in UTC; null with a message in <paramref name="errors"/> when it cannot be.</summary>
    public static DateTime? ParseMoment(string? raw, string field, string what, bool required, DateTime nowUtc, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            if (required)
            {
                errors[field] = $"Indiquez {what} (jour et heure).";
            }

            return null;
        }

        if (!DateTime.TryParseExact(raw.Trim(), [DateFormat, "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || local.Year < 2000)
        {
            errors[field] = $"Indiquez {what} au format jj/mm/aaaa hh:mm.";
            return null;
        }

        if (!FrenchTimeZones.TryParisToUtc(local, out var utc))
        {
            errors[field] = FrenchTimeZones.SkippedTimeMessage(local);
            return null;
        }

        if (utc > nowUtc + ClockSkew)
        {
            errors[field] = $"{char.ToUpperInvariant(what[0])}{what[1..]} ne peut pas être dans le futur.";
            return null;
        }

        return utc;
    }

    private static void SyncAnswers(MysteryRecord record, Dictionary<int, MysteryAnswer> answers)
    {
        record.Answers.RemoveAll(a => !answers.ContainsKey(a.CriterionId));
        foreach (var (criterionId, answer) in answers)
        {
            var existing = record.Answers.FirstOrDefault(a => a.CriterionId == criterionId);
            if (existing is null)
            {
                record.Answers.Add(answer);
            }
            else
            {
                existing.Choice = answer.Choice;
                existing.Scale = answer.Scale;
                existing.Number = answer.Number;
            }
        }
    }

    private static string Describe(MysteryRecord record)
    {
        var answers = string.Join(", ", record.Answers.OrderBy(a => a.CriterionId)
            .Select(a => $"c{a.CriterionId}={a.Choice?.ToString() ?? a.Scale?.ToString(CultureInfo.InvariantCulture) ?? a.Number?.ToString(CultureInfo.InvariantCulture)}"));
        return record switch
        {
            MysteryCallRecord call => $"appel du {FrenchTimeZones.UtcToParis(call.CalledAtUtc):dd/MM/yyyy HH:mm}, {call.NumberDialled}, {call.Outcome}, attente {call.WaitingSeconds?.ToString(CultureInfo.InvariantCulture) ?? "–"} s; {answers}; commentaire : {call.Comment ?? "–"}",
            MysteryEmailRecord email => $"envoi {FrenchTimeZones.UtcToParis(email.SentAtUtc):dd/MM/yyyy HH:mm} à {email.Address}, AR {Moment(email.AcknowledgedAtUtc)}, réponse {Moment(email.RepliedAtUtc)}, relance {Moment(email.ReminderSentAtUtc)}; {answers}; commentaire : {email.Comment ?? "–"}",
            _ => answers,
        };
    }

    private static string Moment(DateTime? utc) => utc is { } value ? FrenchTimeZones.UtcToParis(value).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "–";
}
