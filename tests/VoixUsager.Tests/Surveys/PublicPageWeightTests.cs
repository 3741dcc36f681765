using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Surveys;

/// <summary>
/// The public survey page is opened from a QR code on a phone, often on a weak signal: what a first visit
/// and the next page of the same visit move over the network, fonts aside, as a browser that accepts
/// compressed responses would receive it: the page with the stylesheets its head carries, then the files
/// it prefetches for the next page, which links them.
/// </summary>
public sealed class PublicPageWeightTests : IAsyncLifetime
{
    public const int FirstVisitBudget = 120 * 1024;
    public const int NextPageBudget = 5 * 1024;

    private readonly VoixUsagerAppFactory _app = new();
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

    /// <summary>Status line, headers and body as sent (the test server does not decompress).</summary>
    private static async Task<long> WireBytesAsync(HttpResponseMessage response)
    {
        var headers = response.Headers.Concat(response.Content.Headers)
            .Sum(h => h.Key.Length + 4 + h.Value.Sum(v => v.Length + 2));
        return 17 + headers + (await response.Content.ReadAsByteArrayAsync()).LongLength;
    }

    private async Task<HttpResponseMessage> GetAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        return await _client.SendAsync(request);
    }

    private static IReadOnlyList<string> Assets(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        // Prefetched files count: the browser fetches them during the visit, for the next page.
        return document.QuerySelectorAll("link[rel=stylesheet][href], link[rel=modulepreload][href], link[rel=prefetch][href]").Select(l => l.GetAttribute("href")!)
            .Concat(document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!))
            .ToList();
    }

    [Fact]
    public async Task First_visit_stays_within_120_KB_and_the_next_page_within_5_KB()
    {
        var firstVisit = new List<string>();
        long first = 0;
        var page = await GetAsync($"/avis/{TestData.OpenSiteCode}?canal=qr");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotEmpty(page.Content.Headers.ContentEncoding);
        first += await WireBytesAsync(page);
        firstVisit.Add($"page {first} B");

        // The HTML as the browser reads it, after decompression.
        var html = await GetPlainAsync($"/avis/{TestData.OpenSiteCode}?canal=qr");
        var assets = Assets(html);
        // The page carries the design system's public part in its head (counted in the page's bytes) and
        // prefetches the file for the thank-you page.
        Assert.Contains(".fr-header", new HtmlParser().ParseDocument(html).QuerySelector("head style")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains(assets, a => a.Contains("dsfr-public", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        // The page works without the design system's script: it is not sent.
        Assert.DoesNotContain(assets, a => a.EndsWith(".js", StringComparison.Ordinal));
        var cached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var asset in assets)
        {
            var response = await GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.Vary.Contains("Accept-Encoding"), $"{asset} has no compressed copy to offer.");
            // Fingerprinted addresses, cached for good: the next page does not ask again.
            Assert.True(response.Headers.CacheControl?.ToString().Contains("immutable", StringComparison.Ordinal) == true, $"{asset} is not cached as immutable.");
            // A build (unlike a publish) serves its compressed copies recompressed on the fly at no
            // compression, for edits to show at once: what is counted is the file as the publish output
            // holds it, compressed with brotli at its highest level, as the publish does.
            var bytes = await WireBytesAsync(response) - (await response.Content.ReadAsByteArrayAsync()).LongLength + Brotli(await (await _client.GetAsync(asset)).Content.ReadAsByteArrayAsync());
            firstVisit.Add($"{asset} {bytes} B");
            first += bytes;
            cached.Add(asset);
        }

        Assert.True(first <= FirstVisitBudget, $"First visit moves {first} bytes, over {FirstVisitBudget}: {string.Join(", ", firstVisit)}");

        // The next page of the visit: the answers sent, the thank-you page shown.
        var form = SurveyForm.Parse(html);
        using var post = new HttpRequestMessage(HttpMethod.Post, form.Action) { Content = new FormUrlEncodedContent(form.CompleteAnswers()) };
        post.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        var posted = await _client.SendAsync(post);
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        long next = await WireBytesAsync(posted);
        var thanks = await GetAsync(posted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, thanks.StatusCode);
        next += await WireBytesAsync(thanks);
        var thanksHtml = await GetPlainAsync(posted.Headers.Location!.OriginalString);
        Assert.Contains("Merci pour votre avis", thanksHtml, StringComparison.Ordinal);
        var thanksAssets = Assets(thanksHtml);
        Assert.Contains(thanksAssets, a => a.Contains("dsfr-public", StringComparison.Ordinal));
        var notCached = thanksAssets.Where(a => !cached.Contains(a)).ToList();
        Assert.Empty(notCached);

        Assert.True(next <= NextPageBudget, $"The next page moves {next} bytes, over {NextPageBudget}.");
    }

    /// <summary>
    /// The pages a visitor lands on carry the public stylesheets in their head and are sent compressed; a
    /// page holding an antiforgery token is not (a secret beside reflected input leaks through its length).
    /// </summary>
    [Theory]
    [InlineData("/", true)]
    [InlineData("/accessibilite", true)]
    [InlineData("/donnees-personnelles", true)]
    [InlineData("/connexion", false)]
    [InlineData("/connexion/mot-de-passe-oublie", false)]
    public async Task Landing_pages_carry_their_stylesheets_compressed_and_pages_with_a_token_are_not_compressed(string path, bool landing)
    {
        var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(landing, response.Content.Headers.ContentEncoding.Count > 0);
        var html = new HtmlParser().ParseDocument(await GetPlainAsync(path));
        Assert.Equal(landing, html.QuerySelector("head style") is not null);
        Assert.Equal(landing, html.QuerySelector("link[rel=stylesheet][href*='dsfr-public']") is null);
        if (landing)
        {
            Assert.Null(html.QuerySelector("input[name=__RequestVerificationToken]"));
        }
        else
        {
            Assert.NotNull(html.QuerySelector("input[name=__RequestVerificationToken]"));
        }
    }

    private static long Brotli(byte[] content)
    {
        using var output = new MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(output, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            brotli.Write(content);
        }

        return output.Length;
    }

    private async Task<string> GetPlainAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    [Trait("Category", "Logic")]
    public void Every_icon_the_pages_use_is_in_the_trimmed_icon_stylesheet()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "VoixUsager.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar))!;
        }

        var used = Directory.EnumerateFiles(Path.Combine(root, "web", "Pages"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"fr-icon-[a-z0-9-]+").Select(m => m.Value))
            .ToHashSet(StringComparer.Ordinal);
        var stylesheet = File.ReadAllText(Path.Combine(root, "web", "wwwroot", "css", "icons.css"));

        Assert.NotEmpty(used);
        Assert.All(used, icon => Assert.Contains($".{icon}:before", stylesheet, StringComparison.Ordinal));
    }
}
