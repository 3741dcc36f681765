using Microsoft.EntityFrameworkCore;
using VoixUsager.Calendar;
using VoixUsager.Data;
using VoixUsager.Prefectures;
using VoixUsager.Results.Statistics;

namespace VoixUsager.Register;

/// <summary>One line of a register list: never the contact details, which only the case page shows.</summary>
public sealed record CaseRow(
    int Id, string Reference, CaseKind Kind, CaseSubject Subject, CaseChannel Channel, CaseStatus Status,
    DateOnly ReceivedOn, DateOnly AcknowledgementDueOn, DateOnly DueOn, DateOnly? ClosedOn,
    string? Site, int? OwnerServiceId, string? OwnerService, bool HasContact, bool Overdue, bool AcknowledgementOverdue, string Excerpt);

/// <summary>A count under a French label, in a fixed order.</summary>
public sealed record CountRow(string Label, int Count);

/// <summary>The year's bilan of suggestions and complaints: one computation for the page, the workbook and the summary.</summary>
public sealed record RegisterFigures(
    string PrefectureName, DateOnly From, DateOnly To, int Total,
    IReadOnlyList<CountRow> PerMonth, IReadOnlyList<CountRow> PerKind, IReadOnlyList<CountRow> PerSubject,
    IReadOnlyList<CountRow> PerSite, IReadOnlyList<CountRow> PerChannel,
    Proportion AnsweredWithinDeadline, double? MedianDelayWorkingDays, int Open, int Overdue, int ClosedWithoutAnswer, int DeadlineWorkingDays)
{
    /// <summary>The bilan in a few lines, as the CLU summary and the page's lead show it.</summary>
    public IReadOnlyList<string> Sentences() =>
    [
        $"{FrenchFormat.Count(Total)} suggestion(s) et réclamation(s) reçue(s) du {From:dd/MM/yyyy} au {To:dd/MM/yyyy} : " +
            string.Join(", ", PerKind.Select(k => $"{FrenchFormat.Count(k.Count)} {k.Label.ToLowerInvariant()}(s)")) + ".",
        $"Répondues dans le délai de {DeadlineWorkingDays} jours ouvrés : {FrenchFormat.Rate(AnsweredWithinDeadline)}.",
        $"Délai médian de réponse : {(MedianDelayWorkingDays is { } median ? FrenchFormat.Decimal(median, 1) + " jour(s) ouvré(s)" : FrenchFormat.NotComputable)}.",
        $"En cours : {FrenchFormat.Count(Open)}, dont {FrenchFormat.Count(Overdue)} en retard ; closes sans réponse : {FrenchFormat.Count(ClosedWithoutAnswer)}.",
    ];
}

/// <summary>What the register pages, the home page, the weekly job and the exports read.</summary>
public sealed class RegisterQueries(AppDbContext db, FranceClock clock)
{
    public DateOnly TodayIn(HolidayZone zone) => DateOnly.FromDateTime(FrenchTimeZones.ToLocal(clock.UtcNow, zone));

    /// <summary>The cases this person may see, newest first; a service owner sees only their service's.</summary>
    public async Task<IReadOnlyList<CaseRow>> ListAsync(RegisterActor actor, bool openOnly, CancellationToken cancellationToken)
    {
        var zone = await db.Prefectures.Where(p => p.Id == actor.PrefectureId).Select(p => p.HolidayZone).SingleAsync(cancellationToken);
        var query = Visible(actor);
        if (openOnly)
        {
            query = query.Where(c => c.Status == CaseStatus.Recue || c.Status == CaseStatus.AccuseeReception);
        }

        return await RowsAsync(query, TodayIn(zone), cancellationToken);
    }

    /// <summary>Open cases past their answer deadline, for a préfecture, optionally for one owner (0 for unassigned).</summary>
    public async Task<IReadOnlyList<CaseRow>> OverdueAsync(int prefectureId, int? ownerKey, CancellationToken cancellationToken)
    {
        var zone = await db.Prefectures.Where(p => p.Id == prefectureId).Select(p => p.HolidayZone).SingleAsync(cancellationToken);
        var today = TodayIn(zone);
        var query = db.RegisterCases.Where(c => c.PrefectureId == prefectureId
            && (c.Status == CaseStatus.Recue || c.Status == CaseStatus.AccuseeReception) && c.DueOn < today);
        if (ownerKey is 0)
        {
            query = query.Where(c => c.OwnerServiceId == null);
        }
        else if (ownerKey is { } serviceId)
        {
            query = query.Where(c => c.OwnerServiceId == serviceId);
        }

        return await RowsAsync(query, today, cancellationToken);
    }

    private IQueryable<RegisterCase> Visible(RegisterActor actor)
    {
        var serviceId = actor.OwnerServiceId;
        return db.RegisterCases.Where(c => c.PrefectureId == actor.PrefectureId && (serviceId == null || c.OwnerServiceId == serviceId));
    }

    private static async Task<IReadOnlyList<CaseRow>> RowsAsync(IQueryable<RegisterCase> query, DateOnly today, CancellationToken cancellationToken)
    {
        var cases = await query.AsNoTracking()
            .OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id)
            .Select(c => new
            {
                c.Id, c.Kind, c.Subject, c.Channel, c.Status, c.ReceivedOn, c.AcknowledgementDueOn, c.DueOn, c.ClosedOn,
                Site = c.Site == null ? null : c.Site.Name, c.OwnerServiceId, Service = c.OwnerService == null ? null : c.OwnerService.Name,
                HasContact = c.ContactName != null || c.ContactEmail != null || c.ContactPostalAddress != null,
                c.Text,
            })
            .ToListAsync(cancellationToken);
        return cases.Select(c =>
        {
            var open = c.Status is CaseStatus.Recue or CaseStatus.AccuseeReception;
            return new CaseRow(c.Id, RegisterCase.FormatReference(c.ReceivedOn.Year, c.Id), c.Kind, c.Subject, c.Channel, c.Status,
                c.ReceivedOn, c.AcknowledgementDueOn, c.DueOn, c.ClosedOn, c.Site, c.OwnerServiceId, c.Service, c.HasContact,
                open && c.DueOn < today, c.Status == CaseStatus.Recue && c.AcknowledgementDueOn < today, Excerpt(c.Text));
        }).ToList();
    }

    /// <summary>The start of the text for a list: free text may hold personal data, so lists show no more than this.</summary>
    public static string Excerpt(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 120 ? line : line[..119] + "…";
    }

    /// <summary>The bilan of the cases received between <paramref name="from"/> and <paramref name="to"/> (inclusive).</summary>
    public async Task<RegisterFigures> FiguresAsync(int prefectureId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var prefecture = await db.Prefectures.AsNoTracking().SingleAsync(p => p.Id == prefectureId, cancellationToken);
        var today = TodayIn(prefecture.HolidayZone);
        var cases = await db.RegisterCases.AsNoTracking()
            .Where(c => c.PrefectureId == prefectureId && c.ReceivedOn >= from && c.ReceivedOn <= to)
            .Select(c => new { c.Kind, c.Subject, c.Channel, c.Status, c.ReceivedOn, c.DueOn, c.ClosedOn, Site = c.Site == null ? null : c.Site.Name })
            .ToListAsync(cancellationToken);

        var months = new List<CountRow>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var m = month;
            months.Add(new CountRow(m.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")),
                cases.Count(c => c.ReceivedOn.Year == m.Year && c.ReceivedOn.Month == m.Month)));
        }

        // Answered on time over the cases whose outcome is known: answered, or still open past their
        // deadline (late whatever happens). Open within the deadline and closed without answer are left out.
        var answered = cases.Where(c => c.Status == CaseStatus.Repondue && c.ClosedOn is not null).ToList();
        var openLate = cases.Count(c => (c.Status is CaseStatus.Recue or CaseStatus.AccuseeReception) && c.DueOn < today);
        var onTime = new Proportion(answered.Count(c => c.ClosedOn <= c.DueOn), answered.Count + openLate);
        var median = Median.Of(answered.Select(c => WorkingDays.Between(c.ReceivedOn.ToDateTime(TimeOnly.MinValue), c.ClosedOn!.Value.ToDateTime(TimeOnly.MinValue), prefecture.HolidayZone)));

        return new RegisterFigures(
            prefecture.DisplayName, from, to, cases.Count, months,
            Enum.GetValues<CaseKind>().Select(k => new CountRow(RegisterLabels.Kind(k), cases.Count(c => c.Kind == k))).ToList(),
            Enum.GetValues<CaseSubject>().Select(s => new CountRow(RegisterLabels.Subject(s), cases.Count(c => c.Subject == s))).ToList(),
            cases.GroupBy(c => c.Site ?? "Site non précisé").OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => new CountRow(g.Key, g.Count())).ToList(),
            Enum.GetValues<CaseChannel>().Select(ch => new CountRow(RegisterLabels.Channel(ch), cases.Count(c => c.Channel == ch))).ToList(),
            onTime, median,
            cases.Count(c => c.Status is CaseStatus.Recue or CaseStatus.AccuseeReception), openLate,
            cases.Count(c => c.Status == CaseStatus.CloseSansReponse), prefecture.CaseDeadlineWorkingDays);
    }
}
