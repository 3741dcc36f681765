using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Qualite.Mystere;

/// <summary>One submitted record, as the évalué's quality team reads it.</summary>
public class FicheModel(AppDbContext db, StaffUser staff) : PageModel
{
    public MysteryRecord Record { get; private set; } = null!;

    public MysteryCampaign Campaign { get; private set; } = null!;

    public IReadOnlyList<(GridCriterion Criterion, MysteryAnswer? Answer)> Criteria { get; private set; } = [];

    public string? Author { get; private set; }

    public async Task<IActionResult> OnGetAsync(int recordId, CancellationToken cancellationToken)
    {
        var record = await db.MysteryRecords.AsNoTracking().Include(r => r.Answers).Include(r => r.Scenario)
            .SingleOrDefaultAsync(r => r.Id == recordId && r.Status == RecordStatus.Soumis, cancellationToken);
        if (record is null)
        {
            return NotFound();
        }

        var campaign = await db.MysteryCampaigns.AsNoTracking().SingleAsync(c => c.Id == record.CampaignId, cancellationToken);
        if (campaign.EvaluatedPrefectureId != staff.PrefectureId)
        {
            return Forbid();
        }

        Record = record;
        Campaign = campaign;
        ViewData["Title"] = $"Fiche n° {record.Id}";
        var criteria = await db.GridCriteria.AsNoTracking().Where(c => c.GridVersionId == record.GridVersionId).OrderBy(c => c.Order).ToListAsync(cancellationToken);
        Criteria = criteria.Select(c => (c, record.Answers.FirstOrDefault(a => a.CriterionId == c.Id))).ToList();
        if (campaign.RevealEvaluatorNames)
        {
            Author = await db.Users.Where(u => u.Id == record.AuthorId).Select(u => u.DisplayName ?? u.Email).SingleOrDefaultAsync(cancellationToken);
        }

        return Page();
    }

    public static string Describe(GridCriterion criterion, MysteryAnswer? answer) => answer switch
    {
        null => "Non renseigné",
        { Choice: { } choice } => MysteryLabels.Choice(choice),
        { Scale: { } scale } => $"{scale} sur 4",
        { Number: { } number } => criterion.MaxCompliant is { } max ? $"{number} ({(number <= max ? "conforme" : "non conforme")}, seuil {max})" : number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "Non renseigné",
    };
}
