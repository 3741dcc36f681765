using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Surveys;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Hosting;

/// <summary>/metrics: refused to the public and to staff other than administrators, and counting what it says it counts.</summary>
public sealed partial class MetricsTests : IAsyncLifetime
{
    private readonly VoixUsagerAppFactory _app = new();
    private StaffTestData _data = null!;

    public async Task InitializeAsync()
    {
        _data = await StaffTestData.SeedAsync(_app);
        await _app.WithDbAsync(async db =>
        {
            var version = await db.QuestionnaireVersions.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            db.SurveyCampaigns.Add(new SurveyCampaign { PrefectureId = _data.CantalId, Name = "Campagne en cours", StartsOn = today.AddDays(-10), EndsOn = today.AddDays(30), QuestionnaireVersionId = version });
            return await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"^voixusager_survey_responses_stored(?:_total)?\{[^}]*channel=""QrCode""[^}]*\} (\d+)", RegexOptions.Multiline)]
    private static partial Regex QrResponses();

    private static long StoredByQr(string exposition) =>
        QrResponses().Match(exposition) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    [Fact]
    public async Task Anonymous_and_quality_staff_get_a_french_problem_and_no_figures()
    {
        using var anonymous = _app.CreateBrowserLikeClient();
        var refused = await anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("réservées au réseau de supervision", body, StringComparison.Ordinal);
        Assert.DoesNotContain("voixusager_", body, StringComparison.Ordinal);

        // A spoofed forwarded address is not believed from a client that is no known proxy.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        spoofed.Headers.Add("X-Forwarded-For", "10.1.2.3");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(spoofed)).StatusCode);

        using var quality = StaffClient.For(_app);
        await quality.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);
        var forbidden = await quality.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.DoesNotContain("voixusager_", await forbidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_reads_the_survey_counter_going_up_after_a_submission()
    {
        using var admin = StaffClient.For(_app);
        await admin.SignInAsync(StaffTestData.AdminEmail, StaffTestData.Password);
        var before = await admin.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var beforeText = await before.Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration_seconds", beforeText, StringComparison.Ordinal);
        // The length of the background jobs' queues, read from the job storage at each scrape.
        Assert.Matches(new Regex(@"^voixusager_jobs_enqueued(?:\{[^}]*\})? \d+", RegexOptions.Multiline), beforeText);
        var storedBefore = StoredByQr(beforeText);

        using var visitor = _app.CreateBrowserLikeClient();
        var form = await SurveyForm.LoadAsync(visitor, "/avis/site-cantal?canal=qr");
        var posted = await visitor.PostAsync(form.Action, new FormUrlEncodedContent(form.CompleteAnswers()));
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);

        // The Prometheus exporter caches a scrape for a short while: read again until it moves. The
        // counter is the process's, which other tests running at the same time may move too: at least one more.
        var storedAfter = storedBefore;
        for (var attempt = 0; attempt < 40 && storedAfter == storedBefore; attempt++)
        {
            await Task.Delay(250);
            storedAfter = StoredByQr(await admin.Http.GetStringAsync("/metrics"));
        }

        Assert.True(storedAfter >= storedBefore + 1, $"stored by QR code: {storedBefore} before the submission, {storedAfter} after");
    }
}
