using System.Net;
using System.Text.Json;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Hosting;

/// <summary>
/// The database goes away while people are using the site, then comes back: staff and the public get
/// the French "unavailable" page as a 503, the usager's typed answers are given back and stored once
/// sent again, and /health names the dependency that is down.
/// </summary>
public sealed class OutageTests : IAsyncLifetime
{
    private const string SiteCode = "cantal-mauriac";
    private readonly VoixUsagerAppFactory _app = new();

    public Task InitializeAsync() => ResultsTestData.SeedAsync(_app);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The database can no longer be opened, as when its disk or server is lost.</summary>
    private void Break() => _app.BreakDatabase();

    private void Restore() => _app.RestoreDatabase();

    private static async Task AssertUnavailablePageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var page = StaffClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Service momentanément indisponible", page.QuerySelector("main h1")?.TextContent.Trim());
        Assert.Contains("Erreur 503", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Signed_in_staff_and_the_public_get_the_french_unavailable_page_as_503()
    {
        using var referent = StaffClient.For(_app);
        await referent.SignInAsync(StaffTestData.Email("Referent", "allier"), StaffTestData.Password);
        Assert.Equal(HttpStatusCode.OK, (await referent.Http.GetAsync("/referent")).StatusCode);

        Break();

        await AssertUnavailablePageAsync(await referent.Http.GetAsync("/referent"));
        await AssertUnavailablePageAsync(await _app.CreateBrowserLikeClient().GetAsync("/"));
        await AssertUnavailablePageAsync(await _app.CreateBrowserLikeClient().GetAsync("/avis/" + SiteCode));

        Restore();
        Assert.Equal(HttpStatusCode.OK, (await referent.Http.GetAsync("/referent")).StatusCode);
    }

    [Fact]
    public async Task Session_that_cannot_be_checked_gets_the_unavailable_page_through_the_ordinary_pipeline_and_resumes_after()
    {
        using var referent = StaffClient.For(_app);
        await referent.SignInAsync(StaffTestData.Email("Referent", "allier"), StaffTestData.Password);
        using var signedOut = StaffClient.For(_app);
        var oldCookie = (await signedOut.SignInAsync(StaffTestData.Email("Referent", "cantal"), StaffTestData.Password)).Headers.GetValues("Set-Cookie")
            .Select(c => c.Split(';')[0]).Last(c => c.StartsWith("voixusager-session=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await signedOut.PostFormAsync("/compte/deconnexion", [], "/compte/mot-de-passe")).StatusCode);
        async Task<HttpResponseMessage> ReplayAsync()
        {
            using var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, "/referent");
            request.Headers.Add("Cookie", oldCookie);
            return await client.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await ReplayAsync()).StatusCode);

        Break();

        // The error page is rendered for the same request, authentication included: the visitor is still
        // signed in on it (the header offers to sign out), and nothing of a page was served unchecked.
        var unavailable = await referent.Http.GetAsync("/referent");
        var body = await unavailable.Content.ReadAsStringAsync();
        await AssertUnavailablePageAsync(new HttpResponseMessage(unavailable.StatusCode) { Content = new StringContent(body), Headers = { RetryAfter = unavailable.Headers.RetryAfter } });
        Assert.Contains("Se déconnecter", StaffClient.Parse(body).QuerySelector("header")!.TextContent);
        await AssertUnavailablePageAsync(await referent.Http.GetAsync("/espace"));
        // A session signed out before the outage is not let through because it cannot be checked.
        await AssertUnavailablePageAsync(await ReplayAsync());

        Restore();
        Assert.Equal(HttpStatusCode.OK, (await referent.Http.GetAsync("/referent")).StatusCode);
        // The outage let no session through that the database would refuse.
        Assert.Equal(HttpStatusCode.Redirect, (await ReplayAsync()).StatusCode);
    }

    [Fact]
    public async Task Survey_answers_sent_during_an_outage_are_given_back_as_typed_and_stored_once_sent_again()
    {
        var client = _app.CreateBrowserLikeClient();
        var form = await SurveyForm.LoadAsync(client, "/avis/" + SiteCode);
        var answers = form.CompleteAnswers("Plus de places assises dans la salle d’attente.");
        answers[form.ChoiceQuestions[0].Name] = form.ChoiceQuestions[0].Values[2];
        var before = await _app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.SurveyResponses));

        Break();
        var refused = await client.PostAsync(form.Action, new FormUrlEncodedContent(answers));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        var shown = SurveyForm.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Service momentanément indisponible", shown.Document.QuerySelector("#indisponible")!.TextContent);
        Assert.Equal("Plus de places assises dans la salle d’attente.", shown.Document.QuerySelector($"textarea[name={form.FreeTextName}]")!.TextContent);
        foreach (var (name, _) in form.ChoiceQuestions)
        {
            Assert.Equal(answers[name], shown.Document.QuerySelector($"input[name={name}][checked]")?.GetAttribute("value"));
        }

        Assert.Equal(form.SubmissionId, shown.SubmissionId);

        // Back: the form as given back is sent again, and stored once.
        Restore();
        var again = shown.CompleteAnswersAsShown();
        var stored = await client.PostAsync(shown.Action, new FormUrlEncodedContent(again));
        Assert.Equal(HttpStatusCode.SeeOther, stored.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await client.PostAsync(shown.Action, new FormUrlEncodedContent(again))).StatusCode);
        Assert.Equal(before + 1, await _app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.SurveyResponses)));
    }

    [Fact]
    public async Task Health_names_the_dependency_that_is_down()
    {
        var client = _app.CreateBrowserLikeClient();
        var up = JsonDocument.Parse(await (await client.GetAsync("/health")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", up.GetProperty("entries").GetProperty("database").GetProperty("status").GetString());

        Break();
        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var down = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Unhealthy", down.GetProperty("status").GetString());
        var database = down.GetProperty("entries").GetProperty("database");
        Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
        Assert.Equal("Base de données injoignable.", database.GetProperty("description").GetString());
        // The other dependencies are still reported on their own: jobs' storage (in memory here) and mail.
        Assert.Equal("Healthy", down.GetProperty("entries").GetProperty("smtp").GetProperty("status").GetString());
        Assert.True(down.GetProperty("entries").TryGetProperty("hangfire", out _));
    }

    [Fact]
    public async Task Health_says_the_mail_server_is_down_without_taking_the_site_out_of_rotation()
    {
        int closedPort;
        using (var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        using var app = new VoixUsagerAppFactory { SmtpPort = closedPort };
        var response = await app.CreateBrowserLikeClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        var smtp = health.GetProperty("entries").GetProperty("smtp");
        Assert.Equal("Degraded", smtp.GetProperty("status").GetString());
        Assert.Equal("Serveur SMTP injoignable : les courriels attendent son retour.", smtp.GetProperty("description").GetString());
        Assert.Equal("Healthy", health.GetProperty("entries").GetProperty("database").GetProperty("status").GetString());
    }
}
