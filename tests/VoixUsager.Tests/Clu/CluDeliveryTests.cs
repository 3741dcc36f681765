using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Clu;
using VoixUsager.Email;
using VoixUsager.Jobs;
using VoixUsager.Tests.Email;
using VoixUsager.Tests.Infrastructure;
using VoixUsager.Tests.Jobs;

namespace VoixUsager.Tests.Clu;

/// <summary>
/// Each recipient's summary as the job records it, through MailKit to a real SMTP server on loopback:
/// claims other copies respect, attempts, errors, the Message-ID, and what the CLU page says of them.
/// </summary>
public sealed class CluDeliveryTests : IAsyncLifetime
{
    private SmtpTestServer _smtp = null!;
    private JobsAppFactory _app = null!;
    private StaffTestData _staff = null!;
    private int _cluId;

    private static readonly string[] Members = ["ufc@cantal.test", "udaf@cantal.test"];

    public async Task InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartNewAsync();
        _app = new JobsAppFactory { SmtpPort = _smtp.Port };
        _staff = await StaffTestData.SeedAsync(_app);
        _cluId = await _app.WithDbAsync(async db =>
        {
            var clu = new CluMeeting
            {
                PrefectureId = _staff.CantalId,
                MeetingOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10),
                Place = "Aurillac",
                DaysBefore = 15,
                CreatedAtUtc = DateTime.UtcNow,
                Members = Members.Select(m => new CluMember { Name = m, Email = m, ReceivesSummary = true }).ToList(),
            };
            db.CluMeetings.Add(clu);
            await db.SaveChangesAsync();
            return clu.Id;
        });
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _smtp.DisposeAsync();
    }

    private async Task RunJobAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CluSummaryJob>().RunAsync(_cluId, CancellationToken.None);
    }

    private Task<List<CluDelivery>> DeliveriesAsync() =>
        _app.WithDbAsync(db => db.CluDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync());

    private IReadOnlyList<string> Received() =>
        _smtp.Received().SelectMany(r => r.EnvelopeRecipients).Order(StringComparer.Ordinal).ToList();

    private static readonly string[] Everyone = ["qualite@cantal.test", "udaf@cantal.test", "ufc@cantal.test"];

    [Fact]
    public async Task Attempts_count_each_try_and_a_long_error_is_cut_to_the_column()
    {
        // The first message goes, the second is refused with an error longer than the column.
        _app.Sender.FailAfter = 1;
        _app.Sender.FailureMessage = "Le serveur SMTP a refusé le message : " + new string('x', 3000);
        await Assert.ThrowsAsync<EmailDeliveryException>(RunJobAsync);

        var afterFailure = await DeliveriesAsync();
        Assert.Equal(
            [(DeliveryStatus.Envoye, 1), (DeliveryStatus.Echec, 1), (DeliveryStatus.Echec, 1)],
            afterFailure.Select(d => (d.Status, d.Attempts)));
        Assert.All(afterFailure.Skip(1), d =>
        {
            Assert.Equal(CluDelivery.MaxErrorLength, d.LastError!.Length);
            Assert.StartsWith("Le serveur SMTP a refusé le message : xxx", d.LastError);
            Assert.EndsWith("…", d.LastError);
            Assert.Null(d.ClaimId);
        });

        _app.Sender.FailAfter = null;
        await RunJobAsync();
        await RunJobAsync();

        var delivered = await DeliveriesAsync();
        Assert.Equal([1, 2, 2], delivered.Select(d => d.Attempts));
        Assert.All(delivered, d => Assert.Equal((DeliveryStatus.Envoye, null, null), (d.Status, d.LastError, d.ClaimId)));
        Assert.Equal(Everyone, Received());
    }

    [Fact]
    public async Task A_message_another_copy_of_the_job_holds_is_left_to_it_until_its_claim_expires()
    {
        // Another copy of the job (another worker) holds udaf's message as this copy runs.
        await RunJobAsync();
        await _app.WithDbAsync(db => db.CluDeliveries.Where(d => d.RecipientEmail == "udaf@cantal.test").ExecuteUpdateAsync(set => set
            .SetProperty(d => d.Status, DeliveryStatus.EnAttente)
            .SetProperty(d => d.ClaimId, Guid.NewGuid())
            .SetProperty(d => d.ClaimExpiresAtUtc, DateTime.UtcNow.AddMinutes(2))));
        var firstMessageId = (await DeliveriesAsync()).Single(d => d.RecipientEmail == "udaf@cantal.test").MessageId;

        await RunJobAsync();
        Assert.Equal(Everyone, Received());

        // That copy died: once its claim has expired the message is sent again, as the same message.
        _app.Time.Offset = TimeSpan.FromMinutes(3);
        await RunJobAsync();

        var udaf = _smtp.Received().Where(r => r.EnvelopeRecipients.Contains("udaf@cantal.test")).Select(r => r.Message.MessageId).ToList();
        Assert.Equal([firstMessageId, firstMessageId], udaf);
        var delivery = (await DeliveriesAsync()).Single(d => d.RecipientEmail == "udaf@cantal.test");
        Assert.Equal((DeliveryStatus.Envoye, null, 2), (delivery.Status, delivery.ClaimId, delivery.Attempts));
    }

    [Fact]
    public async Task Every_clu_and_recipient_has_its_own_message_id_kept_across_sends()
    {
        await RunJobAsync();
        var first = _smtp.Received().ToDictionary(r => r.EnvelopeRecipients.Single(), r => r.Message.MessageId);

        // As after a crash between the mail server's acceptance and the record: the job sends again.
        await _app.WithDbAsync(db => db.CluDeliveries.ExecuteUpdateAsync(set => set.SetProperty(d => d.Status, DeliveryStatus.EnAttente)));
        await RunJobAsync();

        var all = _smtp.Received();
        Assert.Equal(6, all.Count);
        Assert.All(all, r => Assert.Equal(first[r.EnvelopeRecipients.Single()], r.Message.MessageId));
        Assert.Equal(3, first.Values.Distinct().Count());
        Assert.All(first.Values, id => Assert.StartsWith($"synthese-clu-{_cluId}.", id));
        var recorded = await DeliveriesAsync();
        Assert.All(recorded, d => Assert.Equal(first[d.RecipientEmail], d.MessageId));
    }

    [Fact]
    public async Task Clu_page_shows_a_stalled_delivery_and_why()
    {
        await RunJobAsync();
        var started = DateTime.UtcNow.AddMinutes(-30);
        await _app.WithDbAsync(async db =>
        {
            // A worker killed mid-batch: udaf's message was in its hands, ufc's still waiting.
            await db.CluDeliveries.Where(d => d.RecipientEmail == "udaf@cantal.test").ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Status, DeliveryStatus.EnAttente).SetProperty(d => d.SentAtUtc, (DateTime?)null)
                .SetProperty(d => d.ClaimId, Guid.NewGuid()).SetProperty(d => d.ClaimExpiresAtUtc, started.AddMinutes(5)).SetProperty(d => d.UpdatedAtUtc, started));
            return await db.CluDeliveries.Where(d => d.RecipientEmail == "ufc@cantal.test").ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Status, DeliveryStatus.EnAttente).SetProperty(d => d.SentAtUtc, (DateTime?)null).SetProperty(d => d.UpdatedAtUtc, started));
        });

        using var qualite = StaffClient.For(_app);
        await qualite.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);
        var page = await qualite.GetPageAsync($"/resultats/clu/{_cluId}");

        string Row(string address) => page.QuerySelectorAll("#table-envois tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains(address, StringComparison.Ordinal)).TextContent;
        Assert.Contains("Envoi interrompu", Row("udaf@cantal.test"));
        Assert.Contains("la tâche s’est arrêtée avant que le serveur de messagerie confirme la réception", Row("udaf@cantal.test"));
        Assert.Contains("En attente anormalement longue", Row("ufc@cantal.test"));
        Assert.Contains("la tâche d’envoi s’est arrêtée avant ce destinataire", Row("ufc@cantal.test"));
        Assert.Contains("Envoyée", Row("qualite@cantal.test"));
        Assert.DoesNotContain("anormalement", Row("qualite@cantal.test"));
        Assert.Contains("1 destinataire(s) l’ont reçue, 2 restent à servir", page.QuerySelector("#calendrier-envoi")!.TextContent);
    }

    [Fact]
    public async Task Send_it_to_me_now_is_listed_with_the_deliveries_and_the_page_never_promises_a_past_date()
    {
        using var qualite = StaffClient.For(_app);
        await qualite.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);

        // Meeting in 10 days, summary 15 days before: its date has passed, and nothing is sent yet.
        var before = (await qualite.GetPageAsync($"/resultats/clu/{_cluId}")).QuerySelector("#calendrier-envoi")!.TextContent;
        Assert.DoesNotContain("partira automatiquement", before);
        Assert.Contains("au prochain passage de la tâche d’envoi", before);

        var sent = await qualite.PostFormAsync($"/resultats/clu/{_cluId}?handler=SendToMe", [], $"/resultats/clu/{_cluId}");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var page = await qualite.GetPageAsync($"/resultats/clu/{_cluId}");
        var copy = Assert.Single(page.QuerySelectorAll("#table-envois tbody tr.clu-copie"));
        Assert.Contains("qualite@cantal.test (copie demandée)", copy.TextContent);
        Assert.Contains("Copie envoyée à la demande", copy.TextContent);
        Assert.Matches(@"\d\d/\d\d/\d{4} \d\d:\d\d", copy.TextContent);
        // The copy is no delivery: the recipients' summary still goes.
        Assert.Empty(await DeliveriesAsync());

        await RunJobAsync();
        var after = (await qualite.GetPageAsync($"/resultats/clu/{_cluId}")).QuerySelector("#calendrier-envoi")!.TextContent;
        Assert.Contains("La synthèse a été envoyée le", after);
        Assert.DoesNotContain("partira", after);

        // A CLU far ahead still says when its summary leaves.
        var later = await _app.WithDbAsync(async db =>
        {
            var clu = new CluMeeting { PrefectureId = _staff.CantalId, MeetingOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60), Place = "Mauriac", DaysBefore = 15, CreatedAtUtc = DateTime.UtcNow };
            db.CluMeetings.Add(clu);
            await db.SaveChangesAsync();
            return clu;
        });
        var ahead = (await qualite.GetPageAsync($"/resultats/clu/{later.Id}")).QuerySelector("#calendrier-envoi")!.TextContent;
        Assert.Contains($"La synthèse partira automatiquement le {later.SummaryDueOn:dd/MM/yyyy}", ahead);
    }
}
