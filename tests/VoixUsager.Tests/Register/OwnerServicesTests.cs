using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Accounts;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Register;

/// <summary>The préfecture's services, its register deadlines and the service owners it invites, over real HTTP.</summary>
public sealed partial class OwnerServicesTests : IAsyncLifetime
{
    private readonly VoixUsagerAppFactory _app = new();
    private StaffTestData _data = null!;

    public async Task InitializeAsync() => _data = await StaffTestData.SeedAsync(_app);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Quality_team_adds_renames_and_retires_a_service_each_change_in_the_journal()
    {
        using var quality = StaffClient.For(_app);
        await quality.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);

        var created = await quality.PostFormAsync("/qualite/services?handler=Create", [new("NewService.ServiceName", "  Bureau des titres de séjour ")], "/qualite/services");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var service = await _app.WithDbAsync(db => db.OwnerServices.SingleAsync());
        Assert.Equal(("Bureau des titres de séjour", _data.CantalId, true), (service.Name, service.PrefectureId, service.IsActive));

        var duplicate = await quality.PostFormAsync("/qualite/services?handler=Create", [new("NewService.ServiceName", "Bureau des titres de séjour")], "/qualite/services");
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("existe déjà", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()));

        var id = service.Id.ToString(CultureInfo.InvariantCulture);
        var renamed = await quality.PostFormAsync($"/qualite/services?handler=Rename&id={id}", [new("ServiceName", "Bureau de l’immigration")], "/qualite/services");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var blank = await quality.PostFormAsync($"/qualite/services?handler=Rename&id={id}", [new("ServiceName", " ")], "/qualite/services");
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("Indiquez le nom du service", WebUtility.HtmlDecode(await blank.Content.ReadAsStringAsync()));
        var retired = await quality.PostFormAsync($"/qualite/services?handler=Retire&id={id}", [], "/qualite/services");
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);

        service = await _app.WithDbAsync(db => db.OwnerServices.SingleAsync());
        Assert.Equal(("Bureau de l’immigration", false), (service.Name, service.IsActive));
        var journal = WebUtility.HtmlDecode((await quality.GetPageAsync("/qualite/journal")).QuerySelector("main")!.TextContent);
        Assert.Contains("Service ajouté", journal);
        Assert.Contains("Service renommé", journal);
        Assert.Contains("Service retiré", journal);
    }

    [Fact]
    public async Task Another_prefecture_cannot_touch_a_service_and_deadlines_are_checked()
    {
        var serviceId = await _app.WithDbAsync(async db =>
        {
            var service = new VoixUsager.Register.OwnerService { PrefectureId = _data.CantalId, Name = "Accueil général" };
            db.OwnerServices.Add(service);
            await db.SaveChangesAsync();
            return service.Id;
        });
        using var drome = StaffClient.For(_app);
        await drome.SignInAsync(StaffTestData.Email("Qualite", "drome"), StaffTestData.Password);
        var foreign = await drome.PostFormAsync($"/qualite/services?handler=Retire&id={serviceId}", [], "/qualite/services");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.True(await _app.WithDbAsync(db => db.OwnerServices.Where(s => s.Id == serviceId).Select(s => s.IsActive).SingleAsync()));

        var prefecture = await _app.WithDbAsync(db => db.Prefectures.SingleAsync(p => p.Id == _data.DromeId));
        Assert.Equal((15, 5), (prefecture.CaseDeadlineWorkingDays, prefecture.AcknowledgementDeadlineWorkingDays));
        var longer = await drome.PostFormAsync("/qualite/services?handler=Deadlines",
            [new("Deadlines.CaseDeadlineWorkingDays", "10"), new("Deadlines.AcknowledgementDeadlineWorkingDays", "12")], "/qualite/services");
        Assert.Equal(HttpStatusCode.BadRequest, longer.StatusCode);
        Assert.Contains("au plus égal au délai de réponse", WebUtility.HtmlDecode(await longer.Content.ReadAsStringAsync()));
        var saved = await drome.PostFormAsync("/qualite/services?handler=Deadlines",
            [new("Deadlines.CaseDeadlineWorkingDays", "20"), new("Deadlines.AcknowledgementDeadlineWorkingDays", "3")], "/qualite/services");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        prefecture = await _app.WithDbAsync(db => db.Prefectures.SingleAsync(p => p.Id == _data.DromeId));
        Assert.Equal((20, 3), (prefecture.CaseDeadlineWorkingDays, prefecture.AcknowledgementDeadlineWorkingDays));
    }

    [Fact]
    public async Task Quality_team_invites_a_service_owner_who_is_linked_to_the_service_and_kept_out_of_quality_pages()
    {
        var (serviceId, otherId) = await _app.WithDbAsync(async db =>
        {
            var service = new VoixUsager.Register.OwnerService { PrefectureId = _data.CantalId, Name = "Bureau des titres de séjour" };
            var other = new VoixUsager.Register.OwnerService { PrefectureId = _data.DromeId, Name = "Accueil de la Drôme" };
            db.OwnerServices.AddRange(service, other);
            await db.SaveChangesAsync();
            return (service.Id, other.Id);
        });
        using var quality = StaffClient.For(_app);
        await quality.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);

        var noService = await quality.PostFormAsync("/qualite/utilisateurs",
            [new("DisplayName", "Agent Titres"), new("Email", "titres@cantal.test"), new("Role", Roles.Service), new("OwnerServiceId", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, noService.StatusCode);
        Assert.Contains("Choisissez le service de la personne.", WebUtility.HtmlDecode(await noService.Content.ReadAsStringAsync()));
        var foreignService = await quality.PostFormAsync("/qualite/utilisateurs",
            [new("DisplayName", "Agent Titres"), new("Email", "titres@cantal.test"), new("Role", Roles.Service), new("OwnerServiceId", otherId.ToString(CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.BadRequest, foreignService.StatusCode);
        Assert.Empty(await _app.WithDbAsync(db => db.Invitations.Where(i => i.Email == "titres@cantal.test").ToListAsync()));

        var invite = await quality.PostFormAsync("/qualite/utilisateurs",
            [new("DisplayName", "Agent Titres"), new("Email", "titres@cantal.test"), new("Role", Roles.Service), new("OwnerServiceId", serviceId.ToString(CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.OK, invite.StatusCode);
        var message = Assert.Single(_app.Emails(), m => m.To.Mailboxes.Any(a => a.Address == "titres@cantal.test"));
        Assert.Contains("Responsable de service", message.TextBody);
        var link = new Uri(Link().Match(message.TextBody ?? "").Value);

        using var owner = StaffClient.For(_app);
        var accepted = await owner.PostFormAsync(link.PathAndQuery, [new("Password", "une phrase de passe solide"), new("Confirmation", "une phrase de passe solide")]);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var user = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "titres@cantal.test"));
        Assert.Equal((_data.CantalId, serviceId), (user.PrefectureId, user.OwnerServiceId));

        var login = await owner.SignInAsync("titres@cantal.test", "une phrase de passe solide");
        Assert.Equal("/espace", login.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Http.GetAsync("/qualite/services")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Http.GetAsync("/qualite/utilisateurs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Http.GetAsync("/resultats")).StatusCode);
        Assert.Contains("Agent Titres", WebUtility.HtmlDecode(await quality.Http.GetStringAsync("/qualite/utilisateurs")));
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
