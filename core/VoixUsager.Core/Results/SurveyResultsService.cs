using Microsoft.EntityFrameworkCore;
using VoixUsager.Calendar;
using VoixUsager.Data;
using VoixUsager.Questionnaires;
using VoixUsager.Results.Statistics;
using VoixUsager.Surveys;

namespace VoixUsager.Results;

/// <summary>
/// The survey figures of one préfecture. Counting happens in the database with grouped queries that
/// every provider translates; only the counts (a few hundred rows at most) come back into memory.
/// </summary>
public sealed class SurveyResultsService(AppDbContext db)
{
    public async Task<Dictionary<string, string>> ValidateAsync(int prefectureId, SurveyFilter filter, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (filter.CampaignId is { } campaignId && !await db.SurveyCampaigns.AnyAsync(c => c.Id == campaignId && c.PrefectureId == prefectureId, cancellationToken))
        {
            errors["campagne"] = "Cette campagne n’existe pas pour votre préfecture.";
        }

        if (filter.SiteId is { } siteId && !await db.Sites.AnyAsync(s => s.Id == siteId && s.PrefectureId == prefectureId, cancellationToken))
        {
            errors["site"] = "Ce site n’existe pas pour votre préfecture.";
        }

        if (filter.MotifOptionId is { } optionId && !await db.QuestionOptions.AnyAsync(o => o.Id == optionId && o.Question.Code == DefaultQuestionnaire.Codes.Motif, cancellationToken))
        {
            errors["motif"] = "Ce motif de visite n’existe pas.";
        }

        if (filter.From is { } from && filter.To is { } to && to < from)
        {
            errors["du"] = "La date de début doit précéder la date de fin.";
        }

        if (filter.Channel is { } channel && !Enum.IsDefined(channel))
        {
            errors["canal"] = "Ce canal n’existe pas.";
        }

        return errors;
    }

    public IQueryable<SurveyResponse> Responses(int prefectureId, SurveyFilter filter)
    {
        var query = db.SurveyResponses.AsNoTracking().Where(r => r.Campaign.PrefectureId == prefectureId);
        if (filter.CampaignId is { } campaignId)
        {
            query = query.Where(r => r.CampaignId == campaignId);
        }

        if (filter.From is { } from)
        {
            var fromUtc = FrenchTimeZones.ParisToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(r => r.SubmittedAtUtc >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = FrenchTimeZones.ParisToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(r => r.SubmittedAtUtc < toUtc);
        }

        if (filter.CutoffUtc is { } cutoff)
        {
            query = query.Where(r => r.SubmittedAtUtc <= cutoff);
        }

        if (filter.SiteId is { } siteId)
        {
            query = query.Where(r => r.SiteId == siteId);
        }

        if (filter.Channel is { } channel)
        {
            query = query.Where(r => r.Channel == channel);
        }

        if (filter.MotifOptionId is { } motif)
        {
            query = query.Where(r => r.Answers.Any(a => a.OptionId == motif));
        }

        return query;
    }

    /// <summary>
    /// What a result is computed from besides the responses: the préfecture's name, campaigns, question
    /// catalogue, sites and visitor counts. A few small rows, read on every request; their
    /// <see cref="Fingerprint"/> goes into the results cache key, so a renamed site or a new visitor count
    /// shows at once, like a new response does.
    /// </summary>
    public sealed record ResultsContext(
        string PrefectureName,
        IReadOnlyList<SurveyCampaign> Campaigns,
        QuestionCatalog Catalog,
        IReadOnlyList<Prefectures.Site> Sites,
        IReadOnlyList<SiteMonthlyVisitors> Visitors,
        DateOnly Today)
    {
        public string Fingerprint()
        {
            var text = new System.Text.StringBuilder();
            text.Append(PrefectureName).Append('|').Append(Today.DayNumber);
            foreach (var c in Campaigns)
            {
                text.Append("|c").Append(c.Id).Append(',').Append(c.Name).Append(',').Append(c.StartsOn.DayNumber).Append(',').Append(c.EndsOn.DayNumber).Append(',').Append(c.QuestionnaireVersionId);
            }

            foreach (var versionId in Catalog.VersionLabels?.Keys.Order() ?? Enumerable.Empty<int>())
            {
                text.Append("|q").Append(versionId);
            }

            foreach (var s in Sites)
            {
                text.Append("|s").Append(s.Id).Append(',').Append(s.Name).Append(',').Append((int)s.Kind);
            }

            foreach (var v in Visitors.OrderBy(v => v.SiteId).ThenBy(v => v.Month))
            {
                text.Append("|v").Append(v.SiteId).Append(',').Append(v.Month.DayNumber).Append(',').Append(v.Visitors);
            }

            return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
        }
    }

    /// <summary>What changes when a response of the préfecture is stored or deleted: the latest id and the count.</summary>
    public sealed record ResponsesMarker(long LatestResponseId, int Responses);

    public async Task<ResponsesMarker> ResponsesMarkerAsync(int prefectureId, CancellationToken cancellationToken)
    {
        var row = await db.SurveyResponses.Where(r => r.Campaign.PrefectureId == prefectureId)
            .GroupBy(r => 1)
            .Select(g => new { Latest = g.Max(r => r.Id), Count = g.Count() })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? new ResponsesMarker(0, 0) : new ResponsesMarker(row.Latest, row.Count);
    }

    public async Task<ResultsContext> LoadContextAsync(int prefectureId, SurveyFilter filter, CancellationToken cancellationToken) =>
        await LoadContextAsync(prefectureId, filter, await AnsweredVersionIdsAsync(prefectureId, cancellationToken), cancellationToken);

    /// <summary>The context, with the versions the responses answered already known (see <see cref="AnsweredVersionIdsAsync"/>).</summary>
    public async Task<ResultsContext> LoadContextAsync(int prefectureId, SurveyFilter filter, IReadOnlyList<int> answeredVersionIds, CancellationToken cancellationToken)
    {
        var prefectureName = await db.Prefectures.Where(p => p.Id == prefectureId).Select(p => p.DisplayName).SingleAsync(cancellationToken);
        var campaigns = await db.SurveyCampaigns.AsNoTracking().Where(c => c.PrefectureId == prefectureId).OrderBy(c => c.StartsOn).ToListAsync(cancellationToken);
        var catalog = await QuestionCatalogAsync(await VersionIdsAsync(prefectureId, answeredVersionIds, cancellationToken), cancellationToken);
        var sites = await db.Sites.AsNoTracking().Where(s => s.PrefectureId == prefectureId).OrderBy(s => s.Kind).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var campaign = filter.CampaignId is { } id ? campaigns.SingleOrDefault(c => c.Id == id) : null;
        var (from, to) = RepresentativenessPeriod(campaign, filter, today);
        var siteIds = sites.Select(s => s.Id).ToList();
        var visitors = await db.SiteMonthlyVisitors.AsNoTracking()
            .Where(v => siteIds.Contains(v.SiteId) && v.Month >= from && v.Month <= to)
            .ToListAsync(cancellationToken);
        return new ResultsContext(prefectureName, campaigns, catalog, sites, visitors, today);
    }

    public async Task<SurveyResults> ComputeAsync(int prefectureId, SurveyFilter filter, CancellationToken cancellationToken) =>
        await ComputeAsync(prefectureId, filter, await LoadContextAsync(prefectureId, filter, cancellationToken), cancellationToken);

    /// <summary>Every figure of the dashboard from the context already read; the grouped counts run here.</summary>
    public async Task<SurveyResults> ComputeAsync(int prefectureId, SurveyFilter filter, ResultsContext context, CancellationToken cancellationToken)
    {
        var prefectureName = context.PrefectureName;
        var campaigns = context.Campaigns;
        var catalog = context.Catalog;

        var responses = Responses(prefectureId, filter);

        // Two grouped reads give every count of the page: the answers per campaign, site, channel, language,
        // question and option over every campaign the filter allows (the trend and the previous campaign
        // need them all, and without a date range the campaign shown is among them), and the responses per
        // site and questionnaire. Each figure below sums its own rows of them; a date range reads the
        // answers it shows once more.
        // The trend and the previous campaign ignore the campaign and date filters on purpose.
        var trendFilter = filter with { CampaignId = null, From = null, To = null };
        var everyCampaign = await CountAnswersAsync(Responses(prefectureId, trendFilter), cancellationToken);
        var shown = filter.From is null && filter.To is null
            ? everyCampaign.Where(c => filter.CampaignId is not { } shownId || c.CampaignId == shownId).ToList()
            : await CountAnswersAsync(responses, cancellationToken);
        var perResponse = await responses.GroupBy(r => new { r.SiteId, r.QuestionnaireVersionId })
            .Select(g => new { g.Key.SiteId, g.Key.QuestionnaireVersionId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var count = perResponse.Sum(r => r.Count);
        var counts = OptionCounts(shown);
        var respondents = await CountRespondentsAsync(responses, cancellationToken);
        var byVersion = perResponse.GroupBy(r => r.QuestionnaireVersionId).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        IReadOnlyList<QuestionnaireCount> Sources(IEnumerable<int> versionIds) => versionIds.Distinct()
            .Where(byVersion.ContainsKey)
            .OrderByDescending(v => byVersion[v]).ThenBy(v => catalog.VersionLabel(v), StringComparer.Ordinal)
            .Select(v => new QuestionnaireCount(catalog.VersionLabel(v), byVersion[v]))
            .ToList();

        var campaign = filter.CampaignId is { } id ? campaigns.Single(c => c.Id == id) : null;
        var previous = campaign is null ? null : campaigns.LastOrDefault(c => c.StartsOn < campaign.StartsOn);
        var previousCounts = previous is null ? null : OptionCounts(everyCampaign.Where(c => c.CampaignId == previous.Id));

        var questions = catalog.Questions
            .GroupBy(q => q.Code)
            .Select(g =>
            {
                var first = g.OrderByDescending(q => q.VersionId).First();
                var options = first.Options.Select(o => new OptionCount(o.Code, o.Label,
                    g.Sum(q => q.Options.Where(x => x.Code == o.Code).Sum(x => counts.GetValueOrDefault((q.Id, x.Id)))))).ToList();
                ScaleSummary? scale = null;
                ProportionComparison? comparison = null;
                if (first.Kind == QuestionKind.SatisfactionScale)
                {
                    scale = Summarise(g, counts);
                    if (previousCounts is not null)
                    {
                        comparison = TwoProportionTest.Compare(scale.TopTwoBox, Summarise(g, previousCounts).TopTwoBox);
                    }
                }
                else if (first.Kind == QuestionKind.FreeText)
                {
                    options = [];
                }

                ZeroToTenSummary? zeroToTen = null;
                if (first.Kind == QuestionKind.ZeroToTen)
                {
                    zeroToTen = ZeroToTenSummary.From(g
                        .SelectMany(q => q.Options.Where(o => o.Score is not null).Select(o => (Score: o.Score!.Value, Count: counts.GetValueOrDefault((q.Id, o.Id)))))
                        .GroupBy(x => x.Score)
                        .ToDictionary(x => x.Key, x => x.Sum(y => y.Count)));
                }

                return new QuestionResult(first.Code, first.Order, first.Text, first.Kind, options, scale, comparison,
                    g.Sum(q => respondents.GetValueOrDefault(q.Id)), zeroToTen, Sources(g.Select(q => q.VersionId)));
            })
            .OrderBy(q => q.Order)
            .ToList();

        var global = catalog.Questions.Where(q => q.Code == DefaultQuestionnaire.Codes.SatisfactionGlobale).ToList();
        var globalIds = global.Select(q => q.Id).ToHashSet();
        var sites = context.Sites;
        var shownGlobal = shown.Where(c => globalIds.Contains(c.QuestionId)).ToList();
        static Dictionary<int, int> PerOption(IEnumerable<AnswerCount> rows) =>
            rows.GroupBy(c => c.OptionId).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));

        var bySite = sites
            .Select(s => new BreakdownRow(s.Name, SummariseOptions(global, PerOption(shownGlobal.Where(c => c.SiteId == s.Id)))))
            .ToList();

        var byChannel = Enum.GetValues<SurveyChannel>()
            .Select(ch => new BreakdownRow(SurveyChannels.Label(ch), SummariseOptions(global, PerOption(shownGlobal.Where(c => c.Channel == ch)))))
            .Where(row => row.Satisfaction.Expressed + row.Satisfaction.SansAvis > 0)
            .ToList();

        // Answers store option ids, so every language counts in the same figures; this only splits them.
        var byLanguage = shownGlobal
            .Select(c => c.Language)
            .Distinct()
            .OrderBy(l => l != QuestionnaireLanguages.French).ThenBy(l => l, StringComparer.Ordinal)
            .Select(l => new BreakdownRow(LanguageLabel(l), SummariseOptions(global, PerOption(shownGlobal.Where(c => c.Language == l)))))
            .ToList();

        var trendGlobal = everyCampaign.Where(c => globalIds.Contains(c.QuestionId)).ToList();
        var trend = campaigns
            .Select(c =>
            {
                var summary = SummariseOptions(global, PerOption(trendGlobal.Where(t => t.CampaignId == c.Id)));
                return (c.Name, summary.TopTwoBox.Total == 0 ? (double?)null : summary.TopTwoBox.Rate);
            })
            .ToList();

        var representativeness = Representativeness(context, perResponse.GroupBy(r => r.SiteId).ToDictionary(g => g.Key, g => g.Sum(r => r.Count)));
        var scope = campaign?.Name ?? (filter.From is not null || filter.To is not null
            ? $"du {filter.From?.ToString("dd/MM/yyyy") ?? "début"} au {filter.To?.ToString("dd/MM/yyyy") ?? "aujourd’hui"}"
            : "toutes les campagnes");
        return new SurveyResults(prefectureName, scope, filter.CutoffUtc, count, questions, bySite, byChannel, representativeness, previous?.Name, trend, byLanguage,
            Sources(byVersion.Keys));
    }

    /// <summary>"Français", "Anglais", "Arabe": the language's French name, as the results are read in French.</summary>
    public static string LanguageLabel(string language)
    {
        var name = QuestionnaireLanguages.FrenchName(language);
        return name.Length == 0 ? language : char.ToUpper(name[0], System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) + name[1..];
    }

    public sealed record NationalRow(int PrefectureId, string Prefecture, int Responses, Proportion Satisfaction);

    /// <summary>
    /// Every préfecture at a glance, for administrators: responses and overall satisfaction, from
    /// <see cref="SatisfactionCountsAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<NationalRow>> NationalOverviewAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var prefectures = await db.Prefectures.AsNoTracking().Select(p => new { p.Id, p.DisplayName }).ToListAsync(cancellationToken);
        var totals = await SatisfactionCountsAsync(null, from, to, null, cancellationToken);
        return prefectures.Select(p =>
        {
            var counts = totals.GetValueOrDefault(p.Id, NationalCounts.None);
            return new NationalRow(p.Id, p.DisplayName, counts.Responses, counts.Satisfaction);
        }).OrderBy(r => r.Prefecture, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
    }

    /// <summary>
    /// The responses and overall-satisfaction answers per préfecture (or of one) submitted on the Paris
    /// days [<paramref name="from"/>, <paramref name="to"/>] and at or before <paramref name="cutoffUtc"/>:
    /// the national overview's figures and the satisfaction indicator's. Complete days come from the daily
    /// counts (<see cref="NationalDailyCount"/>), those the job has not reached yet (today, missed nights)
    /// and the cut-off's own day are counted live by <see cref="CountNationalAsync(DateTime?, DateTime?, DateTime?, int?, CancellationToken)"/>,
    /// the same count the job stores, so the figure is exact and a new response shows at once. A day
    /// before the cut-off's day was over before the cut-off, so its stored count holds.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, NationalCounts>> SatisfactionCountsAsync(int? prefectureId, DateOnly? from, DateOnly? to, DateTime? cutoffUtc, CancellationToken cancellationToken)
    {
        var watermark = await db.NationalDailyCountsWatermarks.AsNoTracking().Select(w => (DateOnly?)w.CompleteBefore).SingleOrDefaultAsync(cancellationToken);
        var storedBefore = watermark is { } w && cutoffUtc is { } c && FranceClock.DateOf(c) < w ? FranceClock.DateOf(c) : watermark;
        var totals = new Dictionary<int, NationalCounts>();
        void Add(int id, NationalCounts counts) =>
            totals[id] = totals.TryGetValue(id, out var sum) ? sum + counts : counts;

        DateOnly? liveFrom = from;
        if (storedBefore is { } completeBefore)
        {
            var days = db.NationalDailyCounts.AsNoTracking().Where(c => c.Day < completeBefore);
            if (prefectureId is { } id)
            {
                days = days.Where(c => c.PrefectureId == id);
            }

            if (from is { } f)
            {
                days = days.Where(c => c.Day >= f);
            }

            if (to is { } t)
            {
                days = days.Where(c => c.Day <= t);
            }

            var stored = await days.GroupBy(c => c.PrefectureId)
                .Select(g => new
                {
                    PrefectureId = g.Key,
                    Responses = g.Sum(c => c.Responses),
                    Score4 = g.Sum(c => c.Score4),
                    Score3 = g.Sum(c => c.Score3),
                    Score2 = g.Sum(c => c.Score2),
                    Score1 = g.Sum(c => c.Score1),
                    SansAvis = g.Sum(c => c.SansAvis),
                })
                .ToListAsync(cancellationToken);
            foreach (var row in stored)
            {
                Add(row.PrefectureId, new NationalCounts(row.Responses, row.Score4, row.Score3, row.Score2, row.Score1, row.SansAvis));
            }

            liveFrom = from is { } start && start > completeBefore ? start : completeBefore;
        }

        if (to is null || liveFrom is null || liveFrom <= to)
        {
            var fromUtc = liveFrom is { } l ? FrenchTimeZones.ParisToUtc(l.ToDateTime(TimeOnly.MinValue)) : (DateTime?)null;
            var toUtc = to is { } t ? FrenchTimeZones.ParisToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue)) : (DateTime?)null;
            foreach (var (id, counts) in await CountNationalAsync(fromUtc, toUtc, cutoffUtc, prefectureId, cancellationToken))
            {
                Add(id, counts);
            }
        }

        return totals;
    }

    /// <summary>A préfecture's responses and its answers to the overall-satisfaction question, per score.</summary>
    public sealed record NationalCounts(int Responses, int Score4, int Score3, int Score2, int Score1, int SansAvis)
    {
        public static readonly NationalCounts None = new(0, 0, 0, 0, 0, 0);

        public static NationalCounts operator +(NationalCounts a, NationalCounts b) => new(
            a.Responses + b.Responses, a.Score4 + b.Score4, a.Score3 + b.Score3, a.Score2 + b.Score2, a.Score1 + b.Score1, a.SansAvis + b.SansAvis);

        /// <summary>The share of "satisfied" answers, as the scale defines it.</summary>
        public Proportion Satisfaction => SatisfactionScale.Summarize(Score4, Score3, Score2, Score1, SansAvis).TopTwoBox;
    }

    /// <summary>
    /// The one count behind the national overview, per préfecture, over the responses submitted in
    /// [<paramref name="fromUtc"/>, <paramref name="toUtc"/>): the daily counts store it per Paris day,
    /// the overview runs it live on the days not stored yet.
    /// </summary>
    public Task<IReadOnlyDictionary<int, NationalCounts>> CountNationalAsync(DateTime? fromUtc, DateTime? toUtc, CancellationToken cancellationToken) =>
        CountNationalAsync(fromUtc, toUtc, null, null, cancellationToken);

    /// <summary>The same count, also bounded by a cut-off (inclusive) and, when given, for one préfecture.</summary>
    public async Task<IReadOnlyDictionary<int, NationalCounts>> CountNationalAsync(DateTime? fromUtc, DateTime? toUtc, DateTime? cutoffUtc, int? prefectureId, CancellationToken cancellationToken)
    {
        var responses = db.SurveyResponses.AsNoTracking().AsQueryable();
        if (fromUtc is { } f)
        {
            responses = responses.Where(r => r.SubmittedAtUtc >= f);
        }

        if (toUtc is { } t)
        {
            responses = responses.Where(r => r.SubmittedAtUtc < t);
        }

        if (cutoffUtc is { } cutoff)
        {
            responses = responses.Where(r => r.SubmittedAtUtc <= cutoff);
        }

        if (prefectureId is { } id)
        {
            var campaignIds = db.SurveyCampaigns.Where(c => c.PrefectureId == id).Select(c => c.Id);
            responses = responses.Where(r => campaignIds.Contains(r.CampaignId));
        }

        // Grouped by campaign, not joined to the campaigns: left to a range on the submission time alone,
        // the database reads only the responses of the period (SQLite otherwise walks every campaign's
        // responses); the campaigns' préfectures are a few hundred rows, mapped here.
        var counts = await responses.GroupBy(r => r.CampaignId).Select(g => new { CampaignId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var options = await db.QuestionOptions.AsNoTracking()
            .Where(o => o.Question.Code == DefaultQuestionnaire.Codes.SatisfactionGlobale)
            .Select(o => new { o.Id, o.Score }).ToListAsync(cancellationToken);
        var optionIds = options.Select(o => o.Id).ToList();
        var satisfaction = await (from a in db.SurveyAnswers
                                  join r in responses on a.ResponseId equals r.Id
                                  where a.OptionId != null && optionIds.Contains(a.OptionId.Value)
                                  group a by new { r.CampaignId, a.OptionId } into g
                                  select new { g.Key.CampaignId, g.Key.OptionId, Count = g.Count() }).ToListAsync(cancellationToken);
        var prefectureOf = await db.SurveyCampaigns.Select(c => new { c.Id, c.PrefectureId }).ToDictionaryAsync(c => c.Id, c => c.PrefectureId, cancellationToken);
        var scoreOf = options.ToDictionary(o => o.Id, o => o.Score);
        var totals = new Dictionary<int, NationalCounts>();
        foreach (var c in counts)
        {
            var owner = prefectureOf[c.CampaignId];
            totals[owner] = totals.GetValueOrDefault(owner, NationalCounts.None) + NationalCounts.None with { Responses = c.Count };
        }

        foreach (var s in satisfaction)
        {
            var owner = prefectureOf[s.CampaignId];
            var one = scoreOf[s.OptionId!.Value] switch
            {
                4 => NationalCounts.None with { Score4 = s.Count },
                3 => NationalCounts.None with { Score3 = s.Count },
                2 => NationalCounts.None with { Score2 = s.Count },
                1 => NationalCounts.None with { Score1 = s.Count },
                null => NationalCounts.None with { SansAvis = s.Count },
                _ => NationalCounts.None,
            };
            totals[owner] = totals.GetValueOrDefault(owner, NationalCounts.None) + one;
        }

        return totals;
    }

    /// <summary>
    /// The months representativeness covers: the campaign's, the date range's, or the last twelve months.
    /// </summary>
    private static (DateOnly FirstMonth, DateOnly To) RepresentativenessPeriod(SurveyCampaign? campaign, SurveyFilter filter, DateOnly today)
    {
        var to = filter.To ?? campaign?.EndsOn ?? today;
        var from = filter.From ?? campaign?.StartsOn ?? to.AddMonths(-12);
        return (new DateOnly(from.Year, from.Month, 1), to);
    }

    /// <summary>Responses against 10 % of the site's average monthly visitors, over the months of the period shown.</summary>
    private static IReadOnlyList<RepresentativenessRow> Representativeness(ResultsContext context, Dictionary<int, int> perSite)
    {
        var visitors = context.Visitors;
        return context.Sites.Select(s =>
        {
            var months = visitors.Where(v => v.SiteId == s.Id).ToList();
            var responsesHere = perSite.GetValueOrDefault(s.Id);
            if (months.Count == 0)
            {
                return new RepresentativenessRow(s.Name, responsesHere, null, null, null);
            }

            var average = months.Average(m => m.Visitors);
            var target = (int)Math.Ceiling(average * 0.10);
            return new RepresentativenessRow(s.Name, responsesHere, average, target, responsesHere >= target);
        }).ToList();
    }

    /// <summary>The answers given to an option, per campaign, site, channel, language, question and option: the finest grain any figure needs.</summary>
    private sealed record AnswerCount(int CampaignId, int SiteId, SurveyChannel Channel, string Language, int QuestionId, int OptionId, int Count);

    private async Task<List<AnswerCount>> CountAnswersAsync(IQueryable<SurveyResponse> responses, CancellationToken cancellationToken)
    {
        var rows = await (from a in db.SurveyAnswers
                          join r in responses on a.ResponseId equals r.Id
                          where a.OptionId != null
                          group a by new { r.CampaignId, r.SiteId, r.Channel, r.Language, a.QuestionId, a.OptionId } into g
                          select new { g.Key.CampaignId, g.Key.SiteId, g.Key.Channel, g.Key.Language, g.Key.QuestionId, g.Key.OptionId, Count = g.Count() }).ToListAsync(cancellationToken);
        return rows.Select(r => new AnswerCount(r.CampaignId, r.SiteId, r.Channel, r.Language, r.QuestionId, r.OptionId!.Value, r.Count)).ToList();
    }

    private static Dictionary<(int QuestionId, int OptionId), int> OptionCounts(IEnumerable<AnswerCount> rows) =>
        rows.GroupBy(r => (r.QuestionId, r.OptionId)).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));

    /// <summary>Per question, the responses that gave it at least one answer (a multiple choice has one row per ticked box).</summary>
    private async Task<Dictionary<int, int>> CountRespondentsAsync(IQueryable<SurveyResponse> responses, CancellationToken cancellationToken)
    {
        var rows = await (from a in db.SurveyAnswers
                          join r in responses on a.ResponseId equals r.Id
                          group a by a.QuestionId into g
                          select new { QuestionId = g.Key, Count = g.Select(x => x.ResponseId).Distinct().Count() }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.QuestionId, r => r.Count);
    }

    /// <summary>
    /// Every questionnaire version the préfecture's responses may have answered: the campaigns', the ones
    /// assigned to a site or channel, and those answered before a team switched a running campaign.
    /// </summary>
    public async Task<IReadOnlyList<int>> VersionIdsAsync(int prefectureId, CancellationToken cancellationToken) =>
        await VersionIdsAsync(prefectureId, await AnsweredVersionIdsAsync(prefectureId, cancellationToken), cancellationToken);

    /// <summary>The versions of <see cref="VersionIdsAsync(int, CancellationToken)"/> with the answered ones already known.</summary>
    public async Task<IReadOnlyList<int>> VersionIdsAsync(int prefectureId, IReadOnlyList<int> answered, CancellationToken cancellationToken)
    {
        var campaigns = await db.SurveyCampaigns.Where(c => c.PrefectureId == prefectureId).Select(c => c.QuestionnaireVersionId).ToListAsync(cancellationToken);
        var assigned = await db.SurveyCampaignQuestionnaires.Where(a => a.Campaign.PrefectureId == prefectureId).Select(a => a.QuestionnaireVersionId).ToListAsync(cancellationToken);
        return campaigns.Concat(assigned).Concat(answered).Distinct().Order().ToList();
    }

    /// <summary>
    /// The versions the préfecture's responses answered: a read of every response of the préfecture (tens
    /// of milliseconds for ten thousand), which only a new or deleted response can change, so the results
    /// cache keeps it under the <see cref="ResponsesMarker"/>.
    /// </summary>
    public async Task<IReadOnlyList<int>> AnsweredVersionIdsAsync(int prefectureId, CancellationToken cancellationToken) =>
        await db.SurveyResponses.Where(r => r.Campaign.PrefectureId == prefectureId).Select(r => r.QuestionnaireVersionId).Distinct().ToListAsync(cancellationToken);

    private static ScaleSummary Summarise(IEnumerable<CatalogQuestion> versions, Dictionary<(int QuestionId, int OptionId), int> counts)
    {
        int Count(int? score) => versions.Sum(q => q.Options.Where(o => o.Score == score).Sum(o => counts.GetValueOrDefault((q.Id, o.Id))));
        return SatisfactionScale.Summarize(Count(4), Count(3), Count(2), Count(1), Count(null));
    }

    private static ScaleSummary SummariseOptions(IEnumerable<CatalogQuestion> versions, Dictionary<int, int> countsByOption)
    {
        int Count(int? score) => versions.Sum(q => q.Options.Where(o => o.Score == score).Sum(o => countsByOption.GetValueOrDefault(o.Id)));
        return SatisfactionScale.Summarize(Count(4), Count(3), Count(2), Count(1), Count(null));
    }

    public sealed record CatalogOption(int Id, string Code, string Label, int? Score);

    public sealed record CatalogQuestion(int Id, int VersionId, string Code, int Order, string Text, QuestionKind Kind, IReadOnlyList<CatalogOption> Options);

    public sealed record QuestionCatalog(IReadOnlyList<CatalogQuestion> Questions, IReadOnlyDictionary<int, string>? VersionLabels = null)
    {
        /// <summary>"Accueil v2": the version's title and number, as results name their sources.</summary>
        public string VersionLabel(int versionId) => VersionLabels?.GetValueOrDefault(versionId) ?? $"Questionnaire {versionId}";
    }

    /// <summary>The questions of every questionnaire version the préfecture's campaigns used, matched across versions by code.</summary>
    public async Task<QuestionCatalog> QuestionCatalogAsync(IReadOnlyList<int> versionIds, CancellationToken cancellationToken)
    {
        var questions = await db.Questions.AsNoTracking().Include(q => q.Options)
            .Where(q => versionIds.Contains(q.QuestionnaireVersionId))
            .ToListAsync(cancellationToken);
        var versions = await db.QuestionnaireVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
            .Select(v => new { v.Id, v.Title, v.VersionNumber }).ToListAsync(cancellationToken);
        return new QuestionCatalog(questions
            .Select(q => new CatalogQuestion(q.Id, q.QuestionnaireVersionId, q.Code, q.Order, q.Text, q.Kind,
                q.Options.OrderBy(o => o.Order).Select(o => new CatalogOption(o.Id, o.Code, o.Label, o.Score)).ToList()))
            .ToList(),
            versions.ToDictionary(v => v.Id, v => QuestionnaireVersionLabel(v.Title, v.VersionNumber)));
    }

    public static string QuestionnaireVersionLabel(string title, int versionNumber) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{title} v{versionNumber}");
}
