using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Clu;
using VoixUsager.Jobs;

namespace VoixUsager.Tests.Clu;

public sealed partial class CluMeetingKitTests
{
    private async Task RunInvitationJobAsync(int cluId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CluInvitationJob>().RunAsync(cluId, CancellationToken.None);
    }

    private static Ical.Net.CalendarComponents.CalendarEvent CalendarEventOf(MimeKit.MimeMessage message)
    {
        var ics = message.Attachments.OfType<MimeKit.MimePart>().Single(p => p.FileName == "comite.ics");
        using var bytes = new MemoryStream();
        ics.Content!.DecodeTo(bytes);
        return Assert.Single(Ical.Net.Calendar.Load(Encoding.UTF8.GetString(bytes.ToArray()))!.Events);
    }

    [Fact]
    public async Task An_updated_invitation_reaches_every_member_once_and_replaces_the_calendar_event()
    {
        var meetingOn = Today.AddDays(30);
        var cluId = await CluAsync(_ids.Staff.CantalId, meetingOn);
        await MemberAsync(cluId, "Jeanne Martin", "jeanne.martin@ufc.test");
        await MemberAsync(cluId, "Paul Durand", "paul.durand@ddd.test");
        using var quality = await QualityAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await quality.PostFormAsync(Url(cluId, "Horaire"), [new("StartsAt", "14:30"), new("DurationMinutes", "90"), new("VideoLink", "")])).StatusCode);

        // Nothing sent yet: no update to send, the page does not offer it and a forged post is refused.
        Assert.Null((await quality.GetPageAsync(Url(cluId))).QuerySelector("form[action*='handler=InvitationMiseAJour']"));
        var early = await quality.PostFormAsync(Url(cluId, "InvitationMiseAJour"), [], formPage: Url(cluId));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains(CluMeetingKitService.NothingToUpdateMessage, await ErrorTextAsync(early), StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.CluMeetings.Where(c => c.Id == cluId).Select(c => c.InvitationSequence).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await quality.PostFormAsync(Url(cluId, "Invitation"), [])).StatusCode);
        await RunInvitationJobAsync(cluId);
        var first = _smtp.Received().Where(r => (r.Message.Subject ?? "").Contains("comité local", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, first.Count);
        var firstEvent = CalendarEventOf(first[0].Message);
        Assert.Equal(0, firstEvent.Sequence);

        // The team moves the meeting to 15:00 and adds a video link, then sends the update.
        Assert.Equal(HttpStatusCode.Redirect, (await quality.PostFormAsync(Url(cluId, "Horaire"),
            [new("StartsAt", "15:00"), new("DurationMinutes", "60"), new("VideoLink", "https://webconf.numerique.gouv.fr/clu-cantal")])).StatusCode);
        var page = await quality.GetPageAsync(Url(cluId));
        Assert.NotNull(page.QuerySelector("form[action*='handler=InvitationMiseAJour'] button"));
        var update = await quality.PostFormAsync(Url(cluId, "InvitationMiseAJour"), [], formPage: Url(cluId));
        Assert.Equal(HttpStatusCode.Redirect, update.StatusCode);

        // Run twice, as Hangfire may: each member receives the update once.
        await RunInvitationJobAsync(cluId);
        await RunInvitationJobAsync(cluId);
        var updates = _smtp.Received().Where(r => (r.Message.Subject ?? "").StartsWith("Invitation mise à jour", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, updates.Count);
        Assert.Equal(4, _smtp.Received().Count(r => (r.Message.Subject ?? "").Contains("comité local", StringComparison.Ordinal)));
        var jeanne = Assert.Single(updates, r => r.EnvelopeRecipients.Contains("jeanne.martin@ufc.test")).Message;
        Assert.Contains(CluInvitation.UpdatedNotice, jeanne.TextBody, StringComparison.Ordinal);
        Assert.Contains("de 15 h 00 à 16 h 00", jeanne.TextBody, StringComparison.Ordinal);
        Assert.NotEqual(first.Single(r => r.EnvelopeRecipients.Contains("jeanne.martin@ufc.test")).Message.MessageId, jeanne.MessageId);

        // The same event for the calendar (same UID), a higher SEQUENCE and the new time: the calendar replaces it.
        var updated = CalendarEventOf(jeanne);
        Assert.Equal(firstEvent.Uid, updated.Uid);
        Assert.Equal(1, updated.Sequence);
        Assert.Equal(meetingOn.ToDateTime(new TimeOnly(15, 0)), updated.DtStart!.Value);
        Assert.Equal(meetingOn.ToDateTime(new TimeOnly(16, 0)), updated.DtEnd!.Value);

        var rows = await _app.WithDbAsync(db => db.CluInvitationDeliveries.Where(d => d.CluMeetingId == cluId).OrderBy(d => d.Sequence).ThenBy(d => d.CluMemberId).ToListAsync());
        Assert.Equal([0, 0, 1, 1], rows.Select(d => d.Sequence));
        Assert.All(rows, d => Assert.Equal((DeliveryStatus.Envoye, 1), (d.Status, d.Attempts)));
        Assert.Single(await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "clu.invitation-mise-a-jour" && a.EntityId == cluId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync()));
        var presences = await quality.GetPageAsync(Url(cluId));
        Assert.Equal(2, presences.QuerySelectorAll("#table-presences td[data-label=Invitation]").Count(td => td.TextContent.Contains("Mise à jour envoyée le", StringComparison.Ordinal)));

        // Another préfecture's team cannot send this CLU's update.
        using var allier = await QualityAsync("allier");
        var foreign = await allier.PostFormAsync(Url(cluId, "InvitationMiseAJour"), [], formPage: "/resultats/clu");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(1, await _app.WithDbAsync(db => db.CluMeetings.Where(c => c.Id == cluId).Select(c => c.InvitationSequence).SingleAsync()));
    }
}
