using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Accounts;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Administration.CampagnesMysteres;

public class NouvelleModel(AppDbContext db, MysteryCampaignPlanner planner, StaffUser staff) : StaffPageModel
{
    public const string ExampleScenarios = """
        appel ; Je voudrais savoir comment renouveler mon titre de séjour. ; Standard de la préfecture
        appel ; Quels documents fournir pour une carte grise de véhicule d'occasion ? ; Standard de la préfecture
        courriel ; Ma demande de permis de conduire est bloquée depuis deux mois, que faire ? ; pref-courrier@departement.gouv.fr
        """;

    public IReadOnlyList<(int Id, string Name)> Prefectures { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name, string Prefecture)> Referents { get; private set; } = [];

    [BindProperty]
    [ColumnLength(typeof(MysteryCampaign), nameof(MysteryCampaign.Name))]
    public string? Name { get; set; }

    [BindProperty] public int EvaluatedPrefectureId { get; set; }
    [BindProperty] public List<int> PartnerPrefectureIds { get; set; } = [];
    [BindProperty] public string? StartsOn { get; set; }
    [BindProperty] public string? EndsOn { get; set; }
    [BindProperty] public int TargetCalls { get; set; } = 20;
    [BindProperty] public int TargetEmails { get; set; } = 24;
    [BindProperty] public List<string> ReferentIds { get; set; } = [];
    [BindProperty] public bool RevealEvaluatorNames { get; set; }
    [BindProperty] public string? ScenarioLines { get; set; } = ExampleScenarios;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var result = await planner.CreateAsync(
            new MysteryCampaignPlanner.CampaignRequest(Name ?? "", EvaluatedPrefectureId, PartnerPrefectureIds, ParseDate(StartsOn), ParseDate(EndsOn),
                TargetCalls, TargetEmails, ReferentIds, RevealEvaluatorNames, ScenarioLines ?? ""),
            new AuditActor(staff.Id, staff.Email), cancellationToken);
        if (result is MysteryCampaignPlanner.PlanResult.Invalid invalid)
        {
            foreach (var (field, message) in invalid.Errors)
            {
                Errors[field] = message;
            }

            return Invalid(StatusCodes.Status422UnprocessableEntity);
        }

        return RedirectToPage("/Administration/CampagnesMysteres/Index");
    }

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Nouvelle campagne mystère";
        Prefectures = (await db.Prefectures.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.DisplayName }).ToListAsync(cancellationToken))
            .Select(p => (p.Id, p.DisplayName)).ToList();
        var referentRoleId = await db.Roles.Where(r => r.Name == Roles.Referent).Select(r => r.Id).SingleAsync(cancellationToken);
        Referents = (await db.Users.AsNoTracking()
                .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == referentRoleId))
                .Select(u => new { u.Id, Name = u.DisplayName ?? u.Email, Prefecture = db.Prefectures.Where(p => p.Id == u.PrefectureId).Select(p => p.DisplayName).FirstOrDefault() })
                .ToListAsync(cancellationToken))
            .Select(u => (u.Id, u.Name ?? "", u.Prefecture ?? "")).OrderBy(u => u.Item3).ThenBy(u => u.Item2).ToList();
    }
}
