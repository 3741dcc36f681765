using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoixUsager.Auditing;
using VoixUsager.Calendar;
using VoixUsager.Data;
using VoixUsager.Email;
using VoixUsager.Mystery;

namespace VoixUsager.Jobs;

/// <summary>What one run did.</summary>
public sealed record ReferentReminderResult(int RemindersSent, int AlreadyRemindedThisWeek);

/// <summary>
/// Once a week, reminds each référent of the mystery calls and emails of open campaigns that were
/// planned before today and are not submitted yet, in one email listing them all.
/// </summary>
public sealed class ReferentReminderJob(
    AppDbContext db,
    FranceClock clock,
    IEmailSender emailSender,
    IOptions<AppOptions> appOptions,
    ILogger<ReferentReminderJob> logger)
{
    /// <summary>The audit action that records a sent reminder; it is also what makes the job idempotent.</summary>
    public const string AuditAction = "rappel.referent";

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private sealed record Overdue(
        string ReferentId, int CampaignId, string CampaignName, string EvaluatedName, DateOnly EndsOn,
        DateOnly PlannedOn, MysteryChannel Channel, string Question, string Target);

    private sealed record Recipient(string Id, string Email, string? DisplayName, int? PrefectureId, List<Overdue> Scenarios);

    public async Task<ReferentReminderResult> RunAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var nowUtc = clock.UtcNow;
        var weekStartUtc = StartOfIsoWeekUtc(today);

        // A draft does not count: the évalué's results only include submitted records.
        var overdue = await db.MysteryScenarios
            .Where(s => s.Campaign.ClosedAtUtc == null && s.Campaign.StartsOn <= today && s.Campaign.EndsOn >= today
                        && s.PlannedOn < today
                        && db.Set<MysteryCampaignReferent>().Any(r => r.CampaignId == s.CampaignId && r.UserId == s.AssignedReferentId)
                        && !db.MysteryRecords.Any(r => r.ScenarioId == s.Id && r.Status == RecordStatus.Soumis))
            .Select(s => new Overdue(
                s.AssignedReferentId, s.CampaignId, s.Campaign.Name, s.Campaign.EvaluatedPrefecture.DisplayName, s.Campaign.EndsOn,
                s.PlannedOn, s.Channel, s.Question, s.Target))
            .ToListAsync(cancellationToken);
        if (overdue.Count == 0)
        {
            logger.LogInformation("Rappel des référents : aucune enquête mystère en retard.");
            return new ReferentReminderResult(0, 0);
        }

        var referentIds = overdue.Select(o => o.ReferentId).Distinct().ToList();
        var alreadyReminded = (await db.AuditEntries
                .Where(e => e.Action == AuditAction && e.EntityType == nameof(Accounts.AppUser) && e.AtUtc >= weekStartUtc
                            && referentIds.Contains(e.EntityId!))
                .Select(e => e.EntityId!)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var toRemind = referentIds.Where(id => !alreadyReminded.Contains(id)).ToList();
        var users = await db.Users
            .Where(u => toRemind.Contains(u.Id) && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.PrefectureId })
            .ToListAsync(cancellationToken);

        var recipients = users
            .OrderBy(u => u.Email, StringComparer.Ordinal)
            .Select(u => new Recipient(u.Id, u.Email!, u.DisplayName, u.PrefectureId, overdue.Where(o => o.ReferentId == u.Id).ToList()))
            .ToList();
        var link = appOptions.Value.Link("/referent");
        var batch = recipients.Select(r => Compose(r, link)).ToList();

        try
        {
            await emailSender.SendAsync(batch, cancellationToken);
        }
        catch (EmailDeliveryException e)
        {
            // The sender stops at the first failure and the messages before it went out: recording them
            // keeps Hangfire's retry from sending them a second time.
            await RecordAsync(recipients.Take(e.Sent.Count), nowUtc, CancellationToken.None);
            logger.LogWarning("Rappel des référents interrompu : {Sent} rappel(s) envoyé(s) sur {Total}.", e.Sent.Count, recipients.Count);
            throw;
        }

        await RecordAsync(recipients, nowUtc, cancellationToken);
        logger.LogInformation(
            "Rappel des référents : {Sent} rappel(s) envoyé(s) pour {Scenarios} enquête(s) en retard ; {Skipped} référent(s) déjà relancé(s) cette semaine.",
            recipients.Count, recipients.Sum(r => r.Scenarios.Count), alreadyReminded.Count);
        return new ReferentReminderResult(recipients.Count, alreadyReminded.Count);
    }

    /// <summary>Monday 00:00 in Paris, where référents' weeks begin, as UTC.</summary>
    internal static DateTime StartOfIsoWeekUtc(DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return FrenchTimeZones.ParisToUtc(monday.ToDateTime(TimeOnly.MinValue));
    }

    private async Task RecordAsync(IEnumerable<Recipient> reminded, DateTime nowUtc, CancellationToken cancellationToken)
    {
        foreach (var recipient in reminded)
        {
            db.AuditEntries.Add(AuditEntry.Of(nowUtc, null, null, recipient.PrefectureId, AuditAction, nameof(Accounts.AppUser), recipient.Id,
                $"Rappel hebdomadaire : {recipient.Scenarios.Count} enquête(s) mystère(s) en retard"));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static OutgoingEmail Compose(Recipient recipient, string link)
    {
        var count = recipient.Scenarios.Count;
        var subject = count == 1
            ? "VoixUsager : une enquête mystère en retard"
            : $"VoixUsager : {count} enquêtes mystères en retard";
        var greeting = string.IsNullOrWhiteSpace(recipient.DisplayName) ? "Bonjour," : $"Bonjour {recipient.DisplayName},";
        var intro = count == 1
            ? "L’enquête mystère suivante était prévue avant aujourd’hui et n’a pas encore été soumise :"
            : "Les enquêtes mystères suivantes étaient prévues avant aujourd’hui et n’ont pas encore été soumises :";
        var enter = count == 1 ? "Saisissez-la" : "Saisissez-les";
        const string Draft = "Un brouillon enregistré ne compte pas : soumettez chaque grille une fois complète.";
        const string Footer = "Ce message automatique est envoyé au plus une fois par semaine tant que des enquêtes sont en retard.";
        var campaigns = recipient.Scenarios
            .GroupBy(s => (s.CampaignId, s.CampaignName, s.EvaluatedName, s.EndsOn))
            .OrderBy(g => g.Key.EndsOn).ThenBy(g => g.Key.CampaignId)
            .Select(g => (Heading: $"Campagne « {g.Key.CampaignName} » (préfecture évaluée : {g.Key.EvaluatedName}), jusqu’au {Date(g.Key.EndsOn)}",
                Items: g.OrderBy(s => s.PlannedOn).ThenBy(s => s.Channel).ToList()))
            .ToList();

        var text = new StringBuilder();
        text.Append(greeting).Append("\n\n").Append(intro).Append("\n\n");
        foreach (var (heading, items) in campaigns)
        {
            text.Append(heading).Append(" :\n");
            foreach (var s in items)
            {
                text.Append($"- prévu le {Date(s.PlannedOn)} — {Channel(s.Channel)} — « {s.Question} » — {s.Target}\n");
            }

            text.Append('\n');
        }

        text.Append($"{enter} dans votre espace référent : {link}\n\n{Draft}\n\n{Footer}\n");

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"fr\">\n<body>\n");
        html.Append($"<p>{Html.Encode(greeting)}</p>\n<p>{Html.Encode(intro)}</p>\n");
        foreach (var (heading, items) in campaigns)
        {
            html.Append($"<p><strong>{Html.Encode(heading)}</strong></p>\n<ul>\n");
            foreach (var s in items)
            {
                html.Append($"<li>prévu le {Date(s.PlannedOn)} — {Channel(s.Channel)} — « {Html.Encode(s.Question)} » — {Html.Encode(s.Target)}</li>\n");
            }

            html.Append("</ul>\n");
        }

        var href = Html.Encode(link);
        html.Append($"<p>{enter} dans votre <a href=\"{href}\">espace référent</a> ({href}).</p>\n");
        html.Append($"<p>{Html.Encode(Draft)}</p>\n<p><small>{Html.Encode(Footer)}</small></p>\n</body>\n</html>\n");

        return OutgoingEmail.Simple(recipient.Email, recipient.DisplayName, subject, text.ToString(), html.ToString());
    }

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", French);

    private static string Channel(MysteryChannel channel) => channel == MysteryChannel.Appel ? "Appel" : "Courriel";
}
