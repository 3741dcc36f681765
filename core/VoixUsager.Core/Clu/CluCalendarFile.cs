using System.Globalization;
using System.Text;

namespace VoixUsager.Clu;

/// <summary>
/// The invitation's calendar file (RFC 5545): one event in Paris time, with the time zone described in
/// the file so that a client without a time-zone database still places the meeting right. PUBLISH, not
/// REQUEST: members answer through their link, not their calendar's RSVP, which would go nowhere.
/// </summary>
public static class CluCalendarFile
{
    public const string ContentType = "text/calendar; charset=utf-8; method=PUBLISH";

    /// <param name="Sequence">0 for the first version of the event, one more for each update (same UID).</param>
    public sealed record Event(string Uid, DateTime StampUtc, DateTime StartParis, DateTime EndParis, string Summary, string Location, string Description, string? Url, int Sequence = 0);

    /// <summary>The daylight-saving rules of Europe/Paris since 1996 (last Sunday of March and of October).</summary>
    private static readonly string[] ParisTimeZone =
    [
        "BEGIN:VTIMEZONE", "TZID:Europe/Paris",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ];

    public static byte[] Build(Event e)
    {
        var lines = new List<string> { "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//VoixUsager//Comite local des usagers//FR", "CALSCALE:GREGORIAN", "METHOD:PUBLISH" };
        lines.AddRange(ParisTimeZone);
        lines.Add("BEGIN:VEVENT");
        lines.Add("UID:" + Escape(e.Uid));
        lines.Add("SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
        lines.Add("DTSTAMP:" + e.StampUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        lines.Add("DTSTART;TZID=Europe/Paris:" + Local(e.StartParis));
        lines.Add("DTEND;TZID=Europe/Paris:" + Local(e.EndParis));
        lines.Add("SUMMARY:" + Escape(e.Summary));
        lines.Add("LOCATION:" + Escape(e.Location));
        lines.Add("DESCRIPTION:" + Escape(e.Description));
        if (e.Url is not null)
        {
            // A URI value, not text: no escaping of its commas or semicolons.
            lines.Add("URL:" + e.Url);
        }

        lines.Add("STATUS:CONFIRMED");
        lines.Add("TRANSP:OPAQUE");
        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");
        var file = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(file, line);
        }

        return Encoding.UTF8.GetBytes(file.ToString());
    }

    private static string Local(DateTime paris) => paris.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>A TEXT value: backslash, semicolon, comma and line breaks escaped.</summary>
    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>
    /// Writes a content line folded at 75 octets (the first line; 74 after each continuation's leading
    /// space), never inside a UTF-8 character, each line ended by CRLF.
    /// </summary>
    public static void Fold(StringBuilder output, string line)
    {
        var octets = 0;
        var limit = 75;
        var enumerator = StringInfo.GetTextElementEnumerator(line);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            var size = Encoding.UTF8.GetByteCount(element);
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                octets = 0;
                limit = 74;
            }

            output.Append(element);
            octets += size;
        }

        output.Append("\r\n");
    }
}
