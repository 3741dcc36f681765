using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Mystery;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Staff;

/// <summary>Mystery campaigns and grids changed by an administrator while référents work on them.</summary>
public sealed class MysteryCampaignEditingTests : IAsyncLifetime
{
    private readonly VoixUsagerAppFactory _app = new();
    private StaffTestData _data = null!;
    private StaffClient _admin = null!;
    private StaffClient _referent = null!;
    private string _referentId = "";

    public async Task InitializeAsync()
    {
        _data = await StaffTestData.SeedAsync(_app);
        _admin = StaffClient.For(_app);
        await _admin.SignInAsync(StaffTestData.AdminEmail, StaffTestData.Password);
        _referent = StaffClient.For(_app);
        await _referent.SignInAsync(StaffTestData.Email("Referent", "allier"), StaffTestData.Password);
        _referentId = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == StaffTestData.Email("Referent", "allier")).Select(u => u.Id).SingleAsync());
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        _referent.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    private string CampaignUrl => "/administration/campagnes-mysteres/" + _data.CampaignId.ToString(CultureInfo.InvariantCulture);

    private async Task<List<KeyValuePair<string, string>>> CurrentFieldsAsync()
    {
        var campaign = await _app.WithDbAsync(db => db.MysteryCampaigns.Include(c => c.Scenarios).SingleAsync(c => c.Id == _data.CampaignId));
        return
        [
            new("Name", campaign.Name),
            new("StartsOn", campaign.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("EndsOn", campaign.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("TargetCalls", campaign.TargetCalls.ToString(CultureInfo.InvariantCulture)),
            new("TargetEmails", campaign.TargetEmails.ToString(CultureInfo.InvariantCulture)),
            new("ReferentIds", _referentId),
            new("ScenarioLines", MysteryCampaignEditing.ScenarioLinesOf(campaign.Scenarios)),
        ];
    }

    private static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(new(name, value));
        return fields;
    }

    private Task<int> ScenarioCountAsync(MysteryChannel channel) =>
        _app.WithDbAsync(db => db.MysteryScenarios.CountAsync(s => s.CampaignId == _data.CampaignId && s.Channel == channel));

    [Fact]
    public async Task Campaign_part_with_a_submitted_record_cannot_change_while_the_other_parts_can()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await _referent.PostFormAsync($"/referent/appel/{_data.CallScenarioId}", GridFields.ValidCall(_app, _data.CallScenarioId, submit: true))).StatusCode);

        var calls = await _admin.PostFormAsync(CampaignUrl, With(await CurrentFieldsAsync(), "TargetCalls", "5"));
        Assert.Equal(HttpStatusCode.BadRequest, calls.StatusCode);
        var page = StaffClient.Parse(await calls.Content.ReadAsStringAsync());
        Assert.Contains("Des fiches d’appel sont déjà saisies", page.QuerySelector("#TargetCalls-error")?.TextContent, StringComparison.Ordinal);
        var period = await _admin.PostFormAsync(CampaignUrl, With(await CurrentFieldsAsync(), "EndsOn", DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.BadRequest, period.StatusCode);
        Assert.NotNull(StaffClient.Parse(await period.Content.ReadAsStringAsync()).QuerySelector("#StartsOn-error"));
        Assert.Equal(2, await ScenarioCountAsync(MysteryChannel.Appel));
        Assert.Equal(2, await _app.WithDbAsync(db => db.MysteryCampaigns.Where(c => c.Id == _data.CampaignId).Select(c => c.TargetCalls).SingleAsync()));

        // Emails: nothing entered yet, so their target and scenarios change, planned again.
        var fields = With(await CurrentFieldsAsync(), "TargetEmails", "3");
        var lines = fields.Single(f => f.Key == "ScenarioLines").Value + "\ncourriel ; Puis-je envoyer mon dossier par courriel ? ; accueil@cantal.test";
        var emails = await _admin.PostFormAsync(CampaignUrl, With(fields, "ScenarioLines", lines));
        Assert.Equal(HttpStatusCode.Redirect, emails.StatusCode);
        Assert.Equal(3, await ScenarioCountAsync(MysteryChannel.Courriel));
        Assert.Equal(2, await ScenarioCountAsync(MysteryChannel.Appel));
        Assert.Contains("courriels : 3 prévus", await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "campagne-mystere.modifiee").Select(a => a.Details).SingleAsync()), StringComparison.Ordinal);

        // A référent of a préfecture that is not a partner is refused beside the field, nothing changes.
        var cantalReferent = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == StaffTestData.Email("Referent", "cantal")).Select(u => u.Id).SingleAsync());
        var foreign = await _admin.PostFormAsync(CampaignUrl, [.. With(await CurrentFieldsAsync(), "TargetEmails", "4"), new("ReferentIds", cantalReferent)]);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.NotNull(StaffClient.Parse(await foreign.Content.ReadAsStringAsync()).QuerySelector("#ReferentIds-error"));
        Assert.Equal(3, await ScenarioCountAsync(MysteryChannel.Courriel));
    }

    [Fact]
    public async Task Closed_campaign_locks_records_until_reopened_with_an_audited_reason()
    {
        var draft = GridFields.ValidCall(_app, _data.CallScenarioId, submit: false);
        Assert.Equal(HttpStatusCode.Redirect, (await _referent.PostFormAsync($"/referent/appel/{_data.CallScenarioId}", draft)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await _admin.PostFormAsync(CampaignUrl + "?handler=Clore", [], CampaignUrl)).StatusCode);
        Assert.Equal(StaffTestData.AdminEmail, await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "campagne-mystere.close").Select(a => a.UserEmail).SingleAsync()));

        var locked = await _referent.PostFormAsync($"/referent/appel/{_data.CallScenarioId}", GridFields.ValidCall(_app, _data.CallScenarioId, submit: true));
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        Assert.Contains("La campagne est close : les fiches ne peuvent plus être saisies ni corrigées.", WebUtility.HtmlDecode(await locked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(RecordStatus.Brouillon, await _app.WithDbAsync(db => db.MysteryRecords.Select(r => r.Status).SingleAsync()));
        var edit = await _admin.PostFormAsync(CampaignUrl, With(await CurrentFieldsAsync(), "Name", "Autre nom"), CampaignUrl);
        Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);

        var noReason = await _admin.PostFormAsync(CampaignUrl + "?handler=Rouvrir", [new("Reason", "  ")], CampaignUrl);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.NotNull(StaffClient.Parse(await noReason.Content.ReadAsStringAsync()).QuerySelector("#Reason-error"));
        var tooLong = await _admin.PostFormAsync(CampaignUrl + "?handler=Rouvrir", [new("Reason", new string('r', MysteryCampaignEditing.ReopenReasonMaxLength + 1))], CampaignUrl);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.MysteryCampaigns.Where(c => c.Id == _data.CampaignId).Select(c => c.ClosedAtUtc == null).SingleAsync()));

        var reopened = await _admin.PostFormAsync(CampaignUrl + "?handler=Rouvrir", [new("Reason", "Une fiche soumise trop tôt doit être complétée.")], CampaignUrl);
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.Contains("Une fiche soumise trop tôt doit être complétée.", await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "campagne-mystere.rouverte").Select(a => a.Details).SingleAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await _referent.PostFormAsync($"/referent/appel/{_data.CallScenarioId}", GridFields.ValidCall(_app, _data.CallScenarioId, submit: true))).StatusCode);
        Assert.Equal(RecordStatus.Soumis, await _app.WithDbAsync(db => db.MysteryRecords.Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task New_grid_version_with_added_relabelled_and_removed_criteria_leaves_the_running_campaign_on_its_grid()
    {
        var criteria = GridFields.Criteria(_app, DefaultGrids.CallKey);
        var courtesy = criteria.Single(c => c.Code == "courtoisie");
        var farewell = criteria.Single(c => c.Code == "prise-de-conge");
        var rings = criteria.Single(c => c.Code == DefaultGrids.RingsCode);
        var oldGridId = courtesy.GridVersionId;

        List<KeyValuePair<string, string>> Fields() =>
        [
            new("key", DefaultGrids.CallKey),
            new($"l{courtesy.Id}", "Amabilité et écoute de l’interlocuteur"),
            new($"o{courtesy.Id}", "0"),
            new($"x{farewell.Id}", "true"),
            new("NewCode", "rappel-propose"),
            new("NewLabel", "Un rappel est proposé quand le service ne peut pas répondre"),
            new("NewGroup", "Orientation"),
            new("NewKind", "OuiNon"),
            new("NewWeight", "2"),
            new("NewRecommendation", "Proposer systématiquement un rappel quand le service ne peut pas répondre tout de suite"),
            .. criteria.Select(c => new KeyValuePair<string, string>($"w{c.Id}", c.Weight.ToString(CultureInfo.InvariantCulture))),
        ];

        // Bad input: nothing is stored, each message beside its field.
        foreach (var (name, value, errorId) in new[] { ("NewRecommendation", "", "NewRecommendation-error"), ("NewCode", "sonneries", "NewCode-error"), ($"l{courtesy.Id}", "", $"l{courtesy.Id}-error"), ($"l{courtesy.Id}", new string('l', 301), $"l{courtesy.Id}-error") })
        {
            var refused = await _admin.PostFormAsync("/administration/grilles", With(Fields(), name, value));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotNull(StaffClient.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#" + errorId));
        }

        var ringsRemoved = await _admin.PostFormAsync("/administration/grilles", [.. Fields(), new($"x{rings.Id}", "true")]);
        Assert.Equal(HttpStatusCode.BadRequest, ringsRemoved.StatusCode);
        Assert.Equal(1, await _app.WithDbAsync(db => db.GridVersions.CountAsync(g => g.Key == DefaultGrids.CallKey)));

        Assert.Equal(HttpStatusCode.Redirect, (await _admin.PostFormAsync("/administration/grilles", Fields())).StatusCode);

        var latest = await _app.WithDbAsync(db => db.GridVersions.Include(g => g.Criteria).Where(g => g.Key == DefaultGrids.CallKey).OrderByDescending(g => g.VersionNumber).FirstAsync());
        Assert.Equal(2, latest.VersionNumber);
        var ordered = latest.Criteria.OrderBy(c => c.Order).ToList();
        Assert.Equal("courtoisie", ordered[0].Code);
        Assert.Equal("Amabilité et écoute de l’interlocuteur", ordered[0].Label);
        Assert.DoesNotContain(ordered, c => c.Code == "prise-de-conge");
        Assert.Equal("rappel-propose", ordered[^1].Code);
        Assert.Equal(Enumerable.Range(1, ordered.Count), ordered.Select(c => c.Order));

        // The running campaign keeps the grid it started with; its référent still scores on it.
        Assert.Equal(oldGridId, await _app.WithDbAsync(db => db.MysteryCampaigns.Where(c => c.Id == _data.CampaignId).Select(c => c.CallGridVersionId).SingleAsync()));
        var form = await _referent.GetPageAsync($"/referent/appel/{_data.CallScenarioId}");
        var text = form.QuerySelector("main")!.TextContent;
        Assert.Contains(courtesy.Label, text, StringComparison.Ordinal);
        Assert.Contains(farewell.Label, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Un rappel est proposé", text, StringComparison.Ordinal);
        var oldCriteria = await _app.WithDbAsync(db => db.GridCriteria.Where(c => c.GridVersionId == oldGridId).CountAsync());
        Assert.Equal(criteria.Count, oldCriteria);

        // The recommendation entered with the new criterion is the one the report writes.
        var set = VoixUsager.Results.RecommendationWriter.Write(
            [new("rappel-propose", "Orientation", "Un rappel est proposé", new VoixUsager.Results.Statistics.Proportion(2, 20), latest.Criteria.Single(c => c.Code == "rappel-propose").Recommendation)]);
        Assert.StartsWith("Proposer systématiquement un rappel quand le service ne peut pas répondre tout de suite (conforme dans", Assert.Single(set.Recommendations), StringComparison.Ordinal);
    }
}
