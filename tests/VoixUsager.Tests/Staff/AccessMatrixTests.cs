using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Accounts;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Staff;

/// <summary>
/// Every staff page and action, for each role of the évalué (Cantal), of its partner (Allier), of an
/// unrelated préfecture (Drôme), a service owner of the évalué, the national administrator and anonymous:
/// exactly the expected answer. The service owner has one case and one action of their service, next to
/// a case and an action of another service.
/// </summary>
public sealed class AccessMatrixTests : IClassFixture<AccessMatrixTests.App>
{
    public sealed class App : VoixUsagerAppFactory, IAsyncLifetime
    {
        public StaffTestData Data { get; private set; } = null!;

        public int SubmittedRecordId { get; private set; }

        public int OwnCaseId { get; private set; }

        public int OtherCaseId { get; private set; }

        public int OwnActionId { get; private set; }

        public int OtherActionId { get; private set; }

        public async Task InitializeAsync()
        {
            Data = await StaffTestData.SeedAsync(this);
            using var referent = StaffClient.For(this);
            await referent.SignInAsync(StaffTestData.Email("Referent", "allier"), StaffTestData.Password);
            var response = await referent.PostFormAsync($"/referent/appel/{Data.OtherCallScenarioId}", GridFields.ValidCall(this, Data.OtherCallScenarioId, submit: true));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            SubmittedRecordId = await WithDbAsync(db => db.MysteryRecords.Where(r => r.ScenarioId == Data.OtherCallScenarioId).Select(r => r.Id).SingleAsync());
            (OwnCaseId, OtherCaseId, OwnActionId, OtherActionId) = await WithDbAsync(async db =>
            {
                var mine = new VoixUsager.Register.OwnerService { PrefectureId = Data.CantalId, Name = "Bureau des titres" };
                var other = new VoixUsager.Register.OwnerService { PrefectureId = Data.CantalId, Name = "Accueil général" };
                db.OwnerServices.AddRange(mine, other);
                await db.SaveChangesAsync();
                var today = DateOnly.FromDateTime(DateTime.UtcNow);
                VoixUsager.Register.RegisterCase Case(int serviceId) => new()
                {
                    PrefectureId = Data.CantalId, OwnerServiceId = serviceId, Kind = VoixUsager.Register.CaseKind.Reclamation, Subject = VoixUsager.Register.CaseSubject.Attente,
                    Channel = VoixUsager.Register.CaseChannel.Courrier, Text = "Attente", ReceivedOn = today, AcknowledgementDueOn = today, DueOn = today, CreatedAtUtc = DateTime.UtcNow,
                    Attachment = new VoixUsager.Register.RegisterAttachment { FileName = "fiche.pdf", ContentType = "application/pdf", Content = "%PDF-1.4\n"u8.ToArray() },
                };
                var (ownCase, otherCase) = (Case(mine.Id), Case(other.Id));
                VoixUsager.ActionPlan.PlanAction Action(int serviceId) => new() { PrefectureId = Data.CantalId, OwnerServiceId = serviceId, Title = "Signalétique", CreatedAtUtc = DateTime.UtcNow };
                var (ownAction, otherAction) = (Action(mine.Id), Action(other.Id));
                db.AddRange(ownCase, otherCase, ownAction, otherAction);
                await db.SaveChangesAsync();
                return (ownCase.Id, otherCase.Id, ownAction.Id, otherAction.Id);
            });
            await using var scope = Services.CreateAsyncScope();
            await StaffTestData.CreateServiceOwnerAsync(scope.ServiceProvider, ServiceOwnerEmail, Data.CantalId,
                await WithDbAsync(db => db.RegisterCases.Where(c => c.Id == OwnCaseId).Select(c => c.OwnerServiceId).SingleAsync()), "Responsable des titres");
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
        "Service@cantal",
    ];

    private const string ServiceOwnerEmail = "titres@cantal.test";

    private const string Ok = "200";
    private const string Forbidden = "403";
    private const string Login = "login";

    /// <summary>Expected answer per actor, in the order of <see cref="Actors"/>.</summary>
    public static TheoryData<string, string, string> Pages => new()
    {
        { "GET", "/espace", $"{Login} {Ok} {Ok} {Ok} {Ok} {Ok} {Ok} {Ok} {Ok}" },
        { "GET", "/compte/mot-de-passe", $"{Login} {Ok} {Ok} {Ok} {Ok} {Ok} {Ok} {Ok} {Ok}" },
        { "GET", "/administration/campagnes-mysteres", $"{Login} {Ok} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
        { "GET", "/administration/campagnes-mysteres/nouvelle", $"{Login} {Ok} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
        { "GET", "/administration/utilisateurs", $"{Login} {Ok} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
        { "GET", "/administration/prefectures", $"{Login} {Ok} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
        { "GET", "/administration/grilles", $"{Login} {Ok} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
        { "GET", "/qualite/utilisateurs", $"{Login} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Forbidden}" },
        { "GET", "/qualite/services", $"{Login} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Forbidden}" },
        { "GET", "/qualite/journal", $"{Login} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Forbidden}" },
        { "GET", "/qualite/mystere", $"{Login} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Forbidden}" },
        // Questionnaires: each quality team its préfecture's (and the national ones to read), the administrators the national ones.
        { "GET", "/qualite/questionnaires", $"{Login} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Forbidden}" },
        { "GET", "/administration/questionnaires", $"{Login} {Ok} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
        { "GET", "/qualite/mystere/{campaign}", $"{Login} {Forbidden} {Ok} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
        { "GET", "/qualite/mystere/fiche/{record}", $"{Login} {Forbidden} {Ok} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
        { "GET", "/referent", $"{Login} {Forbidden} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden}" },
        { "GET", "/referent/appel/{callScenario}", $"{Login} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Ok} {Forbidden} {Forbidden} {Forbidden}" },
        { "GET", "/referent/courriel/{emailScenario}", $"{Login} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Ok} {Forbidden} {Forbidden} {Forbidden}" },
        { "POST", "/referent/appel/{callScenario}", $"{Login} {Forbidden} {Forbidden} {Forbidden} {Forbidden} 302 {Forbidden} {Forbidden} {Forbidden}" },
        { "POST", "/qualite/utilisateurs", $"{Login} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Forbidden}" },
        { "POST", "/administration/utilisateurs", $"{Login} {Ok} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
        // The register and the action plan: the quality team of the préfecture, or the owner of the service.
        { "GET", "/registre", $"{Login} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok}" },
        { "GET", "/registre?tous=true", $"{Login} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok}" },
        { "GET", "/registre/nouveau", $"{Login} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Forbidden}" },
        { "GET", "/registre/bilan", $"{Login} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Forbidden}" },
        { "GET", "/registre/dossier/{ownCase}", $"{Login} {Forbidden} {Ok} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Ok}" },
        { "GET", "/registre/dossier/{otherCase}", $"{Login} {Forbidden} {Ok} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
        { "GET", "/registre/dossier/999999", $"{Login} {Forbidden} 404 {Forbidden} 404 {Forbidden} 404 {Forbidden} 404" },
        { "GET", "/registre/dossier/{ownCase}/piece-jointe", $"{Login} {Forbidden} {Ok} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Ok}" },
        { "GET", "/registre/dossier/{otherCase}/piece-jointe", $"{Login} {Forbidden} {Ok} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
        { "POST", "/registre/dossier/{otherCase}?handler=Action", $"{Login} {Forbidden} 302 {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
        { "POST", "/registre/dossier/{ownCase}?handler=Action", $"{Login} {Forbidden} 302 {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} 302" },
        { "POST", "/registre/dossier/{otherCase}?handler=Acknowledge", $"{Login} {Forbidden} 302 {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
        { "GET", "/plan-actions", $"{Login} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok}" },
        { "GET", "/plan-actions/nouvelle", $"{Login} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Forbidden}" },
        { "GET", "/plan-actions/annexe.xlsx", $"{Login} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok} {Forbidden} {Ok}" },
        { "GET", "/plan-actions/{ownAction}", $"{Login} {Forbidden} {Ok} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Ok}" },
        { "GET", "/plan-actions/{otherAction}", $"{Login} {Forbidden} {Ok} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
        { "GET", "/plan-actions/999999", $"{Login} {Forbidden} 404 {Forbidden} 404 {Forbidden} 404 {Forbidden} 404" },
        { "POST", "/plan-actions/{ownAction}?handler=Note", $"{Login} {Forbidden} 302 {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} 302" },
        { "POST", "/plan-actions/{otherAction}?handler=Note", $"{Login} {Forbidden} 302 {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
        { "POST", "/plan-actions/{otherAction}?handler=Update", $"{Login} {Forbidden} 302 {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden} {Forbidden}" },
    };

    private async Task<StaffClient> ClientAsync(string actor)
    {
        var client = StaffClient.For(_app);
        if (actor == "anonyme")
        {
            return client;
        }

        var email = actor switch
        {
            "admin" => StaffTestData.AdminEmail,
            "Service@cantal" => ServiceOwnerEmail,
            _ => StaffTestData.Email(actor.Split('@')[0], actor.Split('@')[1]),
        };
        var response = await client.SignInAsync(email, StaffTestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/espace", response.Headers.Location!.OriginalString);
        return client;
    }

    private string Resolve(string url) => url
        .Replace("{campaign}", _app.Data.CampaignId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{record}", _app.SubmittedRecordId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{callScenario}", _app.Data.CallScenarioId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{emailScenario}", _app.Data.EmailScenarioId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{ownCase}", _app.OwnCaseId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{otherCase}", _app.OtherCaseId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{ownAction}", _app.OwnActionId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{otherAction}", _app.OtherActionId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

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
        _ when template.StartsWith("/registre/", StringComparison.Ordinal) => [],
        _ when template.EndsWith("handler=Note", StringComparison.Ordinal) => [new("note", "Point d’avancement")],
        _ when template.EndsWith("handler=Update", StringComparison.Ordinal) => [new("Edit.Title", "Signalétique du hall")],
        _ => [new("DisplayName", "Personne Invitée"), new("Email", $"invitee{actor}-{Guid.NewGuid():N}@test.fr"), new("Role", "Referent"), new("PrefectureId", _app.Data.DromeId.ToString(System.Globalization.CultureInfo.InvariantCulture))],
    };
}
