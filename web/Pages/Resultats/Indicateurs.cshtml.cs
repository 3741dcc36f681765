using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Results;
using VoixUsager.Web.Results;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Resultats;

/// <summary>The national indicators per year or semester, against their targets, with a comment each.</summary>
public class IndicateursModel(AppDbContext db, StaffUser staff, IndicatorService indicators, PublicResultsService publications, FranceClock clock) : ResultsPageModel(db, staff)
{
    /// <summary>Only the préfecture's quality team publishes its results; administrators see them, not the button.</summary>
    public bool CanPublish => Staff.IsQualite && !Staff.IsAdministrateur;

    public PublicResultsService.Publication? Publication { get; private set; }

    public string DepartementCode { get; private set; } = "";

    public IReadOnlyList<IndicatorRow> Rows { get; private set; } = [];

    public int Year { get; private set; }

    public int? Semester { get; private set; }

    /// <summary>The twelve months to ?au= (a CLU's cut-off day), as a snapshot shows them; null for a year or semester.</summary>
    public IndicatorPeriod? Window { get; private set; }

    private Task<IReadOnlyList<IndicatorRow>> RowsAsync(CancellationToken cancellationToken) => Window is { } window
        ? indicators.ListAsync(PrefectureId, window, null, cancellationToken)
        : indicators.ListAsync(PrefectureId, Year, Semester, null, cancellationToken);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await PrepareAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Errors.Count > 0)
        {
            return Invalid();
        }

        Rows = await RowsAsync(cancellationToken);
        await LoadPublicationAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken) => ChangePublicationAsync(publish: true, cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken) => ChangePublicationAsync(publish: false, cancellationToken);

    private async Task<IActionResult> ChangePublicationAsync(bool publish, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!CanPublish)
        {
            return Forbid();
        }

        if (Errors.Count == 0 && (Semester is null || Window is not null))
        {
            Errors["semestre"] = "Choisissez le semestre dont les résultats sont à publier ou à retirer.";
        }

        if (Errors.Count == 0)
        {
            var actor = new AuditActor(Staff.Id, Staff.Email);
            var result = publish
                ? await publications.PublishAsync(PrefectureId, Year, Semester!.Value, actor, cancellationToken)
                : await publications.WithdrawAsync(PrefectureId, Year, Semester!.Value, actor, cancellationToken);
            if (result is ChangeResult.Invalid invalid)
            {
                foreach (var (field, message) in invalid.Errors)
                {
                    Errors[field] = message;
                }
            }
        }

        if (Errors.Count > 0)
        {
            Rows = await RowsAsync(cancellationToken);
            await LoadPublicationAsync(cancellationToken);
            return Invalid();
        }

        return RedirectToPage(PrefectureRoute(new { annee = Year, semestre = Semester }));
    }

    private async Task LoadPublicationAsync(CancellationToken cancellationToken)
    {
        var prefectureId = PrefectureId;
        DepartementCode = await Db.Prefectures.Where(p => p.Id == prefectureId).Select(p => p.DepartementCode).SingleAsync(cancellationToken);
        Publication = Semester is { } semester && Window is null ? await publications.FindAsync(PrefectureId, Year, semester, cancellationToken) : null;
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var target = Request.Form[$"target-{code}"].ToString();
        var value = Request.Form[$"value-{code}"].ToString();
        var comment = Request.Form[$"comment-{code}"].ToString();
        // The value and its audit entry are stored together or not at all.
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        if (Errors.Count == 0)
        {
            foreach (var (field, message) in await indicators.SaveAsync(PrefectureId, code, Year, Semester, target, value, comment, Staff.Email, cancellationToken))
            {
                Errors[$"{field}-{code}"] = message;
            }
        }

        if (Errors.Count > 0)
        {
            Rows = await RowsAsync(cancellationToken);
            await LoadPublicationAsync(cancellationToken);
            return Invalid();
        }

        Staff.Audit(Db, "indicateur.modifie", nameof(IndicatorValue), code, PrefectureId, $"{Year}{(Semester is { } s ? $" S{s}" : "")} : cible {target}, valeur {value}");
        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RedirectToPage(PrefectureRoute(new { annee = Year, semestre = Semester }));
    }

    private async Task<IActionResult?> PrepareAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Indicateurs nationaux";
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Year = clock.Today.Year;
        var rawYear = Request.Query["annee"].ToString();
        if (rawYear.Length > 0 && (!int.TryParse(rawYear, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100))
        {
            Errors["annee"] = "Choisissez une année entre 2000 et 2100.";
        }
        else if (rawYear.Length > 0)
        {
            Year = int.Parse(rawYear, CultureInfo.InvariantCulture);
        }

        var rawSemester = Request.Query["semestre"].ToString();
        if (rawSemester is "1" or "2")
        {
            Semester = rawSemester == "1" ? 1 : 2;
        }
        else if (rawSemester.Length > 0)
        {
            Errors["semestre"] = "Le semestre est 1 ou 2.";
        }

        var rawTo = Request.Query["au"].ToString();
        if (rawTo.Length > 0)
        {
            if (DateOnly.TryParseExact(rawTo, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) && to.Year is >= 2001 and <= 2100)
            {
                // The values entered for the year holding most of the twelve months are the ones shown and edited.
                Window = Indicators.TwelveMonthsTo(to);
                Year = Window.EnteredYear;
                Semester = null;
            }
            else
            {
                Errors["au"] = "Indiquez la fin de la période au format jj/mm/aaaa.";
            }
        }

        return null;
    }
}
