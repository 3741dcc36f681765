using VoixUsager.Results;
using VoixUsager.Surveys;

namespace VoixUsager.Tests.Surveys;

/// <summary>
/// The SQL rule for "collecting answers today" (<see cref="SurveyCampaign.OpenOn"/>, used by the public form,
/// the writer, the interviews and the nightly snapshot) and the state the screens show (<see cref="CampaignStates.Of"/>)
/// must never disagree: a campaign the list calls "ouverte" takes answers, and only it does.
/// </summary>
[Trait("Category", "Logic")]
public class CampaignOpenRuleTests
{
    [Theory]
    [InlineData("2026-10-01", "2026-12-31", false, "2026-09-30", false)]
    [InlineData("2026-10-01", "2026-12-31", false, "2026-10-01", true)]
    [InlineData("2026-10-01", "2026-12-31", false, "2026-11-15", true)]
    [InlineData("2026-10-01", "2026-12-31", false, "2026-12-31", true)]
    [InlineData("2026-10-01", "2026-12-31", false, "2027-01-01", false)]
    [InlineData("2026-10-01", "2026-12-31", true, "2026-11-15", false)]
    [InlineData("2026-10-01", "2026-10-01", false, "2026-10-01", true)]
    public void The_query_rule_and_the_displayed_state_agree(string startsOn, string endsOn, bool closedEarly, string today, bool open)
    {
        var campaign = new SurveyCampaign
        {
            Name = "Automne",
            StartsOn = DateOnly.Parse(startsOn),
            EndsOn = DateOnly.Parse(endsOn),
            ClosedAtUtc = closedEarly ? new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc) : null,
        };
        var day = DateOnly.Parse(today);

        Assert.Equal(open, SurveyCampaign.OpenOn(day).Compile()(campaign));
        Assert.Equal(open, CampaignStates.Of(campaign.StartsOn, campaign.EndsOn, closedEarly, day) == CampaignState.Ouverte);
    }
}
