using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoixUsager.Accounts;
using VoixUsager.Auditing;
using VoixUsager.Data;
using VoixUsager.Email;
using VoixUsager.Register;

namespace VoixUsager.Jobs;

/// <summary>What one run did.</summary>
public sealed record OverdueCasesResult(int ListsSent, int AlreadySentThisWeek);

/// <summary>
/// Once a week, emails each service owner the list of their service's suggestions and complaints past
/// their deadline, and the quality team those no service owns (or whose service has no owner account).
/// Each owner's list is claimed for the week in the database before it is sent, so a second run, or two
/// workers at once, send it once.
/// </summary>
public sealed class OverdueCasesJob(
    AppDbContext db,
    FranceClock clock,
    RegisterQueries queries,
    IEmailSender emailSender,
    IOptions<AppOptions> appOptions,
    ILogger<OverdueCasesJob> logger)
{
    public const string AuditAction = "registre.relance-hebdomadaire";

    public async Task<OverdueCasesResult> RunAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var weekOf = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var prefectureIds = await db.RegisterCases
            .Where(c => c.Status == CaseStatus.Recue || c.Status == CaseStatus.AccuseeReception)
            .Select(c => c.PrefectureId).Distinct().ToListAsync(cancellationToken);
        int sent = 0, skipped = 0;
        foreach (var prefectureId in prefectureIds)
        {
            var overdue = await queries.OverdueAsync(prefectureId, null, cancellationToken);
            if (overdue.Count == 0)
            {
                continue;
            }

            var people = await (from user in db.Users
                                join userRole in db.UserRoles on user.Id equals userRole.UserId
                                join role in db.Roles on userRole.RoleId equals role.Id
                                where user.PrefectureId == prefectureId && user.Email != null
                                      && (role.Name == Roles.Qualite || role.Name == Roles.Service)
                                select new { user.Email, user.DisplayName, user.OwnerServiceId, Role = role.Name })
                .ToListAsync(cancellationToken);
            var quality = people.Where(p => p.Role == Roles.Qualite).Select(p => new EmailRecipient(p.Email!, p.DisplayName)).ToList();
            var prefectureName = await db.Prefectures.Where(p => p.Id == prefectureId).Select(p => p.DisplayName).SingleAsync(cancellationToken);

            foreach (var group in overdue.GroupBy(c => c.OwnerServiceId ?? 0).OrderBy(g => g.Key))
            {
                var owners = people.Where(p => p.Role == Roles.Service && group.Key != 0 && p.OwnerServiceId == group.Key)
                    .Select(p => new EmailRecipient(p.Email!, p.DisplayName)).ToList();
                // A service nobody answers for yet: its late cases go to the quality team rather than nowhere.
                var to = owners.Count > 0 ? owners : quality;
                if (to.Count == 0)
                {
                    continue;
                }

                if (!await ClaimAsync(prefectureId, group.Key, weekOf, group.Count(), cancellationToken))
                {
                    skipped++;
                    continue;
                }

                var cases = group.ToList();
                var message = Compose(prefectureName, group.Key == 0 ? null : cases[0].OwnerService, cases, to);
                try
                {
                    await emailSender.SendAsync([message], cancellationToken);
                }
                catch
                {
                    // Not sent: give the claim back so Hangfire's retry sends it.
                    await ClaimOf(prefectureId, group.Key, weekOf)
                        .ExecuteDeleteAsync(CancellationToken.None);
                    throw;
                }

                var now = clock.UtcNow;
                await ClaimOf(prefectureId, group.Key, weekOf)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.SentAtUtc, now), cancellationToken);
                db.AuditEntries.Add(AuditEntry.Of(now, null, null, prefectureId, AuditAction, nameof(OwnerService),
                    group.Key == 0 ? null : group.Key.ToString(CultureInfo.InvariantCulture),
                    $"{cases.Count} dossier(s) en retard, à {string.Join(", ", to.Select(r => r.Address))}"));
                await db.SaveChangesAsync(cancellationToken);
                sent++;
            }
        }

        logger.LogInformation("Dossiers en retard : {Sent} liste(s) envoyée(s), {Skipped} déjà envoyée(s) cette semaine.", sent, skipped);
        return new OverdueCasesResult(sent, skipped);
    }

    /// <summary>The claim of one owner's list for one week: at most one row, by the unique index.</summary>
    private IQueryable<OverdueDigestClaim> ClaimOf(int prefectureId, int ownerKey, DateOnly weekOf) =>
        db.OverdueDigestClaims.Where(c => c.PrefectureId == prefectureId && c.OwnerKey == ownerKey && c.WeekOf == weekOf);

    /// <summary>Inserts the week's claim; false when another run already holds it (the unique index refuses the copy).</summary>
    private async Task<bool> ClaimAsync(int prefectureId, int ownerKey, DateOnly weekOf, int count, CancellationToken cancellationToken)
    {
        if (await ClaimOf(prefectureId, ownerKey, weekOf).AnyAsync(cancellationToken))
        {
            return false;
        }

        var claim = new OverdueDigestClaim { PrefectureId = prefectureId, OwnerKey = ownerKey, WeekOf = weekOf, ClaimedAtUtc = clock.UtcNow, CaseCount = count };
        db.OverdueDigestClaims.Add(claim);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(claim).State = EntityState.Detached;
            // Only the other run's claim means "already sent": any other failure (a lock timeout, a lost
            // connection) is thrown, so that Hangfire retries rather than the list being skipped all week.
            if (await ClaimOf(prefectureId, ownerKey, weekOf).AnyAsync(cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    private OutgoingEmail Compose(string prefectureName, string? service, IReadOnlyList<CaseRow> cases, IReadOnlyList<EmailRecipient> to)
    {
        var link = appOptions.Value.Link("/registre");
        var who = service is null ? "sans service attribué" : $"du service « {service} »";
        var subject = cases.Count == 1
            ? $"VoixUsager : une suggestion ou réclamation en retard ({prefectureName})"
            : $"VoixUsager : {cases.Count} suggestions ou réclamations en retard ({prefectureName})";
        var lines = cases.OrderBy(c => c.DueOn).Select(c =>
            $"{c.Reference} — {RegisterLabels.Kind(c.Kind)}, {RegisterLabels.Subject(c.Subject)} — reçue le {c.ReceivedOn:dd/MM/yyyy}, à traiter avant le {c.DueOn:dd/MM/yyyy} — {RegisterLabels.Status(c.Status)}").ToList();
        var text = new StringBuilder();
        text.Append("Bonjour,\n\n").Append($"Les suggestions et réclamations {who} suivantes ont dépassé leur délai de réponse :\n\n");
        foreach (var line in lines)
        {
            text.Append("- ").Append(line).Append('\n');
        }

        text.Append($"\nRépondez-y dans VoixUsager : {link}\n\nCe message automatique est envoyé au plus une fois par semaine tant que des dossiers sont en retard.\n");
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"fr\">\n<body>\n<p>Bonjour,</p>\n");
        html.Append($"<p>Les suggestions et réclamations {Encode(who)} suivantes ont dépassé leur délai de réponse :</p>\n<ul>\n");
        foreach (var line in lines)
        {
            html.Append($"<li>{Encode(line)}</li>\n");
        }

        html.Append($"</ul>\n<p><a href=\"{Encode(link)}\">Répondre dans VoixUsager</a> ({Encode(link)})</p>\n</body>\n</html>\n");
        return new OutgoingEmail(to, subject, text.ToString(), html.ToString(), [], []);
    }

    private static string Encode(string value) => System.Net.WebUtility.HtmlEncode(value);
}
