using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

/// <summary>
/// The public pages as a phone on a weak signal sees them: the published app (its .br copies, its
/// manifest of fingerprinted assets) on loopback, Debian's Chromium throttled by the DevTools protocol
/// with the presets of Chrome's own DevTools, first contentful paint and bytes on the wire per page;
/// then Lighthouse (mobile) on the same pages when it is installed in bench/lighthouse.
/// Usage: dotnet VoixUsager.Bench.dll phone PUBLISH_DIR [runs=5]
/// </summary>
internal static class PhoneBench
{
    // Chrome DevTools' presets (devtools-frontend, front_end/core/sdk/NetworkManager.ts), in bytes per
    // second and milliseconds: "Fast 3G" (now titled "Slow 4G" there, the profile Lighthouse's mobile
    // run simulates) is 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up and 150 ms × 3.75 of latency; the
    // factors turn a network's figures into what the emulation must apply to reproduce them.
    private static readonly NetworkProfile Fast3G = new("fast 3G", 1.6 * 1000 * 1000 / 8 * 0.9, 750 * 1000 / 8 * 0.9, 150 * 3.75);

    // "Slow 3G": 500 kbit/s × 0.8 each way, 400 ms × 5 of latency.
    private static readonly NetworkProfile Slow3G = new("slow 3G", 500 * 1000 / 8 * 0.8, 500 * 1000 / 8 * 0.8, 400 * 5);

    private const string SurveyPath = "/avis/drome-valence?canal=qr";

    // Collects the paints, the largest paint and the layout shifts from the document's start, as
    // Lighthouse reads them.
    private const string ObserversScript = """
        window.__vu = { cls: 0, lcp: 0 };
        new PerformanceObserver(list => { for (const e of list.getEntries()) { if (!e.hadRecentInput) window.__vu.cls += e.value; } })
            .observe({ type: 'layout-shift', buffered: true });
        new PerformanceObserver(list => { for (const e of list.getEntries()) { window.__vu.lcp = e.startTime; } })
            .observe({ type: 'largest-contentful-paint', buffered: true });
        """;

    private const string MetricsScript = """
        () => ({
            fcp: (performance.getEntriesByType('paint').find(e => e.name === 'first-contentful-paint') || { startTime: -1 }).startTime,
            lcp: window.__vu ? window.__vu.lcp : -1,
            cls: window.__vu ? window.__vu.cls : -1,
        })
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("Usage: VoixUsager.Bench phone PUBLISH_DIR [runs=5] (publish first: dotnet publish web -c Release -o PUBLISH_DIR)");
            return 2;
        }

        var publishDir = Path.GetFullPath(args[0]);
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        if (!Directory.EnumerateFiles(publishDir, "*.br", SearchOption.AllDirectories).Any())
        {
            Console.Error.WriteLine($"{publishDir} holds no .br copy: pass the output of dotnet publish -c Release, not a build.");
            return 2;
        }

        var work = Directory.CreateTempSubdirectory("voixusager-phone-");
        var baseUrl = $"http://127.0.0.1:{WebProcess.FreePort()}";
        using var web = WebProcess.Start(Path.Combine(publishDir, "VoixUsager.Web.dll"), "Sqlite",
            $"Data Source={Path.Combine(work.FullName, "phone.db")};Pooling=True;Default Timeout=30", baseUrl);
        var failed = false;
        try
        {
            using (var http = new HttpClient { BaseAddress = new Uri(baseUrl) })
            {
                await WebProcess.WaitForHealthAsync(http, web);
                // Compiled views, caches and connection pools warmed, as on a server that has been up a while.
                foreach (var path in new[] { "/", SurveyPath, "/avis/drome-valence/merci", "/accessibilite" })
                {
                    (await http.GetAsync(path)).EnsureSuccessStatusCode();
                }
            }

            Console.WriteLine($"VoixUsager public pages on a phone — published app at {publishDir}, {Environment.ProcessorCount} cores, {runs} runs per page and network, load average {LoadAverage()}");
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            });

            foreach (var profile in new[] { Fast3G, Slow3G })
            {
                var visits = new List<Visit>();
                for (var run = 0; run < runs; run++)
                {
                    visits.AddRange(await SurveyVisitAsync(browser, baseUrl, profile));
                    visits.Add(await FirstVisitAsync(browser, baseUrl, profile, "/accessibilite", "accessibility statement"));
                    visits.Add(await FirstVisitAsync(browser, baseUrl, profile, "/", "home page"));
                    // What the preloaded fonts cost the first paint: they share the bandwidth with the stylesheet.
                    visits.Add(await FirstVisitAsync(browser, baseUrl, profile, SurveyPath, "survey form, first visit, fonts refused", blockFonts: true));
                }

                Console.WriteLine();
                Console.WriteLine($"{profile.Name}: {profile.Download * 8 / 1000:F0} kbit/s down, {profile.Upload * 8 / 1000:F0} kbit/s up, {profile.Latency:F1} ms latency; processor not slowed; median of {runs} (min–max)");
                Console.WriteLine($"  {"page",-44} {"FCP ms",-20} {"LCP ms",-20} {"CLS",-6} {"KB w/o fonts",-13} fonts KB");
                foreach (var page in visits.GroupBy(v => v.Page))
                {
                    var v = page.ToList();
                    Console.WriteLine($"  {page.Key,-44} {Spread(v.Select(x => x.Fcp)),-20} {Spread(v.Select(x => x.Lcp)),-20} {v.Max(x => x.Cls),-6:F3} {Median(v.Select(x => x.Bytes / 1024.0)),-13:F1} {Median(v.Select(x => x.FontBytes / 1024.0)):F1}");
                }
            }

            failed |= !await LighthouseAsync(baseUrl, Math.Min(runs, 3));
        }
        finally
        {
            web.Kill(entireProcessTree: true);
            await web.WaitForExitAsync();
            SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }

        return failed ? 1 : 0;
    }

    /// <summary>
    /// A member of the public scanning the poster: the form with an empty cache, the thank-you page that
    /// follows the submission, then the form again in the same browser (the next day's visit).
    /// </summary>
    private static async Task<IEnumerable<Visit>> SurveyVisitAsync(IBrowser browser, string baseUrl, NetworkProfile profile)
    {
        await using var context = await PhoneContextAsync(browser);
        var (page, wire) = await ThrottledPageAsync(context, profile);
        var first = await MeasureAsync(page, wire, "survey form, first visit", () => page.GotoAsync(baseUrl + SurveyPath, new() { WaitUntil = WaitUntilState.Load }));
        await page.EvaluateAsync("""
            () => {
                const names = new Set([...document.querySelectorAll('main input[type=radio]')].map(r => r.name));
                for (const name of names) document.querySelector(`main input[type=radio][name="${name}"]`).checked = true;
            }
            """);
        var thanks = await MeasureAsync(page, wire, "thank-you page (next page of the visit)", async () =>
        {
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/merci**", new() { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
        });
        var again = await MeasureAsync(page, wire, "survey form, repeat visit", () => page.GotoAsync(baseUrl + SurveyPath, new() { WaitUntil = WaitUntilState.Load }));
        return [first, thanks, again];
    }

    private static async Task<Visit> FirstVisitAsync(IBrowser browser, string baseUrl, NetworkProfile profile, string path, string name, bool blockFonts = false)
    {
        await using var context = await PhoneContextAsync(browser);
        if (blockFonts)
        {
            // Both formats: refused the woff2, the browser falls back to the stylesheet's woff.
            await context.RouteAsync(new System.Text.RegularExpressions.Regex(@"\.woff2?$"), route => route.AbortAsync());
        }

        var (page, wire) = await ThrottledPageAsync(context, profile);
        return await MeasureAsync(page, wire, blockFonts ? name : name + ", first visit", () => page.GotoAsync(baseUrl + path, new() { WaitUntil = WaitUntilState.Load }));
    }

    // Lighthouse's mobile screen (a Moto G Power: 412 × 823 at 1.75).
    private static Task<IBrowserContext> PhoneContextAsync(IBrowser browser) => browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 412, Height = 823 },
        DeviceScaleFactor = 1.75f,
        IsMobile = true,
        HasTouch = true,
        Locale = "fr-FR",
    });

    private static async Task<(IPage Page, Wire Wire)> ThrottledPageAsync(IBrowserContext context, NetworkProfile profile)
    {
        var page = await context.NewPageAsync();
        await page.AddInitScriptAsync(ObserversScript);
        var cdp = await context.NewCDPSessionAsync(page);
        var wire = new Wire();
        cdp.Event("Network.responseReceived").OnEvent += (_, e) =>
            wire.Urls[e!.Value.GetProperty("requestId").GetString()!] = e.Value.GetProperty("response").GetProperty("url").GetString()!;
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
            wire.Finished.Enqueue((e!.Value.GetProperty("requestId").GetString()!, e.Value.GetProperty("encodedDataLength").GetDouble()));
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new()
        {
            ["offline"] = false,
            ["latency"] = profile.Latency,
            ["downloadThroughput"] = profile.Download,
            ["uploadThroughput"] = profile.Upload,
        });
        return (page, wire);
    }

    private static async Task<Visit> MeasureAsync(IPage page, Wire wire, string name, Func<Task> navigate)
    {
        wire.Finished.Clear();
        await navigate();
        // The fonts the stylesheet asked for may finish after the load event.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 120_000 });
        var metrics = await page.EvaluateAsync<JsonElement>(MetricsScript);
        double bytes = 0, fontBytes = 0;
        foreach (var (id, length) in wire.Finished)
        {
            if (wire.Urls.TryGetValue(id, out var url) && url.Contains(".woff", StringComparison.Ordinal))
            {
                fontBytes += length;
            }
            else
            {
                bytes += length;
            }
        }

        return new Visit(name, metrics.GetProperty("fcp").GetDouble(), metrics.GetProperty("lcp").GetDouble(), metrics.GetProperty("cls").GetDouble(), bytes, fontBytes);
    }

    /// <summary>
    /// Lighthouse's mobile run (its default: simulated throttling at 150 ms and 1.6 Mbit/s, processor
    /// slowed 4 times) on each page, reading the report's scores and metrics; false when a report names
    /// a request that left loopback.
    /// </summary>
    private static async Task<bool> LighthouseAsync(string baseUrl, int runs)
    {
        var lighthouse = Path.Combine(WebProcess.FindRoot(), "bench", "lighthouse", "node_modules", ".bin", "lighthouse");
        Console.WriteLine();
        if (!File.Exists(lighthouse))
        {
            Console.WriteLine($"Lighthouse: not installed ({lighthouse}); see the README to install it.");
            return true;
        }

        Console.WriteLine($"Lighthouse (mobile, performance and accessibility), median of {runs} (min–max), load average {LoadAverage()}");
        Console.WriteLine($"  {"page",-32} {"perf",-10} {"a11y",-10} {"FCP ms",-18} {"LCP ms",-18} {"CLS",-14} TBT ms");
        var onlyLoopback = true;
        foreach (var (name, path) in new[] { ("home page", "/"), ("survey form", SurveyPath), ("thank-you page", "/avis/drome-valence/merci"), ("accessibility statement", "/accessibilite") })
        {
            var reports = new List<JsonElement>();
            for (var run = 0; run < runs; run++)
            {
                // A run on a loaded machine sometimes loses its trace (NO_NAVSTART): tried up to three times.
                var report = await LighthouseRunAsync(lighthouse, baseUrl + path, name);
                if (report is null)
                {
                    return false;
                }

                reports.Add(report.Value);
            }

            foreach (var request in reports.SelectMany(r => r.GetProperty("audits").GetProperty("network-requests").GetProperty("details").GetProperty("items").EnumerateArray()))
            {
                var url = request.GetProperty("url").GetString()!;
                if (!url.StartsWith(baseUrl, StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal))
                {
                    Console.WriteLine($"  {name}: a request left loopback: {url}");
                    onlyLoopback = false;
                }
            }

            double Score(JsonElement r, string category) => r.GetProperty("categories").GetProperty(category).GetProperty("score").GetDouble() * 100;
            double Audit(JsonElement r, string audit) => r.GetProperty("audits").GetProperty(audit).GetProperty("numericValue").GetDouble();
            Console.WriteLine($"  {name,-32} {Spread(reports.Select(r => Score(r, "performance"))),-10} {Spread(reports.Select(r => Score(r, "accessibility"))),-10} " +
                $"{Spread(reports.Select(r => Audit(r, "first-contentful-paint"))),-18} {Spread(reports.Select(r => Audit(r, "largest-contentful-paint"))),-18} " +
                $"{Spread(reports.Select(r => Audit(r, "cumulative-layout-shift")), "F3"),-14} {Spread(reports.Select(r => Audit(r, "total-blocking-time")))}");
            foreach (var audit in reports.Take(1).SelectMany(r => r.GetProperty("audits").EnumerateObject())
                .Where(a => a.Value.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number && s.GetDouble() < 0.9
                    && a.Value.GetProperty("scoreDisplayMode").GetString() is "binary" or "numeric" or "metricSavings"))
            {
                Console.WriteLine($"      to look at: {audit.Name} ({audit.Value.GetProperty("score").GetDouble():F2}) {audit.Value.GetProperty("title").GetString()}");
            }
        }

        Console.WriteLine(onlyLoopback ? "  every request of every report went to loopback" : "  SOME REQUESTS LEFT LOOPBACK (above)");
        return onlyLoopback;
    }

    private static async Task<JsonElement?> LighthouseRunAsync(string lighthouse, string url, string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            var output = Path.Combine(Path.GetTempPath(), $"voixusager-lighthouse-{Guid.NewGuid():N}.json");
            var start = new ProcessStartInfo(lighthouse,
            [
                url, "--output=json", $"--output-path={output}", "--only-categories=performance,accessibility",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking", "--quiet",
            ])
            { RedirectStandardError = true, RedirectStandardOutput = true };
            start.Environment["CHROME_PATH"] = "/usr/bin/chromium";
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode == 0 && File.Exists(output))
            {
                using var report = JsonDocument.Parse(await File.ReadAllTextAsync(output));
                File.Delete(output);
                return report.RootElement.Clone();
            }

            Console.WriteLine($"  {name}: Lighthouse failed ({process.ExitCode}, attempt {attempt}): {(await errors).Trim()}");
            if (attempt == 3)
            {
                return null;
            }
        }
    }

    private static string Spread(IEnumerable<double> values, string format = "F0")
    {
        var sorted = values.Order().ToArray();
        var median = Median(sorted);
        return sorted[0] == sorted[^1]
            ? median.ToString(format, CultureInfo.InvariantCulture)
            : $"{median.ToString(format, CultureInfo.InvariantCulture)} ({sorted[0].ToString(format, CultureInfo.InvariantCulture)}–{sorted[^1].ToString(format, CultureInfo.InvariantCulture)})";
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private sealed record NetworkProfile(string Name, double Download, double Upload, double Latency);

    private sealed record Visit(string Page, double Fcp, double Lcp, double Cls, double Bytes, double FontBytes);

    private sealed class Wire
    {
        public ConcurrentDictionary<string, string> Urls { get; } = new();

        public ConcurrentQueue<(string RequestId, double Length)> Finished { get; } = new();
    }
}
