using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VoixUsager.ActionPlan;
using VoixUsager.Data;
using VoixUsager.Results;
using VoixUsager.Web.Results;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Resultats;

public class MystereModel(AppDbContext db, StaffUser staff, MysteryResultsService mystery, ActionFromOrigin actions) : ResultsPageModel(db, staff)
{
    public MysteryResults? Results { get; private set; }

    /// <summary>The sentences already made into an action, for the quality team of the préfecture (« action engagée »).</summary>
    public Dictionary<string, (int Id, ActionStatus Status)>? Engaged { get; private set; }

    /// <summary>« Becomes an action in one click »: a pre-filled action, opened for the team to complete.</summary>
    public async Task<IActionResult> OnPostActionAsync(string? sentence, CancellationToken cancellationToken)
    {
        if (Staff.RegisterActor is not { IsQualityTeam: true } actor)
        {
            return Forbid();
        }

        var result = await actions.FromMysteryAsync(actor, sentence, cancellationToken);
        if (result is ChangeResult.Done done)
        {
            TempData["Done"] = "Action créée à partir de la recommandation : complétez-la.";
            return RedirectToPage("/Registre/Plan/Action", new { id = done.Id });
        }

        var get = await OnGetAsync(cancellationToken);
        return get is PageResult && result is ChangeResult.Invalid invalid ? Invalid(invalid.Errors) : get is PageResult ? Forbid() : get;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Résultats des enquêtes mystères";
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Errors.Count > 0)
        {
            return Invalid();
        }

        Results = await mystery.ComputeAsync(PrefectureId, null, null, cancellationToken);
        if (Staff.RegisterActor is { IsQualityTeam: true } actor && actor.PrefectureId == PrefectureId)
        {
            Engaged = await actions.EngagedMysteryAsync(PrefectureId, cancellationToken);
            ViewData["Engaged"] = Engaged;
        }

        ViewData["ChartQuery"] = PrefectureQuery;
        return Page();
    }
}
