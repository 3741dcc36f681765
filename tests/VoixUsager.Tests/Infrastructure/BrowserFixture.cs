using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace VoixUsager.Tests.Infrastructure;

/// <summary>
/// The application on a real Kestrel port of loopback, seeded with <see cref="TestData"/>, and Debian's
/// headless Chromium driven by Playwright.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public VoixUsagerAppFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    private IPlaywright _playwright = null!;

    public async Task InitializeAsync()
    {
        App.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await SeedAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    protected virtual Task SeedAsync() => App.WithDbAsync(TestData.SeedAsync);

    /// <summary>A fresh browser context the size of a phone, or of a laptop.</summary>
    public async Task<IPage> NewPageAsync(int width = 320, int height = 640, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            Locale = "fr-FR",
        });
        // The whole suite shares two cores with the server under test: allow more than Playwright's 30 s.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }
}
