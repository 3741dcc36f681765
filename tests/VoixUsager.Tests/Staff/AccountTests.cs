using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Accounts;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Staff;

/// <summary>Sign-in, lockout, invitations, second factor and password reset, over real HTTP on a real database.</summary>
public sealed partial class AccountTests : IAsyncLifetime
{
    private readonly VoixUsagerAppFactory _app = new();
    private StaffTestData _data = null!;

    public async Task InitializeAsync() => _data = await StaffTestData.SeedAsync(_app);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [GeneratedRegex("https?://[^\\s\"<>]+")]
    private static partial Regex LinkPattern();

    private static string LinkIn(MimeKit.MimeMessage message) => WebUtility.HtmlDecode(LinkPattern().Match(message.TextBody ?? "").Value);

    [Fact]
    public async Task Lockout_after_five_failed_attempts_even_with_the_right_password()
    {
        using var client = StaffClient.For(_app);
        var email = StaffTestData.Email("Referent", "allier");
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.SignInAsync(email, "ce n'est pas le bon mot de passe");
            Assert.True(wrong.StatusCode is HttpStatusCode.BadRequest, $"attempt {i + 1}: {wrong.StatusCode}");
        }

        var right = await client.SignInAsync(email, StaffTestData.Password);

        // Same status as any failure, so that a locked account cannot be told from an unknown address.
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("verrouillé", WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/espace")).StatusCode);
    }

    [Fact]
    public async Task Wrong_password_gets_a_french_error_and_no_session()
    {
        using var client = StaffClient.For(_app);

        var response = await client.SignInAsync(StaffTestData.Email("Referent", "allier"), "mauvais mot de passe !");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("voixusager-session", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Invitation_creates_the_account_once_and_its_link_cannot_be_reused()
    {
        using var admin = StaffClient.For(_app);
        await admin.SignInAsync(StaffTestData.AdminEmail, StaffTestData.Password);

        var invite = await admin.PostFormAsync("/administration/utilisateurs",
            [new("DisplayName", "Nouvelle Référente"), new("Email", "nouvelle@allier.test"), new("Role", Roles.Referent), new("PrefectureId", _data.AllierId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.OK, invite.StatusCode);
        var message = Assert.Single(_app.Emails(), m => m.To.Mailboxes.Any(a => a.Address == "nouvelle@allier.test"));
        Assert.Equal("Votre invitation à VoixUsager", message.Subject);
        var link = new Uri(LinkIn(message));
        Assert.Null(await _app.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.Email == "nouvelle@allier.test")));

        using var invited = StaffClient.For(_app);
        var tooShort = await invited.PostFormAsync(link.PathAndQuery, [new("Password", "court"), new("Confirmation", "court")]);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("au moins 12 caractères", WebUtility.HtmlDecode(await tooShort.Content.ReadAsStringAsync()));
        Assert.Null(await _app.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.Email == "nouvelle@allier.test")));

        var accepted = await invited.PostFormAsync(link.PathAndQuery, [new("Password", "une phrase de passe solide"), new("Confirmation", "une phrase de passe solide")]);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("Votre compte est prêt", WebUtility.HtmlDecode(await accepted.Content.ReadAsStringAsync()));
        var user = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "nouvelle@allier.test"));
        Assert.Equal(_data.AllierId, user.PrefectureId);

        var reused = await StaffClient.For(_app).Http.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);
        Assert.Contains("n’est plus valable", WebUtility.HtmlDecode(await reused.Content.ReadAsStringAsync()));

        using var signedIn = StaffClient.For(_app);
        var login = await signedIn.SignInAsync("nouvelle@allier.test", "une phrase de passe solide");
        Assert.Equal("/espace", login.Headers.Location!.OriginalString);
        Assert.Contains("invitation.envoyee", await _app.WithDbAsync(db => db.AuditEntries.Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task Expired_invitation_link_is_refused_and_creates_nothing()
    {
        using var qualite = StaffClient.For(_app);
        await qualite.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);
        await qualite.PostFormAsync("/qualite/utilisateurs", [new("DisplayName", "Référent Tardif"), new("Email", "tardif@cantal.test"), new("Role", Roles.Referent)]);
        var link = new Uri(LinkIn(Assert.Single(_app.Emails(), m => m.To.Mailboxes.Any(a => a.Address == "tardif@cantal.test"))));
        await _app.WithDbAsync(async db =>
        {
            var invitation = await db.Invitations.SingleAsync(i => i.Email == "tardif@cantal.test");
            Assert.Equal(_data.CantalId, invitation.PrefectureId);
            invitation.ExpiresAtUtc = DateTime.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });

        using var invited = StaffClient.For(_app);
        var page = await invited.Http.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        var post = await invited.Http.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([new("Password", "une phrase de passe solide"), new("Confirmation", "une phrase de passe solide")]));
        Assert.True(post.StatusCode is HttpStatusCode.Gone or HttpStatusCode.BadRequest, post.StatusCode.ToString());
        Assert.Null(await _app.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.Email == "tardif@cantal.test")));
    }

    [Fact]
    public async Task Quality_team_cannot_invite_into_another_prefecture_or_as_administrator()
    {
        using var qualite = StaffClient.For(_app);
        await qualite.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);

        var asAdmin = await qualite.PostFormAsync("/qualite/utilisateurs", [new("DisplayName", "Pirate"), new("Email", "pirate@test.fr"), new("Role", Roles.Administrateur)]);
        var elsewhere = await qualite.PostFormAsync("/qualite/utilisateurs",
            [new("DisplayName", "Ailleurs"), new("Email", "ailleurs@test.fr"), new("Role", Roles.Referent), new("PrefectureId", _data.DromeId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.BadRequest, asAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        var invitations = await _app.WithDbAsync(db => db.Invitations.ToListAsync());
        Assert.DoesNotContain(invitations, i => i.Email == "pirate@test.fr");
        // The préfecture field is ignored for a quality team: the person joins Cantal, never Drôme.
        Assert.Equal(_data.CantalId, invitations.Single(i => i.Email == "ailleurs@test.fr").PrefectureId);
    }

    [Fact]
    public async Task Service_owner_without_second_factor_must_enrol_before_seeing_any_case()
    {
        // A service owner reads the contact details usagers leave with a complaint: a password alone is not enough.
        const string email = "titres-sans-code@drome.test";
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var service = new VoixUsager.Register.OwnerService { PrefectureId = _data.DromeId, Name = "Titres" };
            await _app.WithDbAsync(db => { db.OwnerServices.Add(service); return db.SaveChangesAsync(); });
            var user = await StaffTestData.CreateServiceOwnerAsync(scope.ServiceProvider, email, _data.DromeId, service.Id);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
        }

        using var client = StaffClient.For(_app);
        var login = await client.SignInAsync(email, StaffTestData.Password, authenticatorKey: null);
        Assert.Equal("/espace", login.Headers.Location!.OriginalString);
        foreach (var page in new[] { "/espace", "/registre", "/plan-actions" })
        {
            var response = await client.Http.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/compte/double-authentification", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task Quality_team_member_without_second_factor_must_enrol_before_any_page()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(StaffTestData.Email("Qualite", "drome"));
            await users.SetTwoFactorEnabledAsync(user!, false);
            await users.ResetAuthenticatorKeyAsync(user!);
        }

        using var client = StaffClient.For(_app);
        var login = await client.SignInAsync(StaffTestData.Email("Qualite", "drome"), StaffTestData.Password, authenticatorKey: null);
        Assert.Equal("/espace", login.Headers.Location!.OriginalString);

        foreach (var page in new[] { "/espace", "/qualite/journal", "/qualite/utilisateurs" })
        {
            var response = await client.Http.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/compte/double-authentification", response.Headers.Location!.OriginalString);
        }

        var enrolment = await client.GetPageAsync("/compte/double-authentification");
        Assert.StartsWith("data:image/png;base64,", enrolment.QuerySelector("main img")!.GetAttribute("src"));
        var key = enrolment.QuerySelector("main code")!.TextContent;

        var garbled = await client.PostFormAsync("/compte/double-authentification", [new("Code", "12ab56")]);
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.Contains("Saisissez les 6 chiffres", WebUtility.HtmlDecode(await garbled.Content.ReadAsStringAsync()));
        var wrong = await client.PostFormAsync("/compte/double-authentification", [new("Code", "000000")]);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);

        var right = await client.PostFormAsync("/compte/double-authentification", [new("Code", Totp.Code(key))]);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/qualite/journal")).StatusCode);
        Assert.True(await _app.WithDbAsync(db => db.Users.Where(u => u.Email == StaffTestData.Email("Qualite", "drome")).Select(u => u.TwoFactorEnabled).SingleAsync()));

        // From now on the password alone is not enough.
        using var next = StaffClient.For(_app);
        var second = await next.SignInAsync(StaffTestData.Email("Qualite", "drome"), StaffTestData.Password, authenticatorKey: null);
        Assert.StartsWith("/connexion/code", second.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await next.Http.GetAsync("/qualite/journal")).StatusCode);
    }

    [Fact]
    public async Task Referent_may_work_without_second_factor()
    {
        using var client = StaffClient.For(_app);
        await client.SignInAsync(StaffTestData.Email("Referent", "allier"), StaffTestData.Password, authenticatorKey: null);

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/referent")).StatusCode);
    }

    [Fact]
    public async Task Password_reset_by_email_signs_out_every_other_session()
    {
        var email = StaffTestData.Email("Referent", "allier");
        using var oldSession = StaffClient.For(_app);
        await oldSession.SignInAsync(email, StaffTestData.Password);
        Assert.Equal(HttpStatusCode.OK, (await oldSession.Http.GetAsync("/referent")).StatusCode);

        using var forgetful = StaffClient.For(_app);
        var request = await forgetful.PostFormAsync("/connexion/mot-de-passe-oublie", [new("Email", email)]);
        Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        var unknown = await forgetful.PostFormAsync("/connexion/mot-de-passe-oublie", [new("Email", "personne@nulle-part.test")]);
        Assert.Equal(WebUtility.HtmlDecode(await request.Content.ReadAsStringAsync()).Contains("Si un compte existe", StringComparison.Ordinal),
            WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()).Contains("Si un compte existe", StringComparison.Ordinal));
        var message = Assert.Single(_app.Emails(), m => m.To.Mailboxes.Any(a => a.Address == email));
        var link = new Uri(LinkIn(message));

        var mismatch = await forgetful.PostFormAsync(link.PathAndQuery, [new("Email", email), new("jeton", Query(link, "jeton")), new("Password", "nouvelle phrase de passe"), new("Confirmation", "autre chose")], link.PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);

        var reset = await forgetful.PostFormAsync(link.PathAndQuery, [new("Email", email), new("jeton", Query(link, "jeton")), new("Password", "nouvelle phrase de passe"), new("Confirmation", "nouvelle phrase de passe")], link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("Votre mot de passe a été changé", WebUtility.HtmlDecode(await reset.Content.ReadAsStringAsync()));

        var afterReset = await oldSession.Http.GetAsync("/referent");
        Assert.Equal(HttpStatusCode.Redirect, afterReset.StatusCode);
        Assert.StartsWith("/connexion", afterReset.Headers.Location!.AbsolutePath);

        using var again = StaffClient.For(_app);
        Assert.Equal(HttpStatusCode.BadRequest, (await again.SignInAsync(email, StaffTestData.Password)).StatusCode);
        Assert.Equal("/espace", (await again.SignInAsync(email, "nouvelle phrase de passe")).Headers.Location!.OriginalString);

        var reused = await forgetful.PostFormAsync(link.PathAndQuery, [new("Email", email), new("jeton", Query(link, "jeton")), new("Password", "encore une autre phrase"), new("Confirmation", "encore une autre phrase")], link.PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("n’est plus valable", WebUtility.HtmlDecode(await reused.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Password_change_signs_out_other_sessions_but_keeps_this_one()
    {
        var email = StaffTestData.Email("Referent", "drome");
        using var other = StaffClient.For(_app);
        await other.SignInAsync(email, StaffTestData.Password);
        using var current = StaffClient.For(_app);
        await current.SignInAsync(email, StaffTestData.Password);

        var changed = await current.PostFormAsync("/compte/mot-de-passe", [new("Current", StaffTestData.Password), new("Password", "toute nouvelle phrase"), new("Confirmation", "toute nouvelle phrase")]);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await current.Http.GetAsync("/referent")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.Http.GetAsync("/referent")).StatusCode);
    }

    [Fact]
    public async Task Every_request_checks_the_security_stamp_without_sending_a_new_session_cookie()
    {
        var email = StaffTestData.Email("Qualite", "cantal");
        using var quality = StaffClient.For(_app);
        await quality.SignInAsync(email, StaffTestData.Password);

        // The identity of the session is not rebuilt from the database and sent back with each page.
        foreach (var path in new[] { "/resultats", "/resultats/suggestions", "/espace" })
        {
            var page = await quality.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var cookies = page.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
            Assert.DoesNotContain(cookies, c => c.StartsWith("voixusager-session", StringComparison.Ordinal));
        }

        // The stamp is still read on every request: changed (as by a password reset elsewhere), the very
        // next request is signed out.
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(email))!);
        }

        var after = await quality.Http.GetAsync("/resultats");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/connexion", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static string Query(Uri uri, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query)[name].ToString();
}
