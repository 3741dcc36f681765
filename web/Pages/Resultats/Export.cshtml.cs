using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Questionnaires;
using VoixUsager.Reporting;
using VoixUsager.Results;
using VoixUsager.Surveys;
using VoixUsager.Web.Results;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Resultats;

/// <summary>Downloads: the anonymised raw responses and the mystery records (CSV), and every aggregate (XLSX).</summary>
public class ExportModel(AppDbContext db, StaffUser staff, SurveyResultsService survey, SnapshotService snapshots, FranceClock clock) : ResultsPageModel(db, staff)
{
    public async Task<IActionResult> OnGetAsync(string file, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var filter = ReadFilter();
        if (Errors.Count > 0 || (await survey.ValidateAsync(PrefectureId, filter, cancellationToken)).Count > 0)
        {
            return BadRequest();
        }

        var stamp = clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        switch (file)
        {
            case "reponses.csv":
                Staff.Audit(Db, "export.reponses", "SurveyResponse", null, PrefectureId);
                await Db.SaveChangesAsync(cancellationToken);
                return File(await ResponsesCsvAsync(filter, cancellationToken), "text/csv; charset=utf-8", $"voixusager-reponses-{stamp}.csv");
            case "mystere.csv":
                Staff.Audit(Db, "export.mystere", nameof(MysteryRecord), null, PrefectureId);
                await Db.SaveChangesAsync(cancellationToken);
                return File(await MysteryCsvAsync(cancellationToken), "text/csv; charset=utf-8", $"voixusager-enquetes-mysteres-{stamp}.csv");
            case "resultats.xlsx":
                Staff.Audit(Db, "export.resultats", "Results", null, PrefectureId);
                await Db.SaveChangesAsync(cancellationToken);
                var figures = await snapshots.ComputeAsync(PrefectureId, clock.UtcNow, cancellationToken);
                var surveyResults = await survey.ComputeAsync(PrefectureId, filter, cancellationToken);
                var workbook = ResultsWorkbook.Build(figures with { Survey = surveyResults }, await RetainedSuggestions.ForPrefectureAsync(Db, PrefectureId, null, cancellationToken));
                return File(workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"voixusager-resultats-{stamp}.xlsx");
            default:
                return NotFound();
        }
    }

    /// <summary>
    /// One row per response, one column per question (matched across versions by code); free text is
    /// masked. Answers are read in response order as a stream, so a large export never sits in memory.
    /// </summary>
    private async Task<byte[]> ResponsesCsvAsync(SurveyFilter filter, CancellationToken cancellationToken)
    {
        var versionIds = await Db.SurveyCampaigns.Where(c => c.PrefectureId == PrefectureId).Select(c => c.QuestionnaireVersionId).Distinct().ToListAsync(cancellationToken);
        var catalog = await survey.QuestionCatalogAsync(versionIds, cancellationToken);
        var columns = catalog.Questions.GroupBy(q => q.Code).Select(g => g.OrderByDescending(q => q.VersionId).First()).OrderBy(q => q.Order).ToList();
        var questionCode = catalog.Questions.ToDictionary(q => q.Id, q => q.Code);
        var optionLabel = catalog.Questions.SelectMany(q => q.Options).ToDictionary(o => o.Id, o => o.Label);
        var sites = await Db.Sites.Where(s => s.PrefectureId == PrefectureId).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var campaigns = await Db.SurveyCampaigns.Where(c => c.PrefectureId == PrefectureId).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

        var responses = survey.Responses(PrefectureId, filter);
        var answers = from a in Db.SurveyAnswers.AsNoTracking()
                      join r in responses on a.ResponseId equals r.Id
                      orderby r.Id
                      select new { r.Id, r.CampaignId, r.SiteId, r.Channel, r.SubmittedAtUtc, a.QuestionId, a.OptionId, a.Text };
        var headers = new List<string> { "Réponse", "Date", "Campagne", "Site", "Canal" };
        headers.AddRange(columns.Select(c => $"{c.Order}. {c.Text}"));
        var indexByCode = columns.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i);

        using var stream = new MemoryStream();
        await CsvExport.WriteAsync(stream, headers, Rows(), cancellationToken);
        return stream.ToArray();

        async IAsyncEnumerable<IReadOnlyList<string?>> Rows()
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
                    row[0] = (++number).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    row[1] = Format.Date(a.SubmittedAtUtc);
                    row[2] = campaigns.GetValueOrDefault(a.CampaignId);
                    row[3] = sites.GetValueOrDefault(a.SiteId);
                    row[4] = SurveyChannels.Label(a.Channel);
                }

                if (questionCode.TryGetValue(a.QuestionId, out var code) && indexByCode.TryGetValue(code, out var index))
                {
                    row![5 + index] = a.OptionId is { } option ? optionLabel.GetValueOrDefault(option) : a.Text is null ? null : PersonalDataMasker.Mask(a.Text);
                }
            }

            if (row is not null)
            {
                yield return row;
            }
        }
    }

    private async Task<byte[]> MysteryCsvAsync(CancellationToken cancellationToken)
    {
        var prefectureId = PrefectureId;
        var records = await Db.MysteryRecords.AsNoTracking().Include(r => r.Answers).Include(r => r.Scenario)
            .Where(r => r.Status == RecordStatus.Soumis && Db.MysteryCampaigns.Any(c => c.Id == r.CampaignId && c.EvaluatedPrefectureId == prefectureId))
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var gridIds = records.Select(r => r.GridVersionId).Distinct().ToList();
        var criteria = await Db.GridCriteria.AsNoTracking().Where(c => gridIds.Contains(c.GridVersionId)).ToListAsync(cancellationToken);
        var codes = criteria.OrderBy(c => c.Order).Select(c => (c.Code, c.Label)).DistinctBy(c => c.Code).ToList();
        var byId = criteria.ToDictionary(c => c.Id);
        var headers = new List<string> { "Fiche", "Canal", "Date", "Numéro ou adresse", "Question posée", "Issue", "Sonneries", "Attente (s)", "Accusé de réception", "Réponse", "Jours ouvrés", "Commentaire" };
        headers.AddRange(codes.Select(c => c.Label));
        var rows = records.Select(r =>
        {
            var row = new List<string?> { r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            switch (r)
            {
                case MysteryCallRecord call:
                    row.AddRange(["Appel", Format.Date(call.CalledAtUtc), call.NumberDialled, call.Scenario.Question, call.Outcome.ToString(), call.RingsBeforePickup?.ToString(System.Globalization.CultureInfo.InvariantCulture), call.WaitingSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, null]);
                    break;
                case MysteryEmailRecord email:
                    row.AddRange(["Courriel", Format.Date(email.SentAtUtc), email.Address, email.Scenario.Question, null, null, null,
                        email.AcknowledgedAtUtc is { } ack ? Format.Date(ack) : "", email.RepliedAtUtc is { } reply ? Format.Date(reply) : "", email.ReplyWorkingDays?.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                    break;
            }

            row.Add(r.Comment);
            foreach (var (code, _) in codes)
            {
                var answer = r.Answers.FirstOrDefault(a => byId.TryGetValue(a.CriterionId, out var c) && c.Code == code);
                row.Add(answer is null ? null : answer.Choice?.ToString() ?? answer.Scale?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? answer.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return (IReadOnlyList<string?>)row;
        });
        return CsvExport.Write(headers, rows);
    }
}
