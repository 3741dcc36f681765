using VoixUsager.Calendar;
using VoixUsager.Clu;
using VoixUsager.Jobs;

namespace VoixUsager.Tests.Jobs;

/// <summary>The pure rules of a CLU summary's deliveries: the stored error, the Message-ID, what the CLU page says.</summary>
[Trait("Category", "Logic")]
public sealed class CluDeliveryRulesTests
{
    private static readonly DateTime Now = new(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan StallAfter = TimeSpan.FromMinutes(5);

    private static CluDelivery Delivery(DeliveryStatus status, DateTime updated, DateTime? claimUntil = null) => new()
    {
        RecipientEmail = "membre@cantal.test",
        Status = status,
        UpdatedAtUtc = updated,
        ClaimId = claimUntil is null ? null : Guid.NewGuid(),
        ClaimExpiresAtUtc = claimUntil,
    };

    [Fact]
    public void An_error_within_the_column_is_stored_as_is()
    {
        var exact = new string('e', CluDelivery.MaxErrorLength);
        Assert.Equal("Connexion refusée", CluDelivery.TruncateError("Connexion refusée"));
        Assert.Same(exact, CluDelivery.TruncateError(exact));
    }

    [Fact]
    public void A_longer_error_is_cut_to_the_column_with_an_ellipsis()
    {
        var error = "Le serveur SMTP a refusé : " + new string('x', 3000);

        var stored = CluDelivery.TruncateError(error);

        Assert.Equal(CluDelivery.MaxErrorLength, stored.Length);
        Assert.EndsWith("x…", stored);
        Assert.StartsWith("Le serveur SMTP a refusé : xxx", stored);
        Assert.Equal(CluDelivery.MaxErrorLength, CluDelivery.TruncateError(new string('y', CluDelivery.MaxErrorLength + 1)).Length);
    }

    [Fact]
    public void Message_id_is_the_same_for_a_clu_and_a_recipient_and_differs_otherwise()
    {
        var clu = new CluMeeting { Id = 7, Place = "Aurillac", CreatedAtUtc = new DateTime(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc) };
        var recreated = new CluMeeting { Id = 7, Place = "Aurillac", CreatedAtUtc = new DateTime(2026, 2, 1, 10, 0, 0, DateTimeKind.Utc) };

        var id = CluSummaryJob.MessageIdFor(clu, "Membre@Cantal.test", "voixusager.gouv.fr");

        Assert.Equal(id, CluSummaryJob.MessageIdFor(clu, " membre@cantal.test", "voixusager.gouv.fr"));
        Assert.NotEqual(id, CluSummaryJob.MessageIdFor(clu, "autre@cantal.test", "voixusager.gouv.fr"));
        Assert.NotEqual(id, CluSummaryJob.MessageIdFor(recreated, "membre@cantal.test", "voixusager.gouv.fr"));
        Assert.EndsWith("@voixusager.gouv.fr", id);
        Assert.DoesNotContain("membre", id);
        Assert.Equal([id], MimeKit.Utils.MimeUtils.EnumerateReferences($"<{id}>"));
    }

    [Fact]
    public void A_delivery_the_job_is_working_on_is_not_flagged()
    {
        Assert.Equal(("En cours", false), Describe(Delivery(DeliveryStatus.EnAttente, Now.AddMinutes(-4))));
        Assert.Equal(("En cours d’envoi", false), Describe(Delivery(DeliveryStatus.EnAttente, Now.AddMinutes(-20), claimUntil: Now.AddSeconds(30))));
        Assert.Equal(("En cours d’envoi", false), Describe(Delivery(DeliveryStatus.Echec, Now.AddMinutes(-20), claimUntil: Now.AddSeconds(30))));
        Assert.Equal(("Envoyée", false), Describe(Delivery(DeliveryStatus.Envoye, Now.AddDays(-3))));
        Assert.Equal(("Échec, nouvel essai prévu", false), Describe(Delivery(DeliveryStatus.Echec, Now.AddDays(-3))));
        Assert.Equal(("Pas encore envoyée", false), (CluDeliveryProgress.Describe(null, Now, StallAfter).Label, CluDeliveryProgress.Describe(null, Now, StallAfter).Stalled));
    }

    [Fact]
    public void A_pending_delivery_without_news_for_longer_than_a_message_takes_is_flagged_with_why()
    {
        var state = CluDeliveryProgress.Describe(Delivery(DeliveryStatus.EnAttente, Now.AddMinutes(-6)), Now, StallAfter);

        Assert.True(state.Stalled);
        Assert.Equal("En attente anormalement longue", state.Label);
        // 08:54 UTC is 09:54 in Paris in March (winter time).
        Assert.Contains("depuis le 10/03/2026 à 09:54", state.Explanation);
        Assert.Contains("la tâche d’envoi s’est arrêtée avant ce destinataire", state.Explanation);
        Assert.Contains("(service des tâches arrêté ou redémarré). Elle reprend d’elle-même", state.Explanation);
        Assert.EndsWith("vérifiez ce service dans le tableau des tâches de fond.", state.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_whose_claim_expired_is_flagged_as_interrupted()
    {
        var state = CluDeliveryProgress.Describe(Delivery(DeliveryStatus.EnAttente, Now.AddMinutes(-6), claimUntil: Now.AddSeconds(-1)), Now, StallAfter);

        Assert.True(state.Stalled);
        Assert.Equal("Envoi interrompu", state.Label);
        Assert.Contains("même identifiant", state.Explanation);
        Assert.Contains("(service des tâches arrêté ou serveur de messagerie sans réponse). Un nouvel essai est fait automatiquement", state.Explanation);
    }

    private static (string, bool) Describe(CluDelivery delivery)
    {
        var state = CluDeliveryProgress.Describe(delivery, Now, StallAfter);
        return (state.Label, state.Stalled);
    }

    private static CluMeeting Clu(DateOnly meeting, int daysBefore = 15) =>
        new() { Id = 1, Place = "Aurillac", MeetingOn = meeting, DaysBefore = daysBefore, CreatedAtUtc = Now.AddDays(-60) };

    [Fact]
    public void Summary_due_later_says_when_it_leaves()
    {
        var text = CluSummarySchedule.Describe(Clu(new DateOnly(2026, 4, 30)), recipients: 3, Now);

        Assert.Equal("La synthèse partira automatiquement le 15/04/2026 (15 jours avant le comité) à l’équipe qualité et aux membres qui la reçoivent.", text);
    }

    [Fact]
    public void Summary_to_nobody_yet_is_not_said_to_be_sent()
    {
        var text = CluSummarySchedule.Describe(Clu(new DateOnly(2026, 4, 30)), recipients: 0, Now);

        Assert.StartsWith("La synthèse partira automatiquement le 15/04/2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_whose_date_passed_never_says_it_will_leave_on_that_date()
    {
        // Created today at 10:00 (Paris) for a meeting in 5 days: the date 15 days before has passed.
        var text = CluSummarySchedule.Describe(Clu(new DateOnly(2026, 3, 15)), recipients: 3, Now);

        Assert.DoesNotContain("partira automatiquement", text);
        Assert.Contains("au prochain passage de la tâche d’envoi, au plus tard le 11/03/2026 à 06h00", text);
        Assert.Contains("prévue le 28/02/2026", text);

        var beforeSix = CluSummarySchedule.Describe(Clu(new DateOnly(2026, 3, 15)), recipients: 3, new DateTime(2026, 3, 10, 4, 30, 0, DateTimeKind.Utc));
        Assert.Contains("au plus tard le 10/03/2026 à 06h00", beforeSix);
    }

    [Fact]
    public void Summary_sent_says_when_and_a_meeting_past_without_it_says_so()
    {
        var clu = Clu(new DateOnly(2026, 3, 20));
        clu.Deliveries =
        [
            new CluDelivery { RecipientEmail = "a@cantal.test", Status = DeliveryStatus.Envoye, SentAtUtc = new DateTime(2026, 3, 5, 5, 0, 1, DateTimeKind.Utc) },
            new CluDelivery { RecipientEmail = "b@cantal.test", Status = DeliveryStatus.Envoye, SentAtUtc = new DateTime(2026, 3, 5, 5, 0, 3, DateTimeKind.Utc) },
        ];

        var sent = CluSummarySchedule.Describe(clu, recipients: 2, Now);
        var partly = CluSummarySchedule.Describe(clu, recipients: 3, Now);
        var past = CluSummarySchedule.Describe(Clu(new DateOnly(2026, 3, 1)), recipients: 2, Now);

        Assert.Equal("La synthèse a été envoyée le 05/03/2026 à 06:00 à l’équipe qualité et aux membres qui la reçoivent.", sent);
        Assert.Contains("2 destinataire(s) l’ont reçue, 1 restent à servir", partly);
        Assert.Equal("Le comité a eu lieu le 01/03/2026 et la synthèse n’a pas été envoyée.", past);
        Assert.All(new[] { sent, partly, past }, t => Assert.DoesNotContain("partira", t));
    }

    [Fact]
    public void A_claim_expiring_this_instant_still_counts_as_sending()
    {
        Assert.Equal(("En cours d’envoi", false), Describe(Delivery(DeliveryStatus.EnAttente, Now.AddMinutes(-20), claimUntil: Now)));
        Assert.Equal(("Envoi interrompu", true), Describe(Delivery(DeliveryStatus.EnAttente, Now.AddMinutes(-20), claimUntil: Now.AddTicks(-1))));
    }

    [Fact]
    public void A_failed_message_whose_claim_expired_is_interrupted_and_says_when_it_started()
    {
        // 07:30 UTC is 08:30 in Paris in March.
        var state = CluDeliveryProgress.Describe(Delivery(DeliveryStatus.Echec, new DateTime(2026, 3, 10, 7, 30, 0, DateTimeKind.Utc), claimUntil: Now.AddMinutes(-1)), Now, StallAfter);

        Assert.Equal(("Envoi interrompu", true), (state.Label, state.Stalled));
        Assert.StartsWith("L’envoi a commencé le 10/03/2026 à 08:30, mais la tâche s’est arrêtée", state.Explanation, StringComparison.Ordinal);
        Assert.Equal(("Envoyée", false), Describe(Delivery(DeliveryStatus.Envoye, Now.AddDays(-1), claimUntil: Now.AddDays(-1))));
    }

    [Fact]
    public void A_pending_delivery_is_flagged_only_past_the_time_one_message_can_take()
    {
        Assert.Equal(("En cours", false), Describe(Delivery(DeliveryStatus.EnAttente, Now - StallAfter)));
        Assert.Equal(("En attente anormalement longue", true), Describe(Delivery(DeliveryStatus.EnAttente, Now - StallAfter - TimeSpan.FromSeconds(1))));
        Assert.Null(CluDeliveryProgress.Describe(Delivery(DeliveryStatus.EnAttente, Now), Now, StallAfter).Explanation);
    }

    [Fact]
    public void Summary_due_today_says_today_and_the_next_run_of_the_task()
    {
        // 10/03/2026 10:00 in Paris, meeting 15 days later: due today, the 06:00 run has passed, so tomorrow 06:00.
        var text = CluSummarySchedule.Describe(Clu(new DateOnly(2026, 3, 25)), recipients: 2, Now);

        Assert.Equal("La synthèse part au prochain passage de la tâche d’envoi, au plus tard le 11/03/2026 à 06h00 (date d’envoi prévue aujourd’hui).", text);

        // At 06:00 exactly the run is under way: the next one is the next day's.
        var atSix = CluSummarySchedule.Describe(Clu(new DateOnly(2026, 3, 25)), recipients: 2, new DateTime(2026, 3, 10, 5, 0, 0, DateTimeKind.Utc));
        Assert.Contains("au plus tard le 11/03/2026 à 06h00", atSix);
        var beforeSix = CluSummarySchedule.Describe(Clu(new DateOnly(2026, 3, 25)), recipients: 2, new DateTime(2026, 3, 10, 4, 59, 0, DateTimeKind.Utc));
        Assert.Contains("au plus tard le 10/03/2026 à 06h00", beforeSix);
    }

    [Fact]
    public void Summary_interrupted_before_anyone_received_it_says_it_will_be_resumed()
    {
        var clu = Clu(new DateOnly(2026, 3, 20));
        clu.Deliveries = [new CluDelivery { RecipientEmail = "a@cantal.test", Status = DeliveryStatus.Echec }];

        var text = CluSummarySchedule.Describe(clu, recipients: 2, Now);

        Assert.StartsWith("L’envoi de la synthèse est en cours ou sera repris au prochain passage de la tâche d’envoi", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_meeting_held_today_is_not_yet_past()
    {
        var text = CluSummarySchedule.Describe(Clu(new DateOnly(2026, 3, 10)), recipients: 2, Now);

        Assert.DoesNotContain("a eu lieu", text);
        Assert.Contains("(date d’envoi prévue le 23/02/2026)", text);
    }

    [Fact]
    public void Summary_received_by_more_people_than_now_listed_reads_as_sent()
    {
        // A member removed after the sending: nobody is left to serve.
        var clu = Clu(new DateOnly(2026, 3, 20));
        clu.Deliveries =
        [
            new CluDelivery { RecipientEmail = "a@cantal.test", Status = DeliveryStatus.Envoye, SentAtUtc = new DateTime(2026, 3, 5, 5, 0, 0, DateTimeKind.Utc) },
            new CluDelivery { RecipientEmail = "b@cantal.test", Status = DeliveryStatus.Envoye, SentAtUtc = new DateTime(2026, 3, 5, 5, 2, 0, DateTimeKind.Utc) },
            new CluDelivery { RecipientEmail = "c@cantal.test", Status = DeliveryStatus.Envoye, SentAtUtc = null },
        ];

        Assert.Equal("La synthèse a été envoyée le 05/03/2026 à 06:02 à l’équipe qualité et aux membres qui la reçoivent.", CluSummarySchedule.Describe(clu, recipients: 1, Now));
        Assert.StartsWith("L’envoi de la synthèse a commencé le 05/03/2026 à 06:00 : 2 destinataire(s) l’ont reçue, 1 restent à servir", CluSummarySchedule.Describe(clu, recipients: 3, Now), StringComparison.Ordinal);
    }
}
