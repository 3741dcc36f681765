using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Surveys;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Surveys;

/// <summary>
/// The generic error pages reached from the public survey (an unknown address, an unreadable or
/// unsupported submission, too many submissions, a fault, an outage) follow the language the usager
/// chose (?langue=), as the thank-you page does; everywhere else they stay French.
/// </summary>
public sealed class SurveyErrorPagesLanguageTests : IAsyncLifetime
{
    private readonly VoixUsagerAppFactory _app = new() { SurveyPermitLimit = 2 };
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = _app.CreateBrowserLikeClient();
        await _app.WithDbAsync(TestData.SeedAsync);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    private static async Task<(string Lang, string Title, string Code, string Home)> ReadAsync(HttpResponseMessage response)
    {
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return (page.DocumentElement.GetAttribute("lang")!, page.QuerySelector("main h1")!.TextContent.Trim(),
            page.QuerySelector("main h1 + p")!.TextContent.Trim(), page.QuerySelector("main .fr-btn")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/avis/allier-moulins/inconnu?langue=en", "en", "Page not found", "Error 404", "Home page")]
    [InlineData("/avis/allier-moulins/inconnu?canal=qr&langue=EN", "en", "Page not found", "Error 404", "Home page")]
    [InlineData("/avis/site-inexistant/merci?langue=en", "en", "Page not found", "Error 404", "Home page")]
    [InlineData("/avis/site-inexistant?langue=en", "en", "Page not found", "Error 404", "Home page")]
    [InlineData("/avis/allier-moulins/inconnu", "fr", "Page non trouvée", "Erreur 404", "Page d’accueil")]
    // No interface words in Arabic: French, as on the thank-you page.
    [InlineData("/avis/allier-moulins/inconnu?langue=ar", "fr", "Page non trouvée", "Erreur 404", "Page d’accueil")]
    [InlineData("/avis/allier-moulins/inconnu?langue=%3Cscript%3E", "fr", "Page non trouvée", "Erreur 404", "Page d’accueil")]
    // Outside the survey the site is French whatever the address asks.
    [InlineData("/page-inconnue?langue=en", "fr", "Page non trouvée", "Erreur 404", "Page d’accueil")]
    [InlineData("/avisx/inconnu?langue=en", "fr", "Page non trouvée", "Erreur 404", "Page d’accueil")]
    public async Task An_unknown_address_under_the_survey_answers_in_the_chosen_language(string url, string lang, string title, string code, string home)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal((lang, title, code, home), await ReadAsync(response));
    }

    [Fact]
    public async Task A_machine_asking_for_json_gets_the_problem_in_the_chosen_language()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/avis/allier-moulins/inconnu?langue=en");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(SurveyTexts.English.ErrorPage(404).Title, problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_submission_that_is_not_a_form_is_refused_in_the_chosen_language()
    {
        var response = await _client.PostAsync($"/avis/{TestData.OpenSiteCode}?langue=en", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(("en", "Unsupported format", "Error 415", "Home page"), await ReadAsync(response));
        Assert.Equal(0, await _app.WithDbAsync(db => db.SurveyResponses.CountAsync()));
    }

    [Fact]
    public async Task Too_many_submissions_are_refused_with_429_in_the_chosen_language()
    {
        for (var i = 0; i < 2; i++)
        {
            var form = await SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}?langue=en");
            Assert.Equal(HttpStatusCode.SeeOther, (await _client.PostAsync(form.Action, new FormUrlEncodedContent(form.CompleteAnswers()))).StatusCode);
        }

        var last = await SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}?langue=en");
        var refused = await _client.PostAsync(last.Action, new FormUrlEncodedContent(last.CompleteAnswers()));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal(("en", "Too many requests", "Error 429", "Home page"), await ReadAsync(refused));
        Assert.Equal(2, await _app.WithDbAsync(db => db.SurveyResponses.CountAsync()));
    }

    [Fact]
    public async Task An_outage_while_opening_the_survey_answers_503_in_the_chosen_language()
    {
        _app.BreakDatabase();
        try
        {
            var response = await _client.GetAsync($"/avis/{TestData.OpenSiteCode}?langue=en");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(response.Headers.Contains("Retry-After"));
            Assert.Equal(("en", "Service temporarily unavailable", "Error 503", "Home page"), await ReadAsync(response));
        }
        finally
        {
            _app.RestoreDatabase();
        }
    }

    /// <summary>A fault in the survey's page itself: thrown by a filter added for this test only.</summary>
    private sealed class FaultOnTheSurvey : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) =>
            context.HttpContext.Request.Path.StartsWithSegments("/avis", StringComparison.OrdinalIgnoreCase)
                ? throw new InvalidOperationException("Panne simulée de la page de l’enquête.")
                : next();
    }

    [Theory]
    [InlineData("?langue=en", "en", "Unexpected error", "Error 500", "Home page")]
    [InlineData("", "fr", "Erreur inattendue", "Erreur 500", "Page d’accueil")]
    public async Task A_fault_on_the_survey_answers_500_in_the_chosen_language(string query, string lang, string title, string code, string home)
    {
        using var faulty = _app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Configure<MvcOptions>(options => options.Filters.Add(new FaultOnTheSurvey()))));
        using var client = faulty.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/avis/{TestData.OpenSiteCode}{query}");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal((lang, title, code, home), await ReadAsync(response));
    }
}
