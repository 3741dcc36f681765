using System.Net;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Hosting;

public sealed class HostingTests : IClassFixture<HostingTests.SeededApp>
{
    public sealed class SeededApp : VoixUsagerAppFactory, IAsyncLifetime
    {
        public Task InitializeAsync() => WithDbAsync(TestData.SeedAsync);

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private readonly SeededApp _app;

    public HostingTests(SeededApp app) => _app = app;

    [Fact]
    public async Task The_app_runs_on_the_provider_this_test_run_asked_for()
    {
        // Guards the two-provider run of infra/test.sh: a factory that silently fell back to SQLite
        // would make the PostgreSQL pass prove nothing.
        var provider = await _app.WithDbAsync(db => Task.FromResult(db.Database.ProviderName));
        var expected = TestDatabase.IsPostgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite";
        Assert.Equal(expected, provider);
        var stored = await _app.WithDbAsync(db => db.Prefectures.CountAsync());
        Assert.True(stored > 0);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/avis/" + TestData.OpenSiteCode)]
    [InlineData("/avis/site-inexistant")]
    [InlineData("/accessibilite")]
    [InlineData("/lib/dsfr/dsfr.min.css")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var response = await _app.CreateBrowserLikeClient().GetAsync(url);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Pages_contain_no_inline_script_and_no_inline_style_but_the_public_stylesheets_allowed_by_their_hash()
    {
        var response = await _app.CreateBrowserLikeClient().GetAsync("/avis/" + TestData.OpenSiteCode);
        var document = SurveyForm.Parse(await response.Content.ReadAsStringAsync()).Document;

        Assert.All(document.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src"))));
        Assert.Empty(document.QuerySelectorAll("[style]"));
        // The one inline stylesheet, in the head of the pages a visitor lands on, is the one the policy names.
        var style = Assert.Single(document.QuerySelectorAll("style"));
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style.TextContent)));
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains($"style-src 'self' 'sha256-{hash}';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/accessibilite", "partiellement conforme")]
    [InlineData("/donnees-personnelles", "Aucune adresse IP")]
    [InlineData("/", "Préfecture de l'Allier (Moulins)")]
    public async Task Information_pages_are_served_in_french(string url, string expected)
    {
        var response = await _app.CreateBrowserLikeClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Dsfr_assets_are_served_by_the_app_itself()
    {
        var client = _app.CreateBrowserLikeClient();
        foreach (var asset in new[] { "/lib/dsfr/dsfr.min.css", "/lib/dsfr/dsfr.module.min.js", "/lib/dsfr/fonts/Marianne-Regular.woff2", "/lib/dsfr/utility/icons/icons.min.css" })
        {
            var response = await client.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Health_endpoint_checks_the_database()
    {
        var response = await _app.CreateBrowserLikeClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", health.GetProperty("entries").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_endpoint_reports_an_unreachable_database()
    {
        using var broken = new BrokenDatabaseApp();
        var response = await broken.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var health = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Unhealthy", health.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", health.GetProperty("entries").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_reports_the_folders_it_writes_to_and_a_pickup_folder_it_cannot_write_degrades_it()
    {
        var healthy = System.Text.Json.JsonDocument.Parse(await _app.CreateBrowserLikeClient().GetStringAsync("/health")).RootElement;
        Assert.Equal("Healthy", healthy.GetProperty("entries").GetProperty("disk").GetProperty("status").GetString());
        Assert.True(healthy.TryGetProperty("totalDuration", out _));

        // A file where the pickup folder should be: no email can be written there.
        var blocker = Path.Combine(Path.GetTempPath(), $"voixusager-blocker-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(blocker, "pas un dossier");
        try
        {
            using var blocked = _app.WithWebHostBuilder(b => b.UseSetting("Email:PickupDirectory", Path.Combine(blocker, "courriels")));
            var response = await blocked.CreateClient().GetAsync("/health");

            // Degraded, still 200: surveys are taken while the emails wait.
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var health = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("Degraded", health.GetProperty("status").GetString());
            var disk = health.GetProperty("entries").GetProperty("disk");
            Assert.Equal("Degraded", disk.GetProperty("status").GetString());
            Assert.Contains("dossier de dépôt des courriels : impossible d'y écrire", disk.GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain(blocker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    /// <summary>Starts normally, then loses its database file: what a load balancer must notice.</summary>
    private sealed class BrokenDatabaseApp : VoixUsagerAppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
        }

        public new HttpClient CreateClient()
        {
            var client = base.CreateClient();
            BreakDatabase();
            return client;
        }
    }

    [Fact]
    public async Task Oversized_body_is_refused_with_413_and_nothing_stored()
    {
        var client = _app.CreateBrowserLikeClient();
        var form = await SurveyForm.LoadAsync(client, "/avis/" + TestData.OpenSiteCode);
        var fields = form.CompleteAnswers();
        fields["remplissage"] = new string('x', 70 * 1024);
        var before = await _app.WithDbAsync(db => db.SurveyResponses.CountAsync());

        var response = await client.PostAsync(form.Action, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Envoi trop volumineux", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await _app.WithDbAsync(db => db.SurveyResponses.CountAsync()));
    }
}

public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly VoixUsagerAppFactory _app = new() { SurveyPermitLimit = 3 };

    public Task InitializeAsync() => _app.WithDbAsync(TestData.SeedAsync);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Posting_past_the_limit_answers_429_in_french_and_stores_nothing_more()
    {
        var client = _app.CreateBrowserLikeClient();
        for (var i = 0; i < 3; i++)
        {
            var form = await SurveyForm.LoadAsync(client, "/avis/" + TestData.OpenSiteCode);
            var accepted = await client.PostAsync(form.Action, new FormUrlEncodedContent(form.CompleteAnswers()));
            Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        }

        var last = await SurveyForm.LoadAsync(client, "/avis/" + TestData.OpenSiteCode);
        var refused = await client.PostAsync(last.Action, new FormUrlEncodedContent(last.CompleteAnswers()));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Contains("Trop de demandes", await refused.Content.ReadAsStringAsync());
        Assert.Equal(3, await _app.WithDbAsync(db => db.SurveyResponses.CountAsync()));

        // Reading the form is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/avis/" + TestData.OpenSiteCode)).StatusCode);
    }
}

/// <summary>Bodies sent without a length (chunked), on Kestrel itself as in production.</summary>
public sealed class ChunkedBodyTests : IAsyncLifetime
{
    private readonly VoixUsagerAppFactory _app = new();
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        _app.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        _app.StartServer();
        _baseUrl = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>(_app.Services)
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        await _app.WithDbAsync(TestData.SeedAsync);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A form body whose length is not declared, so HttpClient sends it chunked.</summary>
    private sealed class ChunkedForm(Dictionary<string, string> fields) : HttpContent
    {
        private readonly byte[] _bytes = new FormUrlEncodedContent(fields).ReadAsByteArrayAsync().GetAwaiter().GetResult();

        public ChunkedForm Typed()
        {
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
            return this;
        }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            foreach (var chunk in _bytes.Chunk(4096))
            {
                await stream.WriteAsync(chunk);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private async Task<HttpResponseMessage> PostChunkedAsync(HttpClient client, int suggestionBytes)
    {
        var form = await SurveyForm.LoadAsync(client, "/avis/" + TestData.OpenSiteCode);
        var fields = form.CompleteAnswers();
        fields[form.FreeTextName] = new string('x', suggestionBytes);
        using var request = new HttpRequestMessage(HttpMethod.Post, form.Action) { Content = new ChunkedForm(fields).Typed() };
        request.Headers.TransferEncodingChunked = true;
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Chunked_survey_body_over_the_cap_is_refused_with_413_and_nothing_stored()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_baseUrl) };

        var refused = await PostChunkedAsync(client, 70 * 1024);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Contains("Envoi trop volumineux", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await _app.WithDbAsync(db => db.SurveyResponses.CountAsync()));

        // A chunked body within the cap is an ordinary submission.
        using var other = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_baseUrl) };
        var accepted = await PostChunkedAsync(other, 500);
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        Assert.Equal(1, await _app.WithDbAsync(db => db.SurveyResponses.CountAsync()));
    }
}
