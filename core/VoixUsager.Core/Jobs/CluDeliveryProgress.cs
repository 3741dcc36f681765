using System.Globalization;
using VoixUsager.Calendar;
using VoixUsager.Clu;

namespace VoixUsager.Jobs;

/// <summary>What the CLU page says of one recipient's summary, and whether it waits longer than it should.</summary>
public sealed record CluDeliveryState(string Label, string? Explanation, bool Stalled);

/// <summary>
/// Tells a delivery the job is working on from one a stopped worker left behind. The job refreshes the
/// pending deliveries of its batch after every message it sends, and a message it holds carries its
/// claim's expiry: a pending delivery untouched for longer than one message can take (see
/// <see cref="CluSummaryJob.StallAfter"/>), or a claim that expired, means the job stopped.
/// </summary>
public static class CluDeliveryProgress
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static CluDeliveryState Describe(CluDelivery? delivery, DateTime nowUtc, TimeSpan stallAfter)
    {
        if (delivery is null)
        {
            return new("Pas encore envoyée", null, false);
        }

        switch (delivery.Status)
        {
            case DeliveryStatus.Envoye:
                return new("Envoyée", null, false);
            case DeliveryStatus.Echec when delivery.ClaimId is null:
                return new("Échec, nouvel essai prévu", null, false);
        }

        if (delivery.ClaimExpiresAtUtc is { } expires)
        {
            return expires >= nowUtc
                ? new("En cours d’envoi", null, false)
                : new("Envoi interrompu",
                    $"L’envoi a commencé le {Time(delivery.UpdatedAtUtc)}, mais la tâche s’est arrêtée avant que le serveur de messagerie confirme la réception "
                    + "(service des tâches arrêté ou serveur de messagerie sans réponse). Un nouvel essai est fait automatiquement à la reprise de la tâche ; "
                    + "si le message était déjà parti, il arrivera une seconde fois avec le même identifiant, que la messagerie du destinataire reconnaît.",
                    true);
        }

        if (delivery.Status == DeliveryStatus.EnAttente && nowUtc - delivery.UpdatedAtUtc > stallAfter)
        {
            return new("En attente anormalement longue",
                $"Aucun envoi de cette synthèse n’a progressé depuis le {Time(delivery.UpdatedAtUtc)} : la tâche d’envoi s’est arrêtée avant ce destinataire "
                + "(service des tâches arrêté ou redémarré). Elle reprend d’elle-même quand le service des tâches fonctionne ; si l’attente se prolonge, "
                + "vérifiez ce service dans le tableau des tâches de fond.",
                true);
        }

        return new("En cours", null, false);
    }

    private static string Time(DateTime utc) =>
        FrenchTimeZones.UtcToParis(utc).ToString("dd/MM/yyyy 'à' HH:mm", French);
}

/// <summary>What the CLU page says of the summary's sending as a whole: never a date to come that has passed.</summary>
public static class CluSummarySchedule
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <param name="recipients">How many people the summary goes to today.</param>
    public static string Describe(CluMeeting clu, int recipients, DateTime nowUtc)
    {
        var sent = clu.Deliveries.Where(d => d.Status == DeliveryStatus.Envoye && d.SentAtUtc is not null).ToList();
        var waiting = Math.Max(0, recipients - sent.Count);
        var parisNow = FrenchTimeZones.UtcToParis(nowUtc);
        var today = DateOnly.FromDateTime(parisNow);
        if (sent.Count > 0 && waiting == 0)
        {
            return $"La synthèse a été envoyée le {Time(sent.Max(d => d.SentAtUtc!.Value))} à l’équipe qualité et aux membres qui la reçoivent.";
        }

        if (sent.Count > 0)
        {
            return $"L’envoi de la synthèse a commencé le {Time(sent.Min(d => d.SentAtUtc!.Value))} : {sent.Count} destinataire(s) l’ont reçue, {waiting} restent à servir (voir le tableau ci-dessous).";
        }

        if (clu.MeetingOn < today)
        {
            return $"Le comité a eu lieu le {Day(clu.MeetingOn)} et la synthèse n’a pas été envoyée.";
        }

        if (clu.SummaryDueOn > today)
        {
            return $"La synthèse partira automatiquement le {Day(clu.SummaryDueOn)} ({clu.DaysBefore} jours avant le comité) à l’équipe qualité et aux membres qui la reçoivent.";
        }

        // Due today or already: the daily run of the sending task takes it at its next pass.
        var next = today.ToDateTime(new TimeOnly(HangfireRegistration.CluDueHour, 0));
        if (parisNow >= next)
        {
            next = next.AddDays(1);
        }

        var start = clu.Deliveries.Count > 0 ? "L’envoi de la synthèse est en cours ou sera repris" : "La synthèse part";
        var due = clu.SummaryDueOn == today ? "prévue aujourd’hui" : $"prévue le {Day(clu.SummaryDueOn)}";
        return $"{start} au prochain passage de la tâche d’envoi, au plus tard le {next.ToString("dd/MM/yyyy 'à' HH'h'mm", French)} (date d’envoi {due}).";
    }

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", French);

    private static string Time(DateTime utc) => FrenchTimeZones.UtcToParis(utc).ToString("dd/MM/yyyy 'à' HH:mm", French);
}
