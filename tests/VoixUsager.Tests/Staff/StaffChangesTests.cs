using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Clu;
using VoixUsager.Data;
using VoixUsager.Data.EntityConfigurations;
using VoixUsager.Mystery;
using VoixUsager.Prefectures;
using VoixUsager.Surveys;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Staff;

/// <summary>What the quality team types reaches the database whole, or not at all, with its audit entry.</summary>
public sealed class StaffChangesTests : ResultsPages.CantalResultsTest
{
    /// <summary>A database trigger that refuses every audit entry, in each provider's own dialect.</summary>
    private Task RefuseAuditEntriesAsync(bool refuse) => App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
        (TestDatabase.IsPostgres, refuse) switch
        {
            (false, true) => "CREATE TRIGGER refuse_audit BEFORE INSERT ON AuditEntries BEGIN SELECT RAISE(ABORT, 'journal indisponible'); END;",
            (false, false) => "DROP TRIGGER refuse_audit;",
            (true, true) => """
                CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'journal indisponible'; END $$;
                CREATE TRIGGER refuse_audit BEFORE INSERT ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION refuse_audit();
                """,
            (true, false) => "DROP TRIGGER refuse_audit ON \"AuditEntries\"; DROP FUNCTION refuse_audit();",
        }));

    [Fact]
    public async Task Answer_typed_on_a_suggestion_is_saved_and_shown()
    {
        var answerId = await App.WithDbAsync(db => db.SurveyAnswers.Where(a => a.Text == ResultsTestData.ScriptSuggestion).Select(a => a.Id).SingleAsync());
        var id = answerId.ToString(CultureInfo.InvariantCulture);

        var response = await Cantal.PostFormAsync("/resultats/suggestions", [new("answerId", id), new("retained", "true"), new($"reponse-{id}", "Guichet ouvert dès 8 h 30 en janvier.")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Guichet ouvert dès 8 h 30 en janvier.", await App.WithDbAsync(db => db.SuggestionReviews.Where(r => r.AnswerId == answerId).Select(r => r.Response).SingleAsync()));
        var page = await Cantal.GetPageAsync("/resultats/suggestions?retenues=true");
        Assert.Equal("Guichet ouvert dès 8 h 30 en janvier.", page.QuerySelector($"#reponse-{id}")!.GetAttribute("value"));

        var tooLong = new string('r', SuggestionReviewConfiguration.ResponseMaxLength + 1);
        var refused = await Cantal.PostFormAsync("/resultats/suggestions", [new("answerId", id), new("retained", "true"), new($"reponse-{id}", tooLong)]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var shown = StaffClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.NotNull(shown.QuerySelector($"#reponse-{id}-error"));
        Assert.Equal(tooLong, shown.QuerySelector($"#reponse-{id}")!.GetAttribute("value"));
        Assert.Equal("Guichet ouvert dès 8 h 30 en janvier.", await App.WithDbAsync(db => db.SuggestionReviews.Where(r => r.AnswerId == answerId).Select(r => r.Response).SingleAsync()));
    }

    [Fact]
    public async Task Unticked_summary_box_adds_a_member_who_does_not_receive_the_summary()
    {
        var cluId = await CreateCluAsync();
        var url = $"/resultats/clu/{cluId}";
        var form = await Cantal.GetPageAsync(url);
        Assert.NotNull(form.QuerySelector("#MemberReceivesSummary[checked]"));

        // The browser posts nothing for an unticked box.
        var unticked = await Cantal.PostFormAsync($"{url}?handler=Member", [new("MemberName", "Jeanne Martin"), new("MemberEmail", "jeanne.martin@udaf.test")], url);
        var ticked = await Cantal.PostFormAsync($"{url}?handler=Member", [new("MemberName", "Paul Durand"), new("MemberEmail", "paul.durand@ufc.test"), new("MemberReceivesSummary", "true")], url);

        Assert.Equal(HttpStatusCode.Redirect, unticked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
        var members = await App.WithDbAsync(db => db.CluMembers.Where(m => m.CluMeetingId == cluId).ToDictionaryAsync(m => m.Email, m => m.ReceivesSummary));
        Assert.False(members["jeanne.martin@udaf.test"]);
        Assert.True(members["paul.durand@ufc.test"]);
        var recipients = await App.WithDbAsync(async db =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            var summary = scope.ServiceProvider.GetRequiredService<VoixUsager.Jobs.CluSummaryJob>();
            var clu = await db.CluMeetings.Include(c => c.Members).SingleAsync(c => c.Id == cluId);
            return (await summary.RecipientsAsync(clu, CancellationToken.None)).Select(r => r.Address).ToList();
        });
        Assert.Contains("paul.durand@ufc.test", recipients);
        Assert.DoesNotContain("jeanne.martin@udaf.test", recipients);
    }

    [Fact]
    public async Task Blank_required_field_is_shown_beside_it_and_the_rest_of_the_form_is_kept()
    {
        var meetingOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var response = await Cantal.PostFormAsync("/resultats/clu", [new("MeetingOn", meetingOn), new("Place", ""), new("DaysBefore", "20")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = StaffClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Indiquez le lieu du comité.", page.QuerySelector("#Place-error")!.TextContent.Trim());
        Assert.Equal(meetingOn, page.QuerySelector("#MeetingOn")!.GetAttribute("value"));
        Assert.Equal("20", page.QuerySelector("#DaysBefore")!.GetAttribute("value"));
        Assert.Equal(0, await App.WithDbAsync(db => db.CluMeetings.CountAsync()));

        var tooLong = await Cantal.PostFormAsync("/resultats/clu", [new("MeetingOn", meetingOn), new("Place", new string('p', CluMeetingConfiguration.PlaceMaxLength + 1)), new("DaysBefore", "20")]);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains($"{CluMeetingConfiguration.PlaceMaxLength} caractères au plus", StaffClient.Parse(await tooLong.Content.ReadAsStringAsync()).QuerySelector("#Place-error")!.TextContent);
    }

    [Fact]
    public async Task Snapshot_cutoff_in_the_hour_the_clocks_skip_gets_a_french_message()
    {
        var response = await Cantal.PostFormAsync("/resultats/instantanes", [new("Cutoff", "2024-03-31T02:30")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = StaffClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#Cutoff-error")!.TextContent;
        Assert.Contains("31/03/2024 à 02:30 n’existe pas à l’heure de Paris", error);
        Assert.Equal(0, await App.WithDbAsync(db => db.ResultsSnapshots.CountAsync()));
    }

    [Fact]
    public async Task Mystery_time_in_the_hour_the_clocks_skip_gets_a_french_message()
    {
        using var referent = StaffClient.For(App);
        await referent.SignInAsync(StaffTestData.Email("Referent", "allier"), StaffTestData.Password);
        var url = $"/referent/appel/{Ids.Staff.CallScenarioId}";
        var fields = GridFields.ValidCall(App, Ids.Staff.CallScenarioId, submit: true);
        fields.RemoveAll(f => f.Key == "At");
        fields.Add(new("At", "2024-03-31T02:30"));

        var response = await referent.PostFormAsync(url, fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("n’existe pas à l’heure de Paris", StaffClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#At-error")!.TextContent);
        Assert.Equal(0, await App.WithDbAsync(db => db.MysteryRecords.CountAsync()));
    }

    [Fact]
    public async Task Number_dialled_is_accepted_up_to_its_column_and_no_further()
    {
        using var referent = StaffClient.For(App);
        await referent.SignInAsync(StaffTestData.Email("Referent", "allier"), StaffTestData.Password);
        var url = $"/referent/appel/{Ids.Staff.CallScenarioId}";
        List<KeyValuePair<string, string>> With(string target)
        {
            var fields = GridFields.ValidCall(App, Ids.Staff.CallScenarioId, submit: false);
            fields.RemoveAll(f => f.Key == "Target");
            fields.Add(new("Target", target));
            return fields;
        }

        var longest = new string('4', MysteryCallRecordConfiguration.NumberDialledMaxLength);
        var refused = await referent.PostFormAsync(url, With(longest + "4"));
        var accepted = await referent.PostFormAsync(url, With(longest));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(longest, await App.WithDbAsync(db => db.MysteryCallRecords.Select(r => r.NumberDialled).SingleAsync()));
        // What SQL Server and PostgreSQL would refuse is found on SQLite too.
        Assert.Empty(await App.WithDbAsync(ColumnScan.OverLengthAsync));
    }

    public static TheoryData<string> AuditedChanges => ["campagne", "clu", "prefecture", "site"];

    [Theory]
    [MemberData(nameof(AuditedChanges))]
    public async Task Change_is_not_stored_when_its_audit_entry_cannot_be(string change)
    {
        var actor = new AuditActor("test", "test@cantal.test");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var counts = () => App.WithDbAsync(async d => (await d.SurveyCampaigns.CountAsync(), await d.CluMeetings.CountAsync(), await d.Prefectures.CountAsync(), await d.Sites.CountAsync()));
        var before = await counts();
        Func<IServiceProvider, Task<ChangeResult>> act = change switch
        {
            "campagne" => services => services.GetRequiredService<SurveyCampaignService>().CreateAsync(Ids.Staff.CantalId,
                new SurveyCampaignInput { Name = "Campagne 2027", StartsOn = $"{today.AddDays(400):yyyy-MM-dd}", EndsOn = $"{today.AddDays(450):yyyy-MM-dd}" }, actor, CancellationToken.None),
            "clu" => services => services.GetRequiredService<CluService>().CreateAsync(Ids.Staff.CantalId,
                new CluInput { MeetingOn = $"{today.AddDays(60):yyyy-MM-dd}", Place = "Préfecture", DaysBefore = "15" }, actor, CancellationToken.None),
            "prefecture" => services => services.GetRequiredService<PrefectureAdministration>().CreatePrefectureAsync(
                new PrefectureInput { DepartementCode = "974", Name = "La Réunion", DisplayName = "Préfecture de La Réunion", HolidayZone = HolidayZone.LaReunion }, actor, CancellationToken.None),
            _ => services => services.GetRequiredService<PrefectureAdministration>().CreateSiteAsync(
                new SiteInput { SitePrefectureId = Ids.Staff.CantalId, SiteName = "Sous-préfecture de Saint-Flour", SiteCode = "cantal-saint-flour", SiteKind = SiteKind.SousPrefecture }, actor, CancellationToken.None),
        };
        async Task<ChangeResult> RunAsync()
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await act(scope.ServiceProvider);
        }

        await RefuseAuditEntriesAsync(refuse: true);

        var exception = await Assert.ThrowsAnyAsync<Exception>(RunAsync);

        Assert.Contains("journal indisponible", (exception.InnerException ?? exception).Message);
        Assert.Equal(before, await counts());
        await RefuseAuditEntriesAsync(refuse: false);
        Assert.IsType<ChangeResult.Done>(await RunAsync());
        Assert.NotEqual(before, await counts());
    }

    public static TheoryData<string> AuditedPageChanges => ["grille", "instantane", "indicateur"];

    [Theory]
    [MemberData(nameof(AuditedPageChanges))]
    public async Task Change_made_from_a_page_is_not_stored_when_its_audit_entry_cannot_be(string change)
    {
        using var admin = StaffClient.For(App);
        await admin.SignInAsync(StaffTestData.AdminEmail, StaffTestData.Password);
        var year = DateTime.UtcNow.Year;
        Func<Task<HttpResponseMessage>> post = change switch
        {
            "grille" => () =>
            {
                var fields = GridFields.Criteria(App, DefaultGrids.CallKey).Select(c => new KeyValuePair<string, string>($"w{c.Id}", "2")).ToList();
                fields.Add(new("key", DefaultGrids.CallKey));
                fields.Add(new($"t{GridFields.Criteria(App, DefaultGrids.CallKey).Single(c => c.Code == DefaultGrids.RingsCode).Id}", "6"));
                return admin.PostFormAsync("/administration/grilles", fields);
            },
            "instantane" => () => Cantal.PostFormAsync("/resultats/instantanes",
                [new("Cutoff", VoixUsager.Calendar.FrenchTimeZones.UtcToParis(DateTime.UtcNow).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture))]),
            _ => () => Cantal.PostFormAsync($"/resultats/indicateurs?annee={year}",
                [new("code", "site-maj-72h"), new("target-site-maj-72h", "100"), new("value-site-maj-72h", "96,5")]),
        };
        var counts = () => App.WithDbAsync(async d => (await d.GridVersions.CountAsync(), await d.ResultsSnapshots.CountAsync(), await d.IndicatorValues.CountAsync(), await d.AuditEntries.CountAsync()));
        var before = await counts();
        await RefuseAuditEntriesAsync(refuse: true);

        var refused = await post();

        // The database refused the write: a server error, and nothing half-stored.
        Assert.True((int)refused.StatusCode >= 500, $"{(int)refused.StatusCode}");
        Assert.Equal(before, await counts());
        await RefuseAuditEntriesAsync(refuse: false);
        Assert.Equal(HttpStatusCode.Redirect, (await post()).StatusCode);
        Assert.NotEqual(before, await counts());
    }

    private async Task<int> CreateCluAsync() => await App.WithDbAsync(async db =>
    {
        var clu = new CluMeeting { PrefectureId = Ids.Staff.CantalId, MeetingOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40), Place = "Préfecture", CreatedAtUtc = DateTime.UtcNow };
        db.CluMeetings.Add(clu);
        await db.SaveChangesAsync();
        return clu.Id;
    });
}
