using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace VoixUsager.Tests.Infrastructure;

/// <summary>A member of staff's browser session over real HTTP: cookies, antiforgery tokens, the second factor.</summary>
public sealed class StaffClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public static StaffClient For(VoixUsagerAppFactory app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        var response = await http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {response.Headers.Location}");
        return Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts a form of the page at <paramref name="url"/>, with the antiforgery token it carries.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        var page = await GetPageAsync(formPage ?? url);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {formPage ?? url}: {page.QuerySelector("main")?.TextContent.Trim()[..Math.Min(400, page.QuerySelector("main")?.TextContent.Trim().Length ?? 0)]}");
        return await http.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>Signs in with the password and, when asked, the TOTP code of <paramref name="authenticatorKey"/>.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password, string? authenticatorKey = StaffTestData.AuthenticatorKey)
    {
        var response = await PostFormAsync("/connexion", [new("Email", email), new("Password", password)]);
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.StartsWith("/connexion/code", StringComparison.Ordinal) && authenticatorKey is not null)
        {
            response = await PostFormAsync("/connexion/code", [new("Code", Totp.Code(authenticatorKey))]);
        }

        return response;
    }

    public void Dispose() => http.Dispose();
}
