using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using VoixUsager.Auditing;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Questionnaires;
using VoixUsager.Results.Statistics;

namespace VoixUsager.Results;

/// <summary>
/// A semester of a préfecture's results the quality team chose to publish on the public page and as open
/// data. Figures are computed on the responses received up to <see cref="PublishedAtUtc"/>, so what the
/// public reads does not move afterwards; withdrawing deletes the row (the audit log keeps the history).
/// </summary>
public class ResultsPublication
{
    public int Id { get; set; }

    public int PrefectureId { get; set; }

    public int Year { get; set; }

    /// <summary>1 or 2.</summary>
    public int Semester { get; set; }

    public DateTime PublishedAtUtc { get; set; }

    public string? PublishedByUserId { get; set; }

    /// <summary>The publisher's email as it was, so the record reads right if the account is renamed.</summary>
    public required string PublishedBy { get; set; }
}

/// <summary>One published rate: its count and, at or over the threshold only, its value.</summary>
public sealed record PublicRate(string Code, string Label, int Sample, int Successes, decimal? Percent, string Display)
{
    public bool Significant => Percent is not null;
}

public sealed record PublicIndicator(string Code, string Label, IndicatorUnit Unit, double? Target, string TargetDisplay, int? Sample, double? Value, string Display, bool? MeetsTarget);

/// <summary>What the public reads of one semester: aggregates only, never a free-text answer.</summary>
public sealed record PublicSemester(
    int Year,
    int Semester,
    DateOnly From,
    DateOnly To,
    DateTime CutoffUtc,
    int Responses,
    IReadOnlyList<PublicRate> Questions,
    IReadOnlyList<PublicRate> Sites,
    IReadOnlyList<PublicIndicator> Indicators)
{
    public string Label => PublicResults.SemesterLabel(Year, Semester);

    public string Key => PublicResults.SemesterKey(Year, Semester);
}

public sealed record PublicPrefecture(int Id, string DepartementCode, string Name);

public static class PublicResults
{
    /// <summary>
    /// Below this many expressed answers a rate is published as "non significatif": the threshold under
    /// which staff pages already mark a rate "indicatif" (its 95 % interval is then wider than ±17 points).
    /// </summary>
    public const int MinimumSample = Proportion.IndicativeBelow;

    public const string NotSignificant = "non significatif";

    public static string SemesterLabel(int year, int semester) =>
        $"{(semester == 1 ? "premier" : "second")} semestre {year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"2026-S2": the semester as open data names it.</summary>
    public static string SemesterKey(int year, int semester) => $"{year.ToString(CultureInfo.InvariantCulture)}-S{semester.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A rate as published: the value at or over <see cref="MinimumSample"/>, "non significatif" below, "non calculable" over nothing.</summary>
    public static PublicRate Rate(string code, string label, Proportion proportion) =>
        proportion.Total == 0 ? new PublicRate(code, label, 0, 0, null, FrenchFormat.NotComputable)
        : proportion.Total < MinimumSample ? new PublicRate(code, label, proportion.Total, proportion.Successes, null, NotSignificant)
        : new PublicRate(code, label, proportion.Total, proportion.Successes, FrenchFormat.RoundedPercent(proportion, 1), FrenchFormat.Percent(proportion));
}

/// <summary>Publishes, withdraws and reads the semesters a préfecture shows the public.</summary>
public sealed class PublicResultsService(AppDbContext db, SurveyResultsService survey, IndicatorService indicators, FranceClock clock, IMemoryCache cache)
{
    public sealed record Publication(int Year, int Semester, DateTime PublishedAtUtc, string PublishedBy);

    public async Task<PublicPrefecture?> FindPrefectureAsync(string? departementCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(departementCode) || departementCode.Length > 3)
        {
            return null;
        }

        var code = departementCode.Trim().ToUpperInvariant();
        return await db.Prefectures.AsNoTracking().Where(p => p.DepartementCode == code)
            .Select(p => new PublicPrefecture(p.Id, p.DepartementCode, p.DisplayName)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The préfecture's published semesters, newest first.</summary>
    public async Task<IReadOnlyList<Publication>> PublishedAsync(int prefectureId, CancellationToken cancellationToken) =>
        await db.ResultsPublications.AsNoTracking().Where(p => p.PrefectureId == prefectureId)
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Semester)
            .Select(p => new Publication(p.Year, p.Semester, p.PublishedAtUtc, p.PublishedBy)).ToListAsync(cancellationToken);

    public async Task<Publication?> FindAsync(int prefectureId, int year, int semester, CancellationToken cancellationToken) =>
        await db.ResultsPublications.AsNoTracking().Where(p => p.PrefectureId == prefectureId && p.Year == year && p.Semester == semester)
            .Select(p => new Publication(p.Year, p.Semester, p.PublishedAtUtc, p.PublishedBy)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The figures of every published semester. Each is computed once per publication and then served from
    /// memory: its figures are cut off at the publication, so they cannot change until it is withdrawn or
    /// published again, which gives a new key.
    /// </summary>
    public async Task<IReadOnlyList<PublicSemester>> FiguresAsync(int prefectureId, CancellationToken cancellationToken)
    {
        var semesters = new List<PublicSemester>();
        foreach (var publication in await PublishedAsync(prefectureId, cancellationToken))
        {
            var key = (nameof(PublicResultsService), prefectureId, publication.Year, publication.Semester, publication.PublishedAtUtc);
            if (!cache.TryGetValue(key, out PublicSemester? figures) || figures is null)
            {
                figures = await ComputeAsync(prefectureId, publication, cancellationToken);
                cache.Set(key, figures, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
            }

            semesters.Add(figures);
        }

        return semesters;
    }

    /// <summary>The same computations as the staff dashboard and indicators page, on the semester and the publication's cut-off.</summary>
    private async Task<PublicSemester> ComputeAsync(int prefectureId, Publication publication, CancellationToken cancellationToken)
    {
        var (from, to) = Indicators.Period(publication.Year, publication.Semester);
        var cutoff = publication.PublishedAtUtc;
        var results = await survey.ComputeAsync(prefectureId, new SurveyFilter(From: from, To: to, CutoffUtc: cutoff), cancellationToken);
        // Free-text questions carry no figure (their answers are never counted, let alone shown): only scales are published.
        var questions = results.Questions
            .Where(q => q.Kind == QuestionKind.SatisfactionScale && q.Scale is not null)
            .Select(q => PublicResults.Rate(q.Code, q.Text, q.Scale!.TopTwoBox))
            .ToList();
        var sites = results.BySite
            .Select(s => PublicResults.Rate(s.Label, s.Label, s.Satisfaction.TopTwoBox))
            .ToList();
        var rows = await indicators.ListAsync(prefectureId, publication.Year, publication.Semester, cutoff, cancellationToken);
        var published = rows.Select(row =>
        {
            var targetDisplay = row.Target is { } t ? $"≥ {FrenchFormat.Decimal(t, t % 1 == 0 ? 0 : 1)}{(row.Definition.Unit == IndicatorUnit.Percent ? " %" : "")}" : "pas d’objectif";
            if (row.IsComputed)
            {
                var sample = row.SampleSize ?? 0;
                if (sample == 0 || row.Value is null)
                {
                    return new PublicIndicator(row.Definition.Code, row.Definition.Label, row.Definition.Unit, row.Target, targetDisplay, sample, null, FrenchFormat.NotComputable, null);
                }

                if (sample < PublicResults.MinimumSample)
                {
                    return new PublicIndicator(row.Definition.Code, row.Definition.Label, row.Definition.Unit, row.Target, targetDisplay, sample, null, PublicResults.NotSignificant, null);
                }

                return new PublicIndicator(row.Definition.Code, row.Definition.Label, row.Definition.Unit, row.Target, targetDisplay, sample, row.Value,
                    FrenchFormat.Decimal(row.Value.Value, 1) + " %", row.MeetsTarget);
            }

            var display = row.Value is not { } value ? "non renseigné"
                : row.Definition.Unit == IndicatorUnit.Percent ? FrenchFormat.Decimal(value, 1) + " %"
                : FrenchFormat.Decimal(value, value % 1 == 0 ? 0 : 1);
            return new PublicIndicator(row.Definition.Code, row.Definition.Label, row.Definition.Unit, row.Target, targetDisplay, null, row.Value, display, row.MeetsTarget);
        }).ToList();
        return new PublicSemester(publication.Year, publication.Semester, from, to, cutoff, results.Responses, questions, sites, published);
    }

    /// <summary>
    /// Publishes a semester that has begun. Publishing one already published changes nothing (a double click
    /// or a second tab), so the figures the public reads stay those of the first press.
    /// </summary>
    public async Task<ChangeResult> PublishAsync(int prefectureId, int year, int semester, AuditActor actor, CancellationToken cancellationToken)
    {
        if (Invalid(year, semester) is { } invalid)
        {
            return invalid;
        }

        var existing = await db.ResultsPublications.AsNoTracking()
            .Where(p => p.PrefectureId == prefectureId && p.Year == year && p.Semester == semester).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return new ChangeResult.Done(id);
        }

        var publication = new ResultsPublication
        {
            PrefectureId = prefectureId,
            Year = year,
            Semester = semester,
            PublishedAtUtc = clock.UtcNow,
            PublishedByUserId = actor.UserId,
            PublishedBy = actor.Email,
        };
        db.ResultsPublications.Add(publication);
        try
        {
            await db.SaveWithAuditAsync(() => AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, prefectureId, "resultats.publies", nameof(ResultsPublication),
                publication.Id.ToString(CultureInfo.InvariantCulture), PublicResults.SemesterLabel(year, semester)), cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // The same semester published at the same moment from another tab: that one stands.
            var winner = await db.ResultsPublications.AsNoTracking()
                .Where(p => p.PrefectureId == prefectureId && p.Year == year && p.Semester == semester).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
            if (winner is { } winnerId)
            {
                return new ChangeResult.Done(winnerId);
            }

            throw;
        }

        return new ChangeResult.Done(publication.Id);
    }

    /// <summary>Takes a semester off the public page; withdrawing one that is not published changes nothing.</summary>
    public async Task<ChangeResult> WithdrawAsync(int prefectureId, int year, int semester, AuditActor actor, CancellationToken cancellationToken)
    {
        if (Invalid(year, semester) is { } invalid)
        {
            return invalid;
        }

        var publication = await db.ResultsPublications.SingleOrDefaultAsync(p => p.PrefectureId == prefectureId && p.Year == year && p.Semester == semester, cancellationToken);
        if (publication is null)
        {
            return new ChangeResult.Done(0);
        }

        var id = publication.Id;
        db.ResultsPublications.Remove(publication);
        await db.SaveWithAuditAsync(() => AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, prefectureId, "resultats.depublies", nameof(ResultsPublication),
            id.ToString(CultureInfo.InvariantCulture), PublicResults.SemesterLabel(year, semester)), cancellationToken);
        return new ChangeResult.Done(id);
    }

    private ChangeResult.Invalid? Invalid(int year, int semester)
    {
        if (year is < 2000 or > 2100 || semester is not (1 or 2))
        {
            return new ChangeResult.Invalid(new Dictionary<string, string> { ["semestre"] = "Choisissez une année (2000 à 2100) et le premier ou le second semestre." });
        }

        if (Indicators.Period(year, semester).From > clock.Today)
        {
            return new ChangeResult.Invalid(new Dictionary<string, string> { ["semestre"] = "Ce semestre n’a pas commencé : il n’a pas encore de résultats à publier." });
        }

        return null;
    }
}
