using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Accounts;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Staff;

/// <summary>
/// What an attacker tries from outside: a forged Host, a replayed cookie, probing which addresses have an
/// account; and the first enrolment of an authenticator, which must work the first time.
/// </summary>
public sealed partial class AccountSecurityTests : IAsyncLifetime
{
    public const string PublicBaseUrl = "https://voixusager.interieur.test";

    private sealed class App : VoixUsagerAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("App:PublicBaseUrl", PublicBaseUrl);
        }
    }

    private readonly App _app = new();
    private StaffTestData _data = null!;

    public async Task InitializeAsync() => _data = await StaffTestData.SeedAsync(_app);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [GeneratedRegex("https?://[^\\s\"<>]+")]
    private static partial Regex LinkPattern();

    private static List<string> LinksIn(MimeKit.MimeMessage message) =>
        LinkPattern().Matches(message.TextBody ?? "").Select(m => m.Value)
            .Concat(LinkPattern().Matches(message.HtmlBody ?? "").Select(m => WebUtility.HtmlDecode(m.Value)))
            .ToList();

    /// <summary>A browser session whose every request carries <c>Host: <paramref name="host"/></c>.</summary>
    private StaffClient ClientFor(string host) =>
        new(_app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{host}"), AllowAutoRedirect = false, HandleCookies = true }));

    [Fact]
    public async Task Forged_host_never_reaches_the_links_of_reset_and_invitation_emails()
    {
        using var attacker = ClientFor("evil.example");
        var email = StaffTestData.Email("Referent", "allier");
        var request = await attacker.PostFormAsync("/connexion/mot-de-passe-oublie", [new("Email", email)]);
        Assert.Equal(HttpStatusCode.OK, request.StatusCode);

        using var admin = ClientFor("evil.example");
        await admin.SignInAsync(StaffTestData.AdminEmail, StaffTestData.Password);
        var invite = await admin.PostFormAsync("/administration/utilisateurs",
            [new("DisplayName", "Nouvelle Personne"), new("Email", "nouvelle@cantal.test"), new("Role", Roles.Referent), new("PrefectureId", _data.CantalId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.OK, invite.StatusCode);

        var reset = Assert.Single(_app.Emails(), m => m.To.Mailboxes.Any(a => a.Address == email));
        var invitation = Assert.Single(_app.Emails(), m => m.To.Mailboxes.Any(a => a.Address == "nouvelle@cantal.test"));
        foreach (var (message, path) in new[] { (reset, "/connexion/reinitialiser?"), (invitation, "/connexion/invitation?jeton=") })
        {
            var links = LinksIn(message);
            Assert.NotEmpty(links);
            Assert.All(links, link => Assert.StartsWith(PublicBaseUrl + path, link));
            Assert.DoesNotContain("evil.example", message.TextBody + message.HtmlBody);
        }

        // The links work: the reset link's address and token reach the page.
        var resetLink = new Uri(LinksIn(reset)[0]);
        using var owner = StaffClient.For(_app);
        var page = await owner.GetPageAsync(resetLink.PathAndQuery);
        Assert.Equal(email, page.QuerySelector("input[name=Email]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task First_enrolment_of_a_new_quality_member_works_with_the_first_right_code()
    {
        // A brand-new account, made the real way: it has no authenticator key at all.
        using var admin = StaffClient.For(_app);
        await admin.SignInAsync(StaffTestData.AdminEmail, StaffTestData.Password);
        await admin.PostFormAsync("/administration/utilisateurs",
            [new("DisplayName", "Nouvelle Qualité"), new("Email", "qualite2@cantal.test"), new("Role", Roles.Qualite), new("PrefectureId", _data.CantalId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var link = new Uri(LinksIn(Assert.Single(_app.Emails(), m => m.To.Mailboxes.Any(a => a.Address == "qualite2@cantal.test")))[0]);
        using var member = StaffClient.For(_app);
        var accepted = await member.PostFormAsync(link.PathAndQuery, [new("Password", "une phrase de passe solide"), new("Confirmation", "une phrase de passe solide")]);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Null(await _app.WithDbAsync(db => db.UserTokens.Join(db.Users.Where(u => u.Email == "qualite2@cantal.test"), t => t.UserId, u => u.Id, (t, _) => t).FirstOrDefaultAsync()));

        var login = await member.SignInAsync("qualite2@cantal.test", "une phrase de passe solide", authenticatorKey: null);
        Assert.Equal("/espace", login.Headers.Location!.OriginalString);
        var enrolment = await member.GetPageAsync("/compte/double-authentification");
        var key = enrolment.QuerySelector("main code")!.TextContent;

        var right = await member.PostFormAsync("/compte/double-authentification", [new("Code", Totp.Code(key))]);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/espace", right.Headers.Location!.OriginalString);
        Assert.True(await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "qualite2@cantal.test").Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await member.Http.GetAsync("/qualite/journal")).StatusCode);

        // The key shown is the key enrolled: the next sign-in asks for its codes.
        using var next = StaffClient.For(_app);
        var second = await next.SignInAsync("qualite2@cantal.test", "une phrase de passe solide", authenticatorKey: key.Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal("/espace", second.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await next.Http.GetAsync("/qualite/journal")).StatusCode);
    }

    [Fact]
    public async Task Referent_opening_the_enrolment_page_stays_signed_in()
    {
        using var referent = StaffClient.For(_app);
        await referent.SignInAsync(StaffTestData.Email("Referent", "allier"), StaffTestData.Password, authenticatorKey: null);

        await referent.GetPageAsync("/compte/double-authentification");

        Assert.Equal(HttpStatusCode.OK, (await referent.Http.GetAsync("/referent")).StatusCode);
        // Opening the page twice shows the same key: the authenticator app scanned first stays right.
        var first = (await referent.GetPageAsync("/compte/double-authentification")).QuerySelector("main code")!.TextContent;
        var second = (await referent.GetPageAsync("/compte/double-authentification")).QuerySelector("main code")!.TextContent;
        Assert.Equal(first, second);
    }

    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Last(c => c.StartsWith("voixusager-session=", StringComparison.Ordinal));

    /// <summary>What an attacker holding a copy of the cookie does: sends it from another client.</summary>
    private async Task<HttpStatusCode> ReplayAsync(string cookie, string url = "/referent")
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Old_cookie_is_refused_after_sign_out()
    {
        using var referent = StaffClient.For(_app);
        var cookie = SessionCookie(await referent.SignInAsync(StaffTestData.Email("Referent", "allier"), StaffTestData.Password));
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(cookie));

        var signOut = await referent.PostFormAsync("/compte/deconnexion", [], formPage: "/compte/mot-de-passe");
        Assert.Equal("/connexion", signOut.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(cookie));
        Assert.Equal(HttpStatusCode.Redirect, (await referent.Http.GetAsync("/referent")).StatusCode);
    }

    [Fact]
    public async Task Old_cookie_is_refused_after_a_password_change_but_the_renewed_session_goes_on()
    {
        var email = StaffTestData.Email("Referent", "drome");
        using var referent = StaffClient.For(_app);
        var cookie = SessionCookie(await referent.SignInAsync(email, StaffTestData.Password));

        var changed = await referent.PostFormAsync("/compte/mot-de-passe", [new("Current", StaffTestData.Password), new("Password", "toute nouvelle phrase"), new("Confirmation", "toute nouvelle phrase")]);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(cookie));
        Assert.Equal(HttpStatusCode.OK, (await referent.Http.GetAsync("/referent")).StatusCode);
    }

    [Fact]
    public async Task Old_cookie_is_refused_after_a_password_reset()
    {
        var email = StaffTestData.Email("Referent", "allier");
        using var referent = StaffClient.For(_app);
        var cookie = SessionCookie(await referent.SignInAsync(email, StaffTestData.Password));
        using var forgetful = StaffClient.For(_app);
        await forgetful.PostFormAsync("/connexion/mot-de-passe-oublie", [new("Email", email)]);
        var link = new Uri(LinksIn(Assert.Single(_app.Emails()))[0]);
        var token = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query)["jeton"].ToString();

        var reset = await forgetful.PostFormAsync(link.PathAndQuery, [new("Email", email), new("jeton", token), new("Password", "nouvelle phrase de passe"), new("Confirmation", "nouvelle phrase de passe")], link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(cookie));
    }

    private static async Task<(HttpStatusCode Status, string Error)> FailedSignInAsync(StaffClient client, string email, string password)
    {
        var response = await client.SignInAsync(email, password);
        var page = StaffClient.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, page.QuerySelector("main .fr-alert, main [role=alert]")?.TextContent.Trim() ?? page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Lockout_answers_exactly_like_an_unknown_address()
    {
        using var client = StaffClient.For(_app);
        var existing = StaffTestData.Email("Referent", "allier");
        var answers = new List<(string Who, int Attempt, HttpStatusCode Status, string Error)>();
        for (var i = 1; i <= 6; i++)
        {
            var (status, error) = await FailedSignInAsync(client, existing, "ce n'est pas le bon mot de passe");
            answers.Add(("existing", i, status, error));
            (status, error) = await FailedSignInAsync(client, "personne@allier.test", "ce n'est pas le bon mot de passe");
            answers.Add(("unknown", i, status, error));
        }

        // Locked now: even the right password gets the very same answer, and no session.
        var right = await client.SignInAsync(existing, StaffTestData.Password);
        var rightError = StaffClient.Parse(await right.Content.ReadAsStringAsync()).QuerySelector("main .fr-alert, main [role=alert]")?.TextContent.Trim() ?? "";
        answers.Add(("existing, right password", 7, right.StatusCode, rightError));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.BadRequest, a.Status));
        Assert.Single(answers.Select(a => a.Error).Distinct());
        Assert.Contains("incorrect", answers[0].Error);
        Assert.Contains("verrouillé", answers[0].Error);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/referent")).StatusCode);
        Assert.True(await _app.WithDbAsync(db => db.Users.Where(u => u.Email == existing).Select(u => u.LockoutEnd).SingleAsync()) > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Behind_https_the_antiforgery_cookie_is_secure_like_the_session_cookie()
    {
        using var client = new StaffClient(_app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true }));

        var form = await client.Http.GetAsync("/connexion");
        var login = await client.SignInAsync(StaffTestData.Email("Referent", "allier"), StaffTestData.Password);

        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("voixusager-antiforgery", StringComparison.Ordinal));
        var session = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("voixusager-session", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; secure", session, StringComparison.OrdinalIgnoreCase);

        // Over plain HTTP (development), neither is marked Secure, or the browser would drop them.
        var plain = await _app.CreateClient().GetAsync("/connexion");
        Assert.DoesNotContain("; secure", plain.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("voixusager-antiforgery", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Administrator_gets_the_hangfire_statistics_and_a_wrong_request_is_no_server_error()
    {
        using var admin = StaffClient.For(_app);
        await admin.SignInAsync(StaffTestData.AdminEmail, StaffTestData.Password);
        var dashboard = await admin.Http.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        // What the dashboard's own script does every few seconds: the token of its page in a header.
        var page = StaffClient.Parse(await dashboard.Content.ReadAsStringAsync());
        using var poll = new HttpRequestMessage(HttpMethod.Post, "/hangfire/stats")
        {
            Content = new FormUrlEncodedContent(page.QuerySelectorAll("[data-metric]").Select(m => new KeyValuePair<string, string>("metrics[]", m.GetAttribute("data-metric")!)).Distinct()),
        };
        poll.Headers.Add(page.QuerySelector("meta[name=csrf-header]")!.GetAttribute("content")!, page.QuerySelector("meta[name=csrf-token]")!.GetAttribute("content"));
        var stats = await admin.Http.SendAsync(poll);

        var body = await stats.Content.ReadAsStringAsync();
        Assert.True(stats.StatusCode == HttpStatusCode.OK, $"{stats.StatusCode}: {body[..Math.Min(3000, body.Length)]}");
        Assert.Equal("application/json", stats.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"succeeded:count\"", body);

        // Opening the address, or posting anything but a form, is the client's mistake, not a 500.
        var opened = await admin.Http.GetAsync("/hangfire/stats");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, opened.StatusCode);
        using var json = new HttpRequestMessage(HttpMethod.Post, "/hangfire/stats") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        json.Headers.Add("RequestVerificationToken", page.QuerySelector("meta[name=csrf-token]")!.GetAttribute("content"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await admin.Http.SendAsync(json)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await admin.Http.PostAsync("/hangfire/jobs/succeeded/delete", null)).StatusCode);
    }

    [GeneratedRegex(@"\b[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*\b")]
    private static partial Regex ActionCode();

    [Fact]
    public async Task Quality_team_reads_its_journal_in_french_without_the_partner_referents_names()
    {
        using var referent = StaffClient.For(_app);
        await referent.SignInAsync(StaffTestData.Email("Referent", "allier"), StaffTestData.Password);
        var call = await referent.PostFormAsync($"/referent/appel/{_data.CallScenarioId}", GridFields.ValidCall(_app, _data.CallScenarioId, submit: true));
        Assert.Equal(HttpStatusCode.Redirect, call.StatusCode);
        using var qualite = StaffClient.For(_app);
        await qualite.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);
        await qualite.PostFormAsync("/qualite/utilisateurs", [new("DisplayName", "Référent Nouveau"), new("Email", "nouveau@cantal.test"), new("Role", Roles.Referent)]);

        var journal = await qualite.GetPageAsync("/qualite/journal");

        var rows = journal.QuerySelectorAll("main tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        var record = Assert.Single(rows, r => r[2] == "Fiche d’appel mystère soumise");
        Assert.Equal("Référent d’une préfecture partenaire", record[1]);
        Assert.Equal("Fiche d’appel", record[3]);
        var invitation = Assert.Single(rows, r => r[2] == "Invitation envoyée");
        Assert.Equal(StaffTestData.Email("Qualite", "cantal"), invitation[1]);
        Assert.Equal("Invitation", invitation[3]);
        var text = journal.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain(StaffTestData.Email("Referent", "allier"), text);
        Assert.DoesNotContain("MysteryCallRecord", text);
        Assert.All(rows, r => Assert.False(ActionCode().IsMatch(r[2]), r[2]));
        Assert.DoesNotMatch(@"(?<![\p{L}\p{N}])c\d+=", record[4]);
        // The criteria are named instead.
        var criterion = GridFields.Criteria(_app, VoixUsager.Mystery.DefaultGrids.CallKey).First();
        Assert.Contains(criterion.Label, record[4]);
    }

    [Fact]
    public async Task Production_answers_only_the_hosts_it_is_configured_for()
    {
        using var production = new ProductionApp();
        using var forged = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example"), AllowAutoRedirect = false });
        using var local = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.BadRequest, (await forged.GetAsync("/connexion/mot-de-passe-oublie")).StatusCode);
        // localhost stays allowed: the container's health checks use it.
        Assert.Equal(HttpStatusCode.OK, (await local.GetAsync("/health/live")).StatusCode);
    }

    /// <summary>The app with the configuration files a production instance reads (appsettings.Production.json).</summary>
    private sealed class ProductionApp : VoixUsagerAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}

public sealed class AuditLabelsTests
{
    [Theory]
    [InlineData("campagne.creee", "Campagne d’enquête créée")]
    [InlineData("appel.corrige", "Fiche d’appel mystère corrigée")]
    [InlineData("rappel.referent", "Rappel envoyé à un référent")]
    [InlineData("campagne-mystere.close", "Campagne d’enquêtes mystères close")]
    public void Actions_read_in_french(string code, string expected) => Assert.Equal(expected, VoixUsager.Auditing.AuditLabels.Action(code));

    [Theory]
    [InlineData("SurveyCampaign", "3", "Campagne d’enquête n° 3")]
    [InlineData("Invitation", "5f0c4d0e-2f7a-4d1b-9a3e-7c1e2b3a4d5f", "Invitation")]
    [InlineData("AppUser", "a1b2c3", "Compte")]
    public void Elements_read_in_french_without_internal_identifiers(string type, string id, string expected) =>
        Assert.Equal(expected, VoixUsager.Auditing.AuditLabels.Element(type, id));

    [Fact]
    public void Criteria_codes_in_details_are_named_and_other_text_is_kept()
    {
        var details = VoixUsager.Auditing.AuditLabels.Details("appel du 01/02/2026 10:00, PasDeReponse, abc12=3; c4=Oui, c5=SansObjet, c99=1", new Dictionary<int, string> { [4] = "Accueil courtois", [5] = "Clarté" });

        Assert.Equal("appel du 01/02/2026 10:00, pas de réponse, abc12=3; Accueil courtois : Oui, Clarté : sans objet, c99=1", details);
    }
}
