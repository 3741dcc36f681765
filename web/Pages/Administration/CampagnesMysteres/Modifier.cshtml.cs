using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Accounts;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Administration.CampagnesMysteres;

/// <summary>One mystery campaign: its period, targets, référents and scenarios while nothing depends on them; closing and reopening.</summary>
public class ModifierModel(AppDbContext db, MysteryCampaignEditing editing, StaffUser staff) : StaffPageModel
{
    public MysteryCampaign Campaign { get; private set; } = null!;

    public IReadOnlyList<(string Id, string Name, string Prefecture)> Referents { get; private set; } = [];

    public int Submitted { get; private set; }

    public int Drafts { get; private set; }

    [BindProperty]
    [ColumnLength(typeof(MysteryCampaign), nameof(MysteryCampaign.Name))]
    public string? Name { get; set; }
    [BindProperty] public string? StartsOn { get; set; }
    [BindProperty] public string? EndsOn { get; set; }
    [BindProperty] public int TargetCalls { get; set; }
    [BindProperty] public int TargetEmails { get; set; }
    [BindProperty] public List<string> ReferentIds { get; set; } = [];
    [BindProperty] public string? ScenarioLines { get; set; }
    [BindProperty] public string? Reason { get; set; }

    [BindProperty(SupportsGet = true, Name = "enregistre")] public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await editing.UpdateAsync(id,
            new MysteryCampaignEditing.EditRequest(Name ?? "", ParseDate(StartsOn), ParseDate(EndsOn), TargetCalls, TargetEmails, ReferentIds, ScenarioLines ?? ""),
            Actor, cancellationToken);
        return await ShowAsync(id, result, keepInput: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostCloreAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, await editing.CloseAsync(id, Actor, cancellationToken), keepInput: false, cancellationToken);

    public async Task<IActionResult> OnPostRouvrirAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, await editing.ReopenAsync(id, Reason, Actor, cancellationToken), keepInput: false, cancellationToken);

    private AuditActor Actor => new(staff.Id, staff.Email);

    private async Task<IActionResult> ShowAsync(int id, ChangeResult result, bool keepInput, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case ChangeResult.NotFound:
                return NotFound();
            case ChangeResult.Invalid invalid:
                await LoadAsync(id, cancellationToken);
                if (!keepInput)
                {
                    Fill();
                }

                return Invalid(invalid.Errors);
            default:
                return RedirectToPage(new { id, enregistre = true });
        }
    }

    private void Fill()
    {
        Name = Campaign.Name;
        StartsOn = Campaign.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        EndsOn = Campaign.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        TargetCalls = Campaign.TargetCalls;
        TargetEmails = Campaign.TargetEmails;
        ReferentIds = Campaign.Referents.Select(r => r.UserId).ToList();
        ScenarioLines = MysteryCampaignEditing.ScenarioLinesOf(Campaign.Scenarios);
    }

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var campaign = await db.MysteryCampaigns.AsNoTracking()
            .Include(c => c.EvaluatedPrefecture).Include(c => c.Partners).ThenInclude(p => p.Prefecture).Include(c => c.Referents).Include(c => c.Scenarios)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return false;
        }

        Campaign = campaign;
        ViewData["Title"] = $"Campagne mystère « {campaign.Name} »";
        Submitted = await db.MysteryRecords.CountAsync(r => r.CampaignId == id && r.Status == RecordStatus.Soumis, cancellationToken);
        Drafts = await db.MysteryRecords.CountAsync(r => r.CampaignId == id && r.Status == RecordStatus.Brouillon, cancellationToken);
        var partners = campaign.Partners.Select(p => (int?)p.PrefectureId).ToList();
        var referentRoleId = await db.Roles.Where(r => r.Name == Roles.Referent).Select(r => r.Id).SingleAsync(cancellationToken);
        Referents = (await db.Users.AsNoTracking()
                .Where(u => partners.Contains(u.PrefectureId) && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == referentRoleId))
                .Select(u => new { u.Id, Name = u.DisplayName ?? u.Email, Prefecture = db.Prefectures.Where(p => p.Id == u.PrefectureId).Select(p => p.DisplayName).FirstOrDefault() })
                .ToListAsync(cancellationToken))
            .Select(u => (u.Id, u.Name ?? "", u.Prefecture ?? "")).OrderBy(u => u.Item3).ThenBy(u => u.Item2).ToList();
        return true;
    }
}
