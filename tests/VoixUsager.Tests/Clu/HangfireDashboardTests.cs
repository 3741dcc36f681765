using System.Net;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Clu;

/// <summary>The Hangfire dashboard is for national administrators only, never "local requests" by default.</summary>
public sealed class HangfireDashboardTests : IAsyncLifetime
{
    private readonly VoixUsagerAppFactory _app = new();

    public Task InitializeAsync() => StaffTestData.SeedAsync(_app);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Only_administrators_with_their_second_factor_open_the_dashboard()
    {
        using var anonymous = StaffClient.For(_app);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Http.GetAsync("/hangfire")).StatusCode);

        using var qualite = StaffClient.For(_app);
        await qualite.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await qualite.Http.GetAsync("/hangfire")).StatusCode);

        using var admin = StaffClient.For(_app);
        await admin.SignInAsync(StaffTestData.AdminEmail, StaffTestData.Password);
        var page = await admin.Http.GetAsync("/hangfire/recurring");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        foreach (var job in new[] { "instantanes-nocturnes", "clu-syntheses-a-envoyer", "rappel-referents", "retention-rgpd" })
        {
            Assert.Contains(job, html);
        }
    }
}
