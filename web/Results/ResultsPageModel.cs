using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Data;
using VoixUsager.Results;
using VoixUsager.Surveys;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Results;

/// <summary>
/// What every results page shares: whose figures (a quality team sees its own préfecture, an
/// administrator chooses one with ?prefecture=), and the filters read from the query string.
/// </summary>
public abstract class ResultsPageModel(AppDbContext db, StaffUser staff) : StaffPageModel
{
    protected AppDbContext Db => db;

    protected StaffUser Staff => staff;

    public int PrefectureId { get; private set; }

    public string PrefectureName { get; private set; } = "";

    public IReadOnlyList<(int Id, string Name)> PrefectureChoices { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Campaigns { get; private set; } = [];

    /// <summary>Each campaign's state today (prévue, ouverte, close), shown beside its name.</summary>
    public IReadOnlyDictionary<int, CampaignState> CampaignStatesById { get; private set; } = new Dictionary<int, CampaignState>();

    /// <summary>The campaign shown when none is asked for: see <see cref="CampaignStates.DefaultCampaignIdAsync"/>.</summary>
    public int? DefaultCampaignId { get; private set; }

    public IReadOnlyList<(int Id, string Name)> Sites { get; private set; } = [];

    public IReadOnlyList<(int Id, string Label)> Motifs { get; private set; } = [];

    public SurveyFilter Filter { get; private set; } = new();

    /// <summary>The query string that reproduces the current filters, for chart and export links.</summary>
    public string FilterQuery { get; private set; } = "";

    private Dictionary<string, string> filterRouteData = [];

    /// <summary>
    /// The same filters as <see cref="FilterQuery"/>, as route values for asp-all-route-data: a fresh copy each
    /// time, because the anchor tag helper adds its asp-route-* values to the dictionary it is given.
    /// </summary>
    public IDictionary<string, string> FilterRouteData() => new Dictionary<string, string>(filterRouteData);

    /// <summary>Resolves the préfecture and loads the filter choices; null when the caller may go on.</summary>
    protected async Task<IActionResult?> ResolveAsync(CancellationToken cancellationToken)
    {
        if (staff.IsAdministrateur)
        {
            var prefectures = await db.Prefectures.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.DisplayName }).ToListAsync(cancellationToken);
            PrefectureChoices = prefectures.Select(p => (p.Id, p.DisplayName)).ToList();
            if (prefectures.Count == 0)
            {
                return NotFound();
            }

            var raw = Request.Query["prefecture"].ToString();
            if (raw.Length == 0)
            {
                PrefectureId = prefectures[0].Id;
            }
            else if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var chosen) || prefectures.All(p => p.Id != chosen))
            {
                Errors["prefecture"] = "Cette préfecture n’existe pas.";
                return null;
            }
            else
            {
                PrefectureId = chosen;
            }
        }
        else if (staff.IsQualite && staff.PrefectureId is { } own)
        {
            // A quality team sees its own préfecture only; asking for another one is refused, not ignored.
            if (Request.Query.ContainsKey("prefecture") && Request.Query["prefecture"] != own.ToString(CultureInfo.InvariantCulture))
            {
                return Forbid();
            }

            PrefectureId = own;
        }
        else
        {
            return Forbid();
        }

        PrefectureName = await db.Prefectures.Where(p => p.Id == PrefectureId).Select(p => p.DisplayName).SingleAsync(cancellationToken);
        var today = HttpContext.RequestServices.GetRequiredService<FranceClock>().Today;
        var campaigns = await db.SurveyCampaigns.AsNoTracking().Where(c => c.PrefectureId == PrefectureId).OrderByDescending(c => c.StartsOn)
            .Select(c => new { c.Id, c.Name, c.StartsOn, c.EndsOn, Closed = c.ClosedAtUtc != null }).ToListAsync(cancellationToken);
        Campaigns = campaigns.Select(c => (c.Id, c.Name)).ToList();
        CampaignStatesById = campaigns.ToDictionary(c => c.Id, c => CampaignStates.Of(c.StartsOn, c.EndsOn, c.Closed, today));
        DefaultCampaignId = await CampaignStates.DefaultCampaignIdAsync(db, PrefectureId, today, cancellationToken);
        Sites = (await db.Sites.AsNoTracking().Where(s => s.PrefectureId == PrefectureId).OrderBy(s => s.Kind).ThenBy(s => s.Name)
            .Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken)).Select(s => (s.Id, s.Name)).ToList();
        Motifs = (await db.QuestionOptions.AsNoTracking().Where(o => o.Question.Code == Questionnaires.DefaultQuestionnaire.Codes.Motif)
            .OrderBy(o => o.QuestionId).ThenBy(o => o.Order).Select(o => new { o.Id, o.Label }).ToListAsync(cancellationToken))
            .DistinctBy(o => o.Label).Select(o => (o.Id, o.Label)).ToList();
        return null;
    }

    /// <summary>Reads the filters; unreadable values become errors, shown with a 400.</summary>
    protected SurveyFilter ReadFilter(bool defaultToLatestCampaign = true)
    {
        int? Int(string name)
        {
            var raw = Request.Query[name].ToString();
            if (raw.Length == 0)
            {
                return null;
            }

            if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            Errors[name] = "Cette valeur de filtre n’est pas reconnue.";
            return null;
        }

        DateOnly? Date(string name)
        {
            var raw = Request.Query[name].ToString();
            if (raw.Length == 0)
            {
                return null;
            }

            if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            {
                return value;
            }

            Errors[name] = "Indiquez une date au format jj/mm/aaaa.";
            return null;
        }

        SurveyChannel? channel = null;
        var rawChannel = Request.Query["canal"].ToString();
        if (rawChannel.Length > 0)
        {
            if (Enum.TryParse<SurveyChannel>(rawChannel, out var parsed) && Enum.IsDefined(parsed))
            {
                channel = parsed;
            }
            else
            {
                Errors["canal"] = "Ce canal n’existe pas.";
            }
        }

        var campaign = Int("campagne");
        var from = Date("du");
        var to = Date("au");
        if (campaign is null && from is null && to is null && !Request.Query.ContainsKey("campagne") && defaultToLatestCampaign)
        {
            campaign = DefaultCampaignId;
        }

        Filter = new SurveyFilter(campaign, from, to, Int("site"), channel, Int("motif"));
        var query = new List<string>();
        var routeData = new Dictionary<string, string>();
        if (staff.IsAdministrateur)
        {
            query.Add($"prefecture={PrefectureId}");
            routeData["prefecture"] = PrefectureId.ToString(CultureInfo.InvariantCulture);
        }

        void Add(string name, object? value)
        {
            if (value is not null)
            {
                var text = Convert.ToString(value, CultureInfo.InvariantCulture)!;
                query.Add($"{name}={Uri.EscapeDataString(text)}");
                routeData[name] = text;
            }
        }

        Add("campagne", Filter.CampaignId);
        Add("du", Filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("au", Filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("site", Filter.SiteId);
        Add("canal", Filter.Channel);
        Add("motif", Filter.MotifOptionId);
        FilterQuery = string.Join('&', query);
        filterRouteData = routeData;
        return Filter;
    }

    /// <summary>The filters as the reader knows them, for the header and the name of an export.</summary>
    public IReadOnlyList<(string Name, string Value)> FilterDescription()
    {
        var filters = new List<(string Name, string Value)>();
        if (Filter.CampaignId is { } campaign)
        {
            filters.Add(("Campagne", Campaigns.FirstOrDefault(c => c.Id == campaign).Name ?? campaign.ToString(CultureInfo.InvariantCulture)));
        }
        else
        {
            filters.Add(("Campagne", "toutes les campagnes"));
        }

        if (Filter.From is { } from)
        {
            filters.Add(("Du", from.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)));
        }

        if (Filter.To is { } to)
        {
            filters.Add(("Au", to.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)));
        }

        if (Filter.SiteId is { } site)
        {
            filters.Add(("Site", Sites.FirstOrDefault(s => s.Id == site).Name ?? site.ToString(CultureInfo.InvariantCulture)));
        }

        if (Filter.Channel is { } channel)
        {
            filters.Add(("Canal", SurveyChannels.Label(channel)));
        }

        if (Filter.MotifOptionId is { } motif)
        {
            filters.Add(("Motif", Motifs.FirstOrDefault(m => m.Id == motif).Label ?? motif.ToString(CultureInfo.InvariantCulture)));
        }

        return filters;
    }

    /// <summary>The préfecture part of a link, for administrators who chose one.</summary>
    public string PrefectureQuery => staff.IsAdministrateur ? $"prefecture={PrefectureId}" : "";

    /// <summary>The préfecture part of a link, as route values for asp-all-route-data.</summary>
    /// <remarks>A fresh dictionary each time: the anchor tag helper adds its asp-route-* values to it.</remarks>
    public IDictionary<string, string> PrefectureRouteData() => staff.IsAdministrateur
        ? new Dictionary<string, string> { ["prefecture"] = PrefectureId.ToString(CultureInfo.InvariantCulture) }
        : new Dictionary<string, string>();

    /// <summary>The route values of a link or redirect that stays on the same préfecture, plus <paramref name="values"/>.</summary>
    protected Microsoft.AspNetCore.Routing.RouteValueDictionary PrefectureRoute(object? values = null)
    {
        // The préfecture comes first, as in every other results link.
        var route = new Microsoft.AspNetCore.Routing.RouteValueDictionary();
        if (staff.IsAdministrateur)
        {
            route["prefecture"] = PrefectureId;
        }

        foreach (var (name, value) in new Microsoft.AspNetCore.Routing.RouteValueDictionary(values))
        {
            route[name] = value;
        }

        return route;
    }
}
