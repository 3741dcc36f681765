using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

/// <summary>
/// The quality team's survey dashboard over HTTP, as a browser loads it: the page, then its chart images,
/// stylesheets and scripts, fetched at once. The web app (Release, Production) runs as its own process on
/// the results benchmark's 1,000,000-response data (bench/VoixUsager.ResultsBench generate), with its demo
/// accounts seeded into it: the demo quality team's préfecture is the one of département 26 there, one of
/// the generated préfectures (about 10,000 responses). It signs in once (password and second factor), then
/// times the first full view of the fresh process, warm full views one at a time, and N users loading the
/// dashboard again and again (after 45 s of the same load unmeasured), and reports the web process's peak memory.
/// Usage: dotnet VoixUsager.Bench.dll dashboard COPY_OF_results.db|POSTGRESQL_CONNECTION_STRING [users=20] [seconds=15]
/// The demo seeding writes to the database: give it a copy of the SQLite file (copied without the app
/// running, and without the -wal and -shm files of an earlier copy beside it), or a PostgreSQL database
/// generated for the benchmark.
/// </summary>
internal static partial class DashboardBench
{
    // The demo quality team's account (web/Staff/DemoAccountsSeeder.cs), second factor included.
    private const string Email = "qualite@drome.voixusager.localhost";
    private const string Password = "VoixUsager-demo-2026";
    private const string AuthenticatorKey = "JBSWY3DPEHPK3PXP";
    private const string DashboardPath = "/resultats";
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(45);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("Usage: VoixUsager.Bench dashboard COPY_OF_results.db|POSTGRESQL_CONNECTION_STRING [users=20] [seconds=15]");
            return 2;
        }

        var onPostgres = args[0].Contains("Host=", StringComparison.OrdinalIgnoreCase);
        var connectionString = onPostgres ? args[0] : $"Data Source={Path.GetFullPath(args[0])};Pooling=True;Default Timeout=30";
        if (!onPostgres && !File.Exists(Path.GetFullPath(args[0])))
        {
            Console.Error.WriteLine($"{args[0]}: no such file (generate it with the results benchmark, then copy it).");
            return 2;
        }

        var users = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 15;
        var root = WebProcess.FindRoot();
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var webDll = Path.Combine(root, "web", "bin", configuration, "net10.0", "VoixUsager.Web.dll");
        var baseUrl = $"http://127.0.0.1:{WebProcess.FreePort()}";
        Console.WriteLine($"VoixUsager dashboard benchmark over HTTP — {configuration}, {Environment.ProcessorCount} cores, {(onPostgres ? "PostgreSQL" : "SQLite")}, {users} users, {seconds} s");

        var started = Stopwatch.StartNew();
        using var web = WebProcess.Start(webDll, onPostgres ? "Postgres" : "Sqlite", connectionString, baseUrl);
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                // A browser opens six connections per host; twenty of them share these.
                MaxConnectionsPerServer = users * 6,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.All,
            })
            { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
            await WebProcess.WaitForHealthAsync(http, web);
            Console.WriteLine($"web app healthy after {started.Elapsed.TotalSeconds:F1} s (migrations, demo accounts, the results warm-up); peak working set so far {WebProcess.PeakMegabytes(web)} MB ({WebProcess.ResidentNow(web)})");

            var cookies = await SignInAsync(http);
            var first = await FullViewAsync(http, cookies);
            Console.WriteLine($"first full view of the fresh process: {first.Milliseconds:F0} ms ({first.Requests} requests: the page, {first.Images} chart images, the assets; {first.Bytes / 1024} KB), {first.Responses} responses shown");

            var warm = new List<double>();
            for (var i = 0; i < 7; i++)
            {
                warm.Add((await FullViewAsync(http, cookies)).Milliseconds);
            }

            Console.WriteLine($"full view warm, one user: median {warm.Order().ElementAt(warm.Count / 2):F0} ms (7 views)");

            // A view that fails (an error status, a page without its charts) counts as failed, not as a view.
            async Task<bool> ViewAsync()
            {
                try
                {
                    await FullViewAsync(http, cookies);
                    return true;
                }
                catch (InvalidOperationException)
                {
                    return false;
                }
            }

            // As in the survey benchmark: under load the runtime's tiered compilation (dynamic PGO) keeps
            // recompiling the hot paths for some 30-40 s after the start, and a window that opens before
            // it is done measures that transient, not the server a quality team meets in the day.
            var warming = await Load.RunAsync(users, WarmUp, ViewAsync);
            Console.WriteLine($"{users} users at once during the first {WarmUp.TotalSeconds:F0} s (the runtime still optimising, not the measure): {warming.PerSecond:F1} full views/s, p99 {warming.Percentile(99):F0} ms");
            var measured = await Load.RunAsync(users, TimeSpan.FromSeconds(seconds), ViewAsync);
            Console.WriteLine($"{users} users at once, each loading the dashboard again and again: {measured.PerSecond:F1} full views/s, p50 {measured.Percentile(50):F0} ms, p99 {measured.Percentile(99):F0} ms ({measured.Accepted} views, {measured.Failed} failed, in {measured.Elapsed.TotalSeconds:F0} s)");
            Console.WriteLine($"web process peak working set: {WebProcess.PeakMegabytes(web)} MB; resident at the end: {WebProcess.ResidentNow(web)}");
            return warming.Failed + measured.Failed == 0 ? 0 : 1;
        }
        finally
        {
            if (!web.HasExited)
            {
                web.Kill(entireProcessTree: true);
                await web.WaitForExitAsync();
            }
        }
    }

    private sealed record View(double Milliseconds, int Requests, int Images, long Bytes, string Responses);

    /// <summary>The page, then what it links to, fetched at once as a browser without a cache would.</summary>
    private static async Task<View> FullViewAsync(HttpClient http, string cookies)
    {
        var stopwatch = Stopwatch.StartNew();
        var html = await GetAsync(http, DashboardPath, cookies);
        var page = System.Text.Encoding.UTF8.GetString(html);
        var images = ImageSource().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Where(u => u.StartsWith('/')).Distinct().ToList();
        var assets = AssetReference().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Where(u => u.StartsWith('/')).Distinct().ToList();
        if (images.Count == 0)
        {
            throw new InvalidOperationException($"{DashboardPath} shows no chart: {page[..Math.Min(page.Length, 300)]}");
        }

        var parts = await Task.WhenAll(images.Concat(assets).Select(u => GetAsync(http, u, cookies)));
        var responses = ResponsesShown().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "?";
        return new View(stopwatch.Elapsed.TotalMilliseconds, 1 + parts.Length, images.Count, html.Length + parts.Sum(p => (long)p.Length), responses);
    }

    private static async Task<byte[]> GetAsync(HttpClient http, string path, string cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookies);
        request.Headers.Add("Accept-Encoding", "br, gzip");
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {response.Headers.Location}");
        }

        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Signs in as the demo quality team, password then second factor; returns the Cookie header to send.</summary>
    private static async Task<string> SignInAsync(HttpClient http)
    {
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);
        string Header() => string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}"));

        async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Dictionary<string, string>? form = null)
        {
            var request = new HttpRequestMessage(method, path) { Content = form is null ? null : new FormUrlEncodedContent(form) };
            if (jar.Count > 0)
            {
                request.Headers.Add("Cookie", Header());
            }

            var response = await http.SendAsync(request);
            foreach (var setCookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = setCookie.Split(';', 2)[0];
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                jar[pair[..at]] = pair[(at + 1)..];
            }

            return response;
        }

        async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields)
        {
            var form = await (await SendAsync(HttpMethod.Get, path)).Content.ReadAsStringAsync();
            fields["__RequestVerificationToken"] = AntiforgeryToken().Match(form) is { Success: true } token
                ? WebUtility.HtmlDecode(token.Groups[1].Value)
                : throw new InvalidOperationException($"No antiforgery token on {path}.");
            return await SendAsync(HttpMethod.Post, path, fields);
        }

        var signIn = await PostFormAsync("/connexion", new() { ["Email"] = Email, ["Password"] = Password });
        if (signIn.Headers.Location?.OriginalString.StartsWith("/connexion/code", StringComparison.Ordinal) == true)
        {
            signIn = await PostFormAsync("/connexion/code", new() { ["Code"] = TotpCode(AuthenticatorKey) });
        }

        var dashboard = signIn.StatusCode == HttpStatusCode.Redirect ? await SendAsync(HttpMethod.Get, DashboardPath) : null;
        if (dashboard?.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Sign-in refused (sign-in {(int)signIn.StatusCode} {signIn.Headers.Location}, dashboard {(int?)dashboard?.StatusCode} {dashboard?.Headers.Location}): was the web app started with its demo accounts?");
        }

        return Header();
    }

    /// <summary>RFC 6238, as an authenticator app computes it.</summary>
    private static string TotpCode(string base32Key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var key = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in base32Key)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                key.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        var counter = BitConverter.GetBytes(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        var hash = HMACSHA1.HashData(key.ToArray(), counter);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("<img[^>]*\\ssrc=\"([^\"]+)\"")]
    private static partial Regex ImageSource();

    [GeneratedRegex("<(?:link[^>]*\\srel=\"(?:stylesheet|preload|modulepreload)\"[^>]*\\shref|script[^>]*\\ssrc)=\"([^\"]+)\"")]
    private static partial Regex AssetReference();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<strong>([0-9][^<]*) réponse\\(s\\)</strong>")]
    private static partial Regex ResponsesShown();
}
