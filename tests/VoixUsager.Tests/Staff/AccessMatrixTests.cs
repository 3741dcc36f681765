using System.Net;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Staff;

/// <summary>
/// Every staff page and action, for each role of the évalué (Cantal), of its partner (Allier), of an
/// unrelated préfecture (Drôme), the national administrator and anonymous: exactly the expected answer.
/// </summary>
public sealed class AccessMatrixTests : IClassFixture<AccessMatrixTests.App>
{
    public sealed class App : VoixUsagerAppFactory, IAsyncLifetime
    {
        public StaffTestData Data { get; private set; } = null!;

        public int SubmittedRecordId { get; private set; }

        public async Task InitializeAsync()
        {
            Data = await StaffTestData.SeedAsync(this);
            using var referent = StaffClient.For(this);
            await referent.SignInAsync(StaffTestData.Email("Referent", "allier"), StaffTestData.Password);
            var response = await referent.PostFormAsync($"/referent/appel/{Data.OtherCallScenarioId}", GridFields.ValidCall(this, Data.OtherCallScenarioId, submit: true));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            SubmittedRecordId = await WithDbAsync(db => db.MysteryRecords.Where(r => r.ScenarioId == Data.OtherCallScenarioId).Select(r => r.Id).SingleAsync());
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private readonly App _app;

    public AccessMatrixTests(App app) => _app = app;

    public static readonly string[] Actors =
    [
        "anonyme", "admin",
        "Qualite@cantal", "Referent@cantal",
        "Qualite@allier", "Referent@allier",
        "Qualite@drome", "Referent@drome",
    ];

    private const string Ok = "200";
    private const string Forbidden = "403";
    private const string Login = "login";

    /// <summary>Expected answer per actor, in the order of <see cref="Actors"/>.</summary>
    public static TheoryData<string, string, string> Pages => new()
    {
        { "GET", "/espace", $"{Login} {Ok} {Ok} {Ok} {Ok} {Ok} {Ok} {Ok}" },
        { "GET", "/compte/mot-de-passe", $"{Login} {Ok} {Ok} {Ok} {Ok} {Ok} {Ok} {Ok}" },
        { "GET", "/administration/campagnes-mysteres", $"{Login} {Ok} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
        { "GET", "/administration/campagnes-mysteres/nouvelle", $"{Login} {Ok} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
        { "GET", "/administration/utilisateurs", $"{Login} {Ok} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
        { "GET", "/administration/prefectures", $"{Login} {Ok} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
        { "GET", "/administration/grilles", $"{Login} {Ok} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
        { "GET", "/qualite/utilisateurs", $"{Login} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden}" },
        { "GET", "/qualite/services", $"{Login} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden}" },
        { "GET", "/qualite/journal", $"{Login} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden}" },
        { "GET", "/qualite/mystere", $"{Login} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden}" },
        { "GET", "/qualite/mystere/{campaign}", $"{Login} {Forbidden} {Ok} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
        { "GET", "/qualite/mystere/fiche/{record}", $"{Login} {Forbidden} {Ok} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
        { "GET", "/referent", $"{Login} {Forbidden} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok}" },
        { "GET", "/referent/appel/{callScenario}", $"{Login} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Ok} {Forbidden} {Forbidden}" },
        { "GET", "/referent/courriel/{emailScenario}", $"{Login} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Ok} {Forbidden} {Forbidden}" },
        { "POST", "/referent/appel/{callScenario}", $"{Login} {Forbidden} {Forbidden} {Forbidden} {Forbidden} 302 {Forbidden} {Forbidden}" },
        { "POST", "/qualite/utilisateurs", $"{Login} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden}" },
        { "POST", "/administration/utilisateurs", $"{Login} {Ok} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
    };

    private async Task<StaffClient> ClientAsync(string actor)
    {
        var client = StaffClient.For(_app);
        if (actor == "anonyme")
        {
            return client;
        }

        var email = actor == "admin" ? StaffTestData.AdminEmail : StaffTestData.Email(actor.Split('@')[0], actor.Split('@')[1]);
        var response = await client.SignInAsync(email, StaffTestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/espace", response.Headers.Location!.OriginalString);
        return client;
    }

    private string Resolve(string url) => url
        .Replace("{campaign}", _app.Data.CampaignId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{record}", _app.SubmittedRecordId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{callScenario}", _app.Data.CallScenarioId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{emailScenario}", _app.Data.EmailScenarioId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_actor_gets_exactly_what_it_should(string method, string template, string expectations)
    {
        var expected = expectations.Split(' ');
        var url = Resolve(template);
        var failures = new List<string>();
        for (var i = 0; i < Actors.Length; i++)
        {
            using var client = await ClientAsync(Actors[i]);
            HttpResponseMessage response;
            if (method == "GET")
            {
                response = await client.Http.GetAsync(url);
            }
            else
            {
                // A real form post with a valid antiforgery token, taken from a page this actor may read.
                var token = await TokenAsync(client);
                var fields = Fields(template, i).Append(new KeyValuePair<string, string>("__RequestVerificationToken", token ?? ""));
                response = await client.Http.PostAsync(url, new FormUrlEncodedContent(fields));
            }

            var actual = response.StatusCode switch
            {
                HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/connexion", StringComparison.Ordinal) => Login,
                var code => ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            if (actual != expected[i])
            {
                failures.Add($"{Actors[i]}: expected {expected[i]}, got {actual} ({response.Headers.Location})");
            }
        }

        Assert.True(failures.Count == 0, $"{method} {url}\n{string.Join("\n", failures)}");
    }

    private static async Task<string?> TokenAsync(StaffClient client)
    {
        var response = await client.Http.GetAsync("/compte/mot-de-passe");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        return StaffClient.Parse(await response.Content.ReadAsStringAsync())
            .QuerySelector("main form input[name=__RequestVerificationToken]")?.GetAttribute("value");
    }

    private IEnumerable<KeyValuePair<string, string>> Fields(string template, int actor) => template switch
    {
        "/referent/appel/{callScenario}" => GridFields.ValidCall(_app, _app.Data.CallScenarioId, submit: false),
        _ => [new("DisplayName", "Personne Invitée"), new("Email", $"invitee{actor}-{Guid.NewGuid():N}@test.fr"), new("Role", "Referent"), new("PrefectureId", _app.Data.DromeId.ToString(System.Globalization.CultureInfo.InvariantCulture))],
    };
}
