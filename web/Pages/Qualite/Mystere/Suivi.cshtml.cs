using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Calendar;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Qualite.Mystere;

/// <summary>
/// The évalué's view of a running campaign: progress per channel and week, and each record once
/// submitted — without the référent's name unless the partnership agreed to show it.
/// </summary>
public class SuiviModel(AppDbContext db, StaffUser staff) : PageModel
{
    public sealed record WeekRow(string Week, int PlannedCalls, int DoneCalls, int PlannedEmails, int DoneEmails);

    public sealed record RecordRow(int Id, MysteryChannel Channel, DateTime AtUtc, string Target, string Summary, string? Author);

    public MysteryCampaign Campaign { get; private set; } = null!;

    public IReadOnlyList<WeekRow> Weeks { get; private set; } = [];

    public IReadOnlyList<RecordRow> Records { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int campaignId, CancellationToken cancellationToken)
    {
        var campaign = await db.MysteryCampaigns.AsNoTracking().Include(c => c.Partners).ThenInclude(p => p.Prefecture)
            .SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }

        if (campaign.EvaluatedPrefectureId != staff.PrefectureId)
        {
            return Forbid();
        }

        Campaign = campaign;
        ViewData["Title"] = campaign.Name;
        var scenarios = await db.MysteryScenarios.AsNoTracking()
            .Where(s => s.CampaignId == campaignId)
            .Select(s => new { s.Channel, s.PlannedOn, Done = db.MysteryRecords.Any(r => r.ScenarioId == s.Id && r.Status == RecordStatus.Soumis) })
            .ToListAsync(cancellationToken);
        Weeks = scenarios
            .GroupBy(s => (ISOWeek.GetYear(s.PlannedOn.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(s.PlannedOn.ToDateTime(TimeOnly.MinValue))))
            .OrderBy(g => g.Key)
            .Select(g => new WeekRow(
                $"Semaine {g.Key.Item2} ({ISOWeek.ToDateTime(g.Key.Item1, g.Key.Item2, DayOfWeek.Monday):dd/MM})",
                g.Count(s => s.Channel == MysteryChannel.Appel), g.Count(s => s.Channel == MysteryChannel.Appel && s.Done),
                g.Count(s => s.Channel == MysteryChannel.Courriel), g.Count(s => s.Channel == MysteryChannel.Courriel && s.Done)))
            .ToList();

        var calls = await db.MysteryCallRecords.AsNoTracking()
            .Where(r => r.CampaignId == campaignId && r.Status == RecordStatus.Soumis)
            .Select(r => new { r.Id, r.CalledAtUtc, r.NumberDialled, r.Outcome, r.RingsBeforePickup, r.AuthorId })
            .ToListAsync(cancellationToken);
        var emails = await db.MysteryEmailRecords.AsNoTracking()
            .Where(r => r.CampaignId == campaignId && r.Status == RecordStatus.Soumis)
            .Select(r => new { r.Id, r.SentAtUtc, r.Address, r.RepliedAtUtc, r.ReplyWorkingDays, r.AuthorId })
            .ToListAsync(cancellationToken);
        var authors = campaign.RevealEvaluatorNames
            ? await db.Users.Where(u => calls.Select(c => c.AuthorId).Concat(emails.Select(e => e.AuthorId)).Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.Email ?? "", cancellationToken)
            : [];
        Records = calls.Select(c => new RecordRow(c.Id, MysteryChannel.Appel, c.CalledAtUtc, c.NumberDialled,
                    c.Outcome == CallOutcome.Abouti ? $"{MysteryLabels.Outcome(CallOutcome.Abouti)}{(c.RingsBeforePickup is { } rings ? $", {rings} sonnerie(s)" : "")}" : OutcomeLabel(c.Outcome),
                    authors.GetValueOrDefault(c.AuthorId)))
            .Concat(emails.Select(e => new RecordRow(e.Id, MysteryChannel.Courriel, e.SentAtUtc, e.Address,
                    e.ReplyWorkingDays is { } days ? $"Réponse en {days} jour(s) ouvré(s)" : "Pas de réponse",
                    authors.GetValueOrDefault(e.AuthorId))))
            .OrderBy(r => r.AtUtc)
            .ToList();
        return Page();
    }

    public static string OutcomeLabel(CallOutcome outcome) => MysteryLabels.Outcome(outcome);

    public static string Local(DateTime utc) => FrenchTimeZones.UtcToParis(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
