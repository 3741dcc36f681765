using VoixUsager.Prefectures;

namespace VoixUsager.Calendar;

/// <summary>
/// Working days (jours ouvrés) as administrations count them: Monday to Friday, public holidays of the
/// zone excepted. Every <see cref="DateTime"/> taken here is local civil time in the zone concerned
/// (Paris time in métropole, Réunion time for <see cref="HolidayZone.LaReunion"/>...): the caller converts
/// from UTC first, because the day an email belongs to depends on where it was sent and read.
/// </summary>
public static class WorkingDays
{
    /// <summary>The deadline most services commit to for answering an email.</summary>
    public const int DefaultDeadline = 5;

    /// <summary>Whether <paramref name="date"/> is a Monday to Friday that is not a public holiday in <paramref name="zone"/>.</summary>
    public static bool IsWorkingDay(DateOnly date, HolidayZone zone) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !FrenchHolidays.IsHoliday(date, zone);

    /// <summary>
    /// The working days a reply took. The day of sending is day 0, whatever it is; each later working day up
    /// to and including the day of reception counts 1. Sent and answered the same day: 0; sent on Friday or
    /// Saturday and answered on Monday: 1. Only calendar days matter, not hours.
    /// </summary>
    /// <param name="sentAtLocal">When the message was sent, in the zone's local civil time.</param>
    /// <param name="receivedAtLocal">When the reply was received, in the zone's local civil time.</param>
    /// <param name="zone">The holiday zone of the service that answers.</param>
    /// <exception cref="ArgumentException">The reply is dated before the message.</exception>
    public static int Between(DateTime sentAtLocal, DateTime receivedAtLocal, HolidayZone zone)
    {
        if (receivedAtLocal < sentAtLocal)
        {
            throw new ArgumentException("La date de réception ne peut pas être antérieure à la date d'envoi.", nameof(receivedAtLocal));
        }

        var received = DateOnly.FromDateTime(receivedAtLocal);
        var count = 0;
        for (var day = DateOnly.FromDateTime(sentAtLocal); day < received;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day, zone))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The date <paramref name="days"/> working days after <paramref name="start"/>, which itself is not counted:
    /// the last day to answer "within <paramref name="days"/> working days" of a message received on <paramref name="start"/>.
    /// With 0, <paramref name="start"/> itself. <c>Between(start, AddWorkingDays(start, n))</c> is n.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    public static DateOnly AddWorkingDays(DateOnly start, int days, HolidayZone zone)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);

        var day = start;
        while (days > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day, zone))
            {
                days--;
            }
        }

        return day;
    }

    /// <summary>
    /// Classifies a reply against a deadline in working days, counted as <see cref="Between"/> does: a reply on
    /// the last day of the deadline, at any hour, is within it.
    /// </summary>
    /// <param name="sentAtLocal">When the message was sent, in the zone's local civil time.</param>
    /// <param name="replyAtLocal">When the reply was received, in the zone's local civil time; null when there was none.</param>
    /// <param name="zone">The holiday zone of the service that answers.</param>
    /// <param name="deadlineWorkingDays">The deadline the service committed to.</param>
    /// <exception cref="ArgumentException">The reply is dated before the message.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="deadlineWorkingDays"/> is negative.</exception>
    public static ReplyDelayClass ClassifyReply(DateTime sentAtLocal, DateTime? replyAtLocal, HolidayZone zone, int deadlineWorkingDays = DefaultDeadline)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(deadlineWorkingDays);

        if (replyAtLocal is not { } reply)
        {
            return ReplyDelayClass.NoReply;
        }

        return Between(sentAtLocal, reply, zone) <= deadlineWorkingDays ? ReplyDelayClass.WithinDeadline : ReplyDelayClass.Late;
    }
}
