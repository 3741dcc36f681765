using VoixUsager.Prefectures;
using VoixUsager.Register;

namespace VoixUsager.Tests.Register;

/// <summary>Deadlines of a case in working days of the préfecture's zone, on the holidays the seeds' reports run into.</summary>
[Trait("Category", "Logic")]
public sealed class RegisterDueDateTests
{
    private static Prefecture Prefecture(HolidayZone zone, int answer = 15, int acknowledgement = 5) => new()
    {
        DepartementCode = "15", Name = "Cantal", DisplayName = "Préfecture du Cantal", HolidayZone = zone,
        CaseDeadlineWorkingDays = answer, AcknowledgementDeadlineWorkingDays = acknowledgement,
    };

    [Theory]
    // Friday 10 July 2026: Tuesday 14 July does not count, so 15 working days end on Monday 3 August, not Friday 31 July.
    [InlineData("2026-07-10", HolidayZone.Metropole, "2026-07-20", "2026-08-03")]
    // Thursday 14 August 2025: Friday 15 August does not count.
    [InlineData("2025-08-14", HolidayZone.Metropole, "2025-08-22", "2025-09-05")]
    // Friday 3 April 2026: Easter Monday (6 April) does not count.
    [InlineData("2026-04-03", HolidayZone.Metropole, "2026-04-13", "2026-04-27")]
    // Thursday 21 May 2026 in Martinique: abolition day (Friday 22 May) and Whit Monday (25 May) do not count.
    [InlineData("2026-05-21", HolidayZone.Martinique, "2026-06-01", "2026-06-15")]
    // The same day in métropole: only Whit Monday is a holiday.
    [InlineData("2026-05-21", HolidayZone.Metropole, "2026-05-29", "2026-06-12")]
    // Alsace-Moselle: Good Friday (3 April 2026) and Easter Monday do not count.
    [InlineData("2026-04-02", HolidayZone.AlsaceMoselle, "2026-04-13", "2026-04-27")]
    public void Deadlines_count_working_days_of_the_zone(string received, HolidayZone zone, string acknowledgement, string answer)
    {
        var (ack, due) = RegisterService.DueDates(DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture), Prefecture(zone));

        Assert.Equal(DateOnly.Parse(acknowledgement, System.Globalization.CultureInfo.InvariantCulture), ack);
        Assert.Equal(DateOnly.Parse(answer, System.Globalization.CultureInfo.InvariantCulture), due);
    }

    [Fact]
    public void A_case_is_overdue_the_day_after_its_deadline_and_never_once_answered()
    {
        var registerCase = new RegisterCase { Text = "x", DueOn = new DateOnly(2026, 8, 3), AcknowledgementDueOn = new DateOnly(2026, 7, 20) };

        Assert.False(registerCase.IsOverdue(new DateOnly(2026, 8, 3)));
        Assert.True(registerCase.IsOverdue(new DateOnly(2026, 8, 4)));
        Assert.True(registerCase.IsAcknowledgementOverdue(new DateOnly(2026, 7, 21)));
        registerCase.Status = CaseStatus.Repondue;
        Assert.False(registerCase.IsOverdue(new DateOnly(2026, 9, 1)));
    }

    [Theory]
    [InlineData("fiche.pdf", "%PDF-1.7\n", null)]
    [InlineData("fiche.PNG", "\u0089PNG\r\n\u001a\n....", null)]
    [InlineData("fiche.jpg", "\u00ff\u00d8\u00ff\u00e0", null)]
    [InlineData("fiche.pdf", "\u0089PNG\r\n\u001a\n....", AttachmentCheck.MismatchMessage)]
    [InlineData("fiche.png", "MZ\u0090\u0000", AttachmentCheck.MismatchMessage)]
    [InlineData("fiche.exe", "MZ\u0090\u0000", AttachmentCheck.WrongTypeMessage)]
    [InlineData("fiche.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", AttachmentCheck.WrongTypeMessage)]
    public void Attachments_are_judged_by_their_content(string name, string content, string? refusal)
    {
        var bytes = content.Select(c => (byte)c).ToArray();

        Assert.Equal(refusal, AttachmentCheck.Check(name, bytes, out var type));
        Assert.Equal(refusal is null, type is not null);
    }
}
