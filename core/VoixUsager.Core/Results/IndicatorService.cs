using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Questionnaires;
using VoixUsager.Results.Statistics;

namespace VoixUsager.Results;

public sealed record IndicatorRow(IndicatorDefinition Definition, double? Target, double? Value, string? Comment, bool IsComputed, int? SampleSize)
{
    /// <summary>Null when there is no target or no value.</summary>
    public bool? MeetsTarget => Target is { } target && Value is { } value ? value >= target : null;
}

/// <summary>
/// The national indicators of one préfecture for a year or a semester. Those VoixUsager measures
/// itself (calls answered, emails within 5 working days, survey satisfaction) are computed from the
/// data; the others are entered by the quality team.
/// </summary>
public sealed class IndicatorService(AppDbContext db, SurveyResultsService survey, MysteryResultsService mystery, FranceClock clock)
{
    /// <summary>The indicators of a calendar year or semester, with the values entered for it.</summary>
    public Task<IReadOnlyList<IndicatorRow>> ListAsync(int prefectureId, int year, int? semester, DateTime? cutoffUtc, CancellationToken cancellationToken)
    {
        var (from, to) = Indicators.Period(year, semester);
        return ListAsync(prefectureId, from, to, year, semester, cutoffUtc, cancellationToken);
    }

    /// <summary>
    /// The indicators of any period (a CLU's twelve months), with the values entered for the calendar
    /// year that holds most of it; what was recorded after <paramref name="cutoffUtc"/> is left out.
    /// </summary>
    public Task<IReadOnlyList<IndicatorRow>> ListAsync(int prefectureId, IndicatorPeriod period, DateTime? cutoffUtc, CancellationToken cancellationToken) =>
        ListAsync(prefectureId, period.From, period.To, period.EnteredYear, null, cutoffUtc, cancellationToken);

    private async Task<IReadOnlyList<IndicatorRow>> ListAsync(int prefectureId, DateOnly from, DateOnly to, int year, int? semester, DateTime? cutoffUtc, CancellationToken cancellationToken)
    {
        var stored = await db.IndicatorValues.AsNoTracking()
            .Where(i => i.PrefectureId == prefectureId && i.Year == year && i.Semester == semester)
            .ToListAsync(cancellationToken);
        var (calls, emails) = await mystery.IndicatorRatesAsync(prefectureId, from, to, cutoffUtc, cancellationToken);
        var satisfaction = await SurveySatisfactionAsync(prefectureId, from, to, cutoffUtc, cancellationToken);
        var computed = new Dictionary<string, Proportion>
        {
            [Indicators.CallsAnswered] = calls,
            [Indicators.EmailsWithinFiveDays] = emails,
            [Indicators.SurveySatisfaction] = satisfaction,
        };

        return Indicators.All.Select(definition =>
        {
            var row = stored.FirstOrDefault(s => s.Code == definition.Code);
            var target = row is null ? definition.DefaultTarget : row.Target;
            if (definition.IsComputed && computed.TryGetValue(definition.Code, out var proportion))
            {
                return new IndicatorRow(definition, target, proportion.Total == 0 ? null : (double)FrenchFormat.RoundedPercent(proportion, 1), row?.Comment, true, proportion.Total);
            }

            return new IndicatorRow(definition, target, row?.Value, row?.Comment, false, null);
        }).ToList();
    }

    /// <returns>Errors by field; empty when saved.</returns>
    public async Task<Dictionary<string, string>> SaveAsync(int prefectureId, string code, int year, int? semester, string? target, string? value, string? comment, string updatedBy, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var definition = Indicators.Find(code);
        if (definition is null)
        {
            errors["code"] = "Cet indicateur n’existe pas.";
            return errors;
        }

        if (year is < 2000 or > 2100 || semester is not (null or 1 or 2))
        {
            errors["periode"] = "Choisissez une année (2000 à 2100) et, si besoin, le premier ou le second semestre.";
        }

        var parsedTarget = Parse(target, definition, "cible", errors);
        var parsedValue = definition.IsComputed ? null : Parse(value, definition, "valeur", errors);
        if (comment is { Length: > Data.EntityConfigurations.IndicatorValueConfiguration.CommentMaxLength })
        {
            errors["commentaire"] = $"Le commentaire compte {Data.EntityConfigurations.IndicatorValueConfiguration.CommentMaxLength} caractères au plus.";
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var row = await db.IndicatorValues.SingleOrDefaultAsync(i => i.PrefectureId == prefectureId && i.Code == code && i.Year == year && i.Semester == semester, cancellationToken);
        if (row is null)
        {
            row = new IndicatorValue { PrefectureId = prefectureId, Code = code, Year = year, Semester = semester };
            db.IndicatorValues.Add(row);
        }

        row.Target = parsedTarget;
        row.Value = parsedValue;
        row.Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        row.UpdatedAtUtc = clock.UtcNow;
        row.UpdatedBy = updatedBy;
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    private static double? Parse(string? raw, IndicatorDefinition definition, string field, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.Trim().Replace(',', '.').TrimEnd('%').Trim();
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            errors[field] = $"La {field} doit être un nombre, par exemple 92,5.";
            return null;
        }

        if (definition.Unit == IndicatorUnit.Percent && number is < 0 or > 100)
        {
            errors[field] = $"La {field} est un pourcentage : entre 0 et 100.";
            return null;
        }

        if (definition.Unit == IndicatorUnit.Count && (number < 0 || number > 10_000_000))
        {
            errors[field] = $"La {field} est un nombre positif.";
            return null;
        }

        return number;
    }

    // The national overview's count (daily counts and the live days), for one préfecture: one computation
    // for the figure wherever it shows, and a CLU's summary reads a few hundred stored rows instead of
    // every answer of twelve months.
    private async Task<Proportion> SurveySatisfactionAsync(int prefectureId, DateOnly from, DateOnly to, DateTime? cutoffUtc, CancellationToken cancellationToken) =>
        (await survey.SatisfactionCountsAsync(prefectureId, from, to, cutoffUtc, cancellationToken))
            .GetValueOrDefault(prefectureId, SurveyResultsService.NationalCounts.None).Satisfaction;
}
