using System.Text;
using VoixUsager.Clu;

namespace VoixUsager.Tests.Clu;

/// <summary>The calendar file's text rules (RFC 5545): escaping, folding at 75 octets without cutting a character, CRLF.</summary>
[Trait("Category", "Logic")]
public sealed class CluCalendarFileTests
{
    private static CluCalendarFile.Event Event(string description, string location = "Salle 1") => new(
        "clu-1-20260101000000@voixusager.localhost", new DateTime(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc),
        new DateTime(2027, 3, 28, 14, 0, 0), new DateTime(2027, 3, 28, 16, 0, 0), "Comité local des usagers", location, description, null);

    [Fact]
    public void Text_is_escaped_folded_within_75_octets_and_read_back_whole()
    {
        var description = "Ordre du jour : 1. Accueil, présentation; bilan \\ annexes\n2. " + string.Concat(Enumerable.Repeat("Élément accentué — « guillemets » ", 12));
        var raw = Encoding.UTF8.GetString(CluCalendarFile.Build(Event(description, "Préfecture, salle; 2")));

        Assert.EndsWith("\r\n", raw, StringComparison.Ordinal);
        var lines = raw[..^2].Split("\r\n");
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.Contains(lines, line => line.StartsWith(' '));
        // Unfolding gives back the escaped value, so no character was cut in two.
        var unfolded = raw.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:Ordre du jour : 1. Accueil\\, présentation\\; bilan \\\\ annexes\\n2. Élément", unfolded, StringComparison.Ordinal);
        Assert.Contains("LOCATION:Préfecture\\, salle\\; 2\r\n", unfolded, StringComparison.Ordinal);
        Assert.DoesNotContain("\uFFFD", unfolded, StringComparison.Ordinal);

        var parsed = Assert.Single(Ical.Net.Calendar.Load(raw)!.Events);
        Assert.Equal(description, parsed.Description);
        Assert.Equal("Préfecture, salle; 2", parsed.Location);
    }

    [Fact]
    public void The_meeting_is_placed_in_paris_time_on_either_side_of_a_clock_change()
    {
        // 28 March 2027 is the day summer time starts: 14:00 in Paris is 12:00 UTC, not 13:00.
        var parsed = Assert.Single(Ical.Net.Calendar.Load(Encoding.UTF8.GetString(CluCalendarFile.Build(Event("x"))))!.Events);
        Assert.Equal("Europe/Paris", parsed.DtStart!.TzId);
        Assert.Equal(new DateTime(2027, 3, 28, 12, 0, 0, DateTimeKind.Utc), parsed.DtStart.AsUtc);
        Assert.Equal(new DateTime(2027, 3, 28, 14, 0, 0, DateTimeKind.Utc), parsed.DtEnd!.AsUtc);
    }
}
