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
    /// <summary>
    /// Signs in through the real form, with the second factor when the account has one, and lands on
    /// the staff home. On a loaded CI machine this flow has been seen, rarely, to stay on a page of the
    /// sign-in (cause not found yet): it is then run once more, after writing what the page showed to the
    /// test output, and a second failure fails the test with that text.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(string email, string password, string? authenticatorKey, int width, int height = 900,
        Func<IPage, Task>? onCodePage = null, Action<IPage>? onNewPage = null)
    {
        var page = await NewPageAsync(width, height);
        onNewPage?.Invoke(page);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.GotoAsync($"{BaseUrl}/connexion");
                await page.GetByLabel("Adresse électronique").FillAsync(email);
                await page.GetByLabel("Mot de passe").FillAsync(password);
                await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
                if (authenticatorKey is not null)
                {
                    await page.WaitForURLAsync("**/connexion/code**", new() { Timeout = 45_000 });
                    if (onCodePage is not null && attempt == 1)
                    {
                        await onCodePage(page);
                    }

                    await page.GetByLabel("Code à 6 chiffres").FillAsync(Totp.Code(authenticatorKey));
                    await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
                }

                await page.WaitForURLAsync("**/espace", new() { Timeout = 45_000 });
                return page;
            }
            catch (TimeoutException e)
            {
                var said = await page.Locator("main").InnerTextAsync(new() { Timeout = 5_000 }).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "(no main)");
                var where = $"Sign-in of {email} (attempt {attempt}) stayed on {page.Url}; the page said: {said}";
                if (attempt >= 2)
                {
                    throw new TimeoutException(where, e);
                }

                Console.WriteLine(where);
            }
        }
    }

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
        var page = await context.NewPageAsync();
        // Chromium's own line for a policy violation names neither the element nor the script: this says
        // which one, so a violation found by a test can be traced to its source.
        await page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e => {
              const t = e.target && e.target.outerHTML ? e.target.outerHTML.slice(0, 200) : String(e.target);
              console.error('policy violation: ' + e.violatedDirective + ' by ' + (e.sourceFile || 'inline') + ':' + e.lineNumber + ':' + e.columnNumber + ' on ' + t + ' sample=' + e.sample + ' stack=' + new Error().stack);
            }, true);
            """);
        // A script that throws or a resource that fails to load is a defect even when the page looks
        // fine: collected here, and failed by BrowserTest after the test that caused it.
        page.Console += (_, message) =>
        {
            // Chromium also logs every 4xx or 5xx response this way, including pages that answer 404 or
            // 422 on purpose: those are checked through the responses below, subresources only.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                Record($"console error on {page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => Record($"uncaught script error on {page.Url}: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !response.Request.IsNavigationRequest)
            {
                Record($"{response.Status} for {response.Url}, loaded by {page.Url}");
            }
        };
        page.RequestFailed += (_, request) =>
        {
            if (!request.IsNavigationRequest)
            {
                Record($"{request.Url}, loaded by {page.Url}, failed: {request.Failure}");
            }
        };
        return page;
    }

    private readonly List<string> _errors = [];

    private void Record(string error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }

    /// <summary>The console and script errors since the last call, and forgets them.</summary>
    public IReadOnlyList<string> TakeErrors()
    {
        lock (_errors)
        {
            var errors = _errors.ToList();
            _errors.Clear();
            return errors;
        }
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>
/// Base of every browser test: the test fails when any page it opened logged a console error or threw,
/// even if every assertion passed (xunit runs DisposeAsync after each test, and fails the test with it).
/// </summary>
public abstract class BrowserTest : IAsyncLifetime
{
    /// <summary>The class fixture whose pages this test opens.</summary>
    protected abstract BrowserFixture Browser { get; }

    public virtual Task InitializeAsync()
    {
        Browser.TakeErrors();
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        // Console messages arrive asynchronously: give the last ones a moment.
        await Task.Delay(200);
        var errors = Browser.TakeErrors();
        Assert.True(errors.Count == 0, $"The browser reported {errors.Count} error(s):\n{string.Join("\n", errors)}");
    }
}
