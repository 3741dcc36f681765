using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Calendar;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Reporting;
using VoixUsager.Surveys;

namespace VoixUsager.Results;

/// <summary>
/// The CSV exports of a préfecture's data: the anonymised survey responses and the mystery records. Each
/// file opens with what it covers (<see cref="ExportScope"/>), then one row per response or record.
/// </summary>
public sealed class ResultsExports(AppDbContext db, SurveyResultsService survey)
{
    private static string Date(DateTime utc) => FrenchTimeZones.UtcToParis(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A CSV file ready to be written: its opening lines and headers known, its rows read as they are written.</summary>
    public sealed record CsvFile(IReadOnlyList<(string Label, string Value)> Preamble, IReadOnlyList<string> Headers, IAsyncEnumerable<IReadOnlyList<string?>> Rows);

    /// <summary>
    /// One row per response, one column per question (matched across versions by code); free text is
    /// masked. Answers are read in response order as the file is written, so a large export never sits in
    /// memory. Responses after the scope's cut-off are left out, so the file holds what its header says.
    /// </summary>
    public async Task<CsvFile> ResponsesCsvAsync(int prefectureId, SurveyFilter filter, ExportScope scope, CancellationToken cancellationToken)
    {
        filter = filter with { CutoffUtc = scope.CutoffUtc };
        var versionIds = await survey.VersionIdsAsync(prefectureId, cancellationToken);
        var catalog = await survey.QuestionCatalogAsync(versionIds, cancellationToken);
        var columns = catalog.Questions.GroupBy(q => q.Code).Select(g => g.OrderByDescending(q => q.VersionId).First()).OrderBy(q => q.Order).ToList();
        var questionCode = catalog.Questions.ToDictionary(q => q.Id, q => q.Code);
        var optionLabel = catalog.Questions.SelectMany(q => q.Options).ToDictionary(o => o.Id, o => o.Label);
        var sites = await db.Sites.Where(s => s.PrefectureId == prefectureId).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var campaigns = await db.SurveyCampaigns.Where(c => c.PrefectureId == prefectureId).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

        var responses = survey.Responses(prefectureId, filter);
        var answers = from a in db.SurveyAnswers.AsNoTracking()
                      join r in responses on a.ResponseId equals r.Id
                      orderby r.Id, a.Id
                      select new { r.Id, r.CampaignId, r.SiteId, r.Channel, r.SubmittedAtUtc, a.QuestionId, a.OptionId, a.Text };
        var headers = new List<string> { "Réponse", "Date", "Campagne", "Site", "Canal" };
        headers.AddRange(columns.Select(c => $"{c.Order}. {c.Text}"));
        var indexByCode = columns.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i);

        return new CsvFile(scope.Header, headers, Rows(cancellationToken));

        async IAsyncEnumerable<IReadOnlyList<string?>> Rows([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            long current = -1;
            string?[]? row = null;
            var number = 0;
            await foreach (var a in answers.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                if (a.Id != current)
                {
                    if (row is not null)
                    {
                        yield return row;
                    }

                    current = a.Id;
                    row = new string?[5 + columns.Count];
                    row[0] = (++number).ToString(CultureInfo.InvariantCulture);
                    row[1] = Date(a.SubmittedAtUtc);
                    row[2] = campaigns.GetValueOrDefault(a.CampaignId);
                    row[3] = sites.GetValueOrDefault(a.SiteId);
                    row[4] = SurveyChannels.Label(a.Channel);
                }

                if (questionCode.TryGetValue(a.QuestionId, out var code) && indexByCode.TryGetValue(code, out var index))
                {
                    var value = a.OptionId is { } option ? optionLabel.GetValueOrDefault(option) : a.Text is null ? null : PersonalDataMasker.Mask(a.Text);
                    // A multiple choice has one answer per ticked box: they share the question's cell.
                    row![5 + index] = row[5 + index] is { } previous ? $"{previous} ; {value}" : value;
                }
            }

            if (row is not null)
            {
                yield return row;
            }
        }
    }

    /// <summary>Every submitted mystery record of the évalué up to the cut-off, with its grid answers in words.</summary>
    public async Task<byte[]> MysteryCsvAsync(int prefectureId, ExportScope scope, CancellationToken cancellationToken)
    {
        var cutoff = scope.CutoffUtc;
        var records = await db.MysteryRecords.AsNoTracking().Include(r => r.Answers).Include(r => r.Scenario)
            .Where(r => r.Status == RecordStatus.Soumis && r.SubmittedAtUtc <= cutoff && db.MysteryCampaigns.Any(c => c.Id == r.CampaignId && c.EvaluatedPrefectureId == prefectureId))
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var gridIds = records.Select(r => r.GridVersionId).Distinct().ToList();
        var criteria = await db.GridCriteria.AsNoTracking().Where(c => gridIds.Contains(c.GridVersionId)).ToListAsync(cancellationToken);
        var codes = criteria.OrderBy(c => c.Order).Select(c => (c.Code, c.Label)).DistinctBy(c => c.Code).ToList();
        var byId = criteria.ToDictionary(c => c.Id);
        var headers = new List<string> { "Fiche", "Canal", "Date", "Numéro ou adresse", "Question posée", "Issue", "Sonneries", "Attente (s)", "Accusé de réception", "Réponse", "Jours ouvrés", "Commentaire" };
        headers.AddRange(codes.Select(c => c.Label));
        var rows = records.Select(r =>
        {
            var row = new List<string?> { r.Id.ToString(CultureInfo.InvariantCulture) };
            switch (r)
            {
                case MysteryCallRecord call:
                    row.AddRange(["Appel", Date(call.CalledAtUtc), call.NumberDialled, call.Scenario.Question, MysteryLabels.Outcome(call.Outcome), call.RingsBeforePickup?.ToString(CultureInfo.InvariantCulture), call.WaitingSeconds?.ToString(CultureInfo.InvariantCulture), null, null, null]);
                    break;
                case MysteryEmailRecord email:
                    row.AddRange(["Courriel", Date(email.SentAtUtc), email.Address, email.Scenario.Question, null, null, null,
                        email.AcknowledgedAtUtc is { } ack ? Date(ack) : "", email.RepliedAtUtc is { } reply ? Date(reply) : "", email.ReplyWorkingDays?.ToString(CultureInfo.InvariantCulture)]);
                    break;
            }

            row.Add(r.Comment);
            foreach (var (code, _) in codes)
            {
                row.Add(MysteryLabels.Answer(r.Answers.FirstOrDefault(a => byId.TryGetValue(a.CriterionId, out var c) && c.Code == code)));
            }

            return (IReadOnlyList<string?>)row;
        });
        return CsvExport.Write(headers, rows, scope.Header);
    }
}
