using System.Globalization;
using VoixUsager.Mystery;

namespace VoixUsager.Tests.Mystery;

/// <summary>The pure rules of a référent's record: typed times, and the order of an email's events.</summary>
[Trait("Category", "Logic")]
public class MysteryRecordRulesTests
{
    private static readonly DateTime Now = new(2026, 6, 15, 10, 0, 0, DateTimeKind.Utc);

    private static (DateTime? Utc, Dictionary<string, string> Errors) Parse(string? raw, bool required = true)
    {
        var errors = new Dictionary<string, string>();
        var utc = MysteryRecordService.ParseMoment(raw, "At", "l’heure de l’appel", required, Now, errors);
        return (utc, errors);
    }

    [Theory]
    [InlineData("1999-12-31T23:59")]
    [InlineData("0001-01-01T00:00")]
    [InlineData("2026-13-01T10:00")]
    [InlineData("2026-02-30T10:00")]
    [InlineData("15/06/2026 10:00")]
    [InlineData("2026-06-15")]
    [InlineData("2026-06-15T25:00")]
    [InlineData("demain")]
    public void Date_before_2000_or_malformed_asks_for_the_format(string raw)
    {
        var (utc, errors) = Parse(raw);

        Assert.Null(utc);
        Assert.Equal("Indiquez l’heure de l’appel au format jj/mm/aaaa hh:mm.", errors["At"]);
    }

    [Fact]
    public void First_minute_of_2000_is_accepted()
    {
        var (utc, errors) = Parse("2000-01-01T00:00");

        Assert.Empty(errors);
        Assert.Equal(new DateTime(1999, 12, 31, 23, 0, 0, DateTimeKind.Utc), utc);
    }

    [Fact]
    public void Blank_is_an_error_only_when_required()
    {
        Assert.Equal("Indiquez l’heure de l’appel (jour et heure).", Parse("  ").Errors["At"]);
        var (utc, errors) = Parse("", required: false);
        Assert.Null(utc);
        Assert.Empty(errors);
    }

    [Fact]
    public void Seconds_are_accepted_and_paris_time_becomes_utc()
    {
        Assert.Equal(new DateTime(2026, 6, 15, 7, 30, 15), Parse("2026-06-15T09:30:15").Utc);
    }

    [Fact]
    public void Future_beyond_a_few_minutes_of_clock_skew_is_refused()
    {
        Assert.Empty(Parse("2026-06-15T12:05").Errors);
        Assert.Equal("L’heure de l’appel ne peut pas être dans le futur.", Parse("2026-06-15T12:06").Errors["At"]);
    }

    [Fact]
    public void Time_the_clocks_skip_is_refused_with_a_french_message()
    {
        var (utc, errors) = Parse("2026-03-29T02:30");

        Assert.Null(utc);
        Assert.StartsWith("Le 29/03/2026 à 02:30 n’existe pas à l’heure de Paris", errors["At"]);
    }

    [Fact]
    public void Reply_acknowledgement_and_reminder_in_the_same_minute_as_the_message_are_accepted()
    {
        var sent = new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc);
        var errors = new Dictionary<string, string>();

        MysteryRecordService.CheckEmailOrder(sent, sent, sent, sent, errors);

        Assert.Empty(errors);
    }

    [Fact]
    public void Reply_acknowledgement_or_reminder_before_the_message_is_refused()
    {
        var sent = new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc);
        var before = sent.AddMinutes(-1);
        var errors = new Dictionary<string, string>();

        MysteryRecordService.CheckEmailOrder(sent, before, before, before, errors);

        Assert.Equal("L’accusé de réception ne peut pas précéder l’envoi du courriel.", errors["AcknowledgedAt"]);
        Assert.Equal("La réponse ne peut pas précéder l’envoi du courriel.", errors["RepliedAt"]);
        Assert.Equal("La relance ne peut pas précéder l’envoi du courriel.", errors["ReminderSentAt"]);
        var none = new Dictionary<string, string>();
        MysteryRecordService.CheckEmailOrder(sent, null, null, null, none);
        Assert.Empty(none);
    }
}
