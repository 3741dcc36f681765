using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Clu;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Clu;

/// <summary>Once a CLU's summary has gone out or the meeting is over, its members are a record, not a form.</summary>
public sealed class CluMembersClosedTests : ResultsPages.CantalResultsTest
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(VoixUsager.Calendar.FrenchTimeZones.UtcToParis(DateTime.UtcNow));

    private Task<(int CluId, int MemberId)> CluAsync(DateOnly meetingOn, bool summarySent) => App.WithDbAsync(async db =>
    {
        var clu = new CluMeeting
        {
            PrefectureId = Ids.Staff.CantalId, MeetingOn = meetingOn, Place = "Préfecture", CreatedAtUtc = DateTime.UtcNow.AddDays(-60),
            Members = [new CluMember { Name = "Martine Roux", Email = "martine.roux@ufc.test" }],
        };
        if (summarySent)
        {
            clu.Deliveries.Add(new CluDelivery { RecipientEmail = "martine.roux@ufc.test", Status = DeliveryStatus.Envoye, SentAtUtc = DateTime.UtcNow.AddDays(-1), Attempts = 1, UpdatedAtUtc = DateTime.UtcNow.AddDays(-1) });
        }

        db.CluMeetings.Add(clu);
        await db.SaveChangesAsync();
        return (clu.Id, clu.Members[0].Id);
    });

    private async Task<(ChangeResult Added, ChangeResult Removed)> ChangeThroughServiceAsync(int cluId, int memberId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var clus = scope.ServiceProvider.GetRequiredService<CluService>();
        var email = StaffTestData.Email("Qualite", "cantal");
        var actor = new VoixUsager.Mystery.AuditActor(await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync()), email);
        var added = await clus.AddMemberAsync(cluId, new CluMemberInput { MemberName = "Paul Durand", MemberEmail = "paul.durand@udaf.test", MemberReceivesSummary = true }, actor, CancellationToken.None);
        var removed = await clus.RemoveMemberAsync(cluId, memberId, actor, CancellationToken.None);
        return (added, removed);
    }

    [Theory]
    [InlineData(true, 20, "La synthèse de ce comité est déjà partie")]
    [InlineData(false, -3, "Ce comité a déjà eu lieu")]
    public async Task Core_service_refuses_member_changes_in_french(bool summarySent, int meetingInDays, string reason)
    {
        var (cluId, memberId) = await CluAsync(Today.AddDays(meetingInDays), summarySent);

        var (added, removed) = await ChangeThroughServiceAsync(cluId, memberId);

        Assert.StartsWith(reason, Assert.IsType<ChangeResult.Invalid>(added).Errors[""]);
        Assert.StartsWith(reason, Assert.IsType<ChangeResult.Invalid>(removed).Errors[""]);
        var members = await App.WithDbAsync(db => db.CluMembers.Where(m => m.CluMeetingId == cluId).Select(m => m.Email).ToListAsync());
        Assert.Equal(["martine.roux@ufc.test"], members);
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("clu.membre"))));
    }

    [Fact]
    public async Task Coming_clu_whose_summary_has_not_left_still_takes_members()
    {
        var (cluId, memberId) = await CluAsync(Today.AddDays(20), summarySent: false);

        var (added, removed) = await ChangeThroughServiceAsync(cluId, memberId);

        Assert.IsType<ChangeResult.Done>(added);
        Assert.IsType<ChangeResult.Done>(removed);
        Assert.Contains("/resultats/clu/", (await Cantal.GetPageAsync($"/resultats/clu/{cluId}")).QuerySelector("form[action*='handler=Member']")!.GetAttribute("action"));
    }

    [Theory]
    [InlineData(true, 20, "La synthèse de ce comité est déjà partie")]
    [InlineData(false, -3, "Ce comité a déjà eu lieu")]
    public async Task Page_shows_members_read_only_and_refuses_a_forged_post(bool summarySent, int meetingInDays, string reason)
    {
        var (cluId, memberId) = await CluAsync(Today.AddDays(meetingInDays), summarySent);
        var url = $"/resultats/clu/{cluId}";

        var page = await Cantal.GetPageAsync(url);

        Assert.Contains("Martine Roux", page.QuerySelector("main")!.TextContent);
        Assert.Null(page.QuerySelector("form[action*='handler=Member']"));
        Assert.Null(page.QuerySelector("form[action*='handler=Remove']"));
        Assert.Null(page.QuerySelector("#MemberName"));
        Assert.StartsWith(reason, page.QuerySelector("#membres-clos")!.TextContent.Trim());

        // Posted all the same (an old tab, a crafted request): refused with the reason, nothing changed.
        var add = await Cantal.PostFormAsync($"{url}?handler=Member", [new("MemberName", "Paul Durand"), new("MemberEmail", "paul.durand@udaf.test"), new("MemberReceivesSummary", "true")], url);
        var remove = await Cantal.PostFormAsync($"{url}?handler=Remove", [new("memberId", memberId.ToString(System.Globalization.CultureInfo.InvariantCulture))], url);
        foreach (var refused in new[] { add, remove })
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains(reason, await refused.Content.ReadAsStringAsync());
        }

        Assert.Equal(1, await App.WithDbAsync(db => db.CluMembers.CountAsync(m => m.CluMeetingId == cluId)));
    }
}
