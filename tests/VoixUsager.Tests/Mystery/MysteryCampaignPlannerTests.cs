using VoixUsager.Mystery;
using VoixUsager.Prefectures;
using static VoixUsager.Mystery.MysteryCampaignPlanner;

namespace VoixUsager.Tests.Mystery;

// The planner's pure rules: reading the scenario lines and spreading scenarios over référents and working days.
// Expected dates were placed by hand on a 2026 calendar.
[Trait("Category", "Logic")]
public class MysteryCampaignPlannerTests
{
    private static readonly ScenarioType CallA = new(MysteryChannel.Appel, "Titre de séjour ?", "Standard");
    private static readonly ScenarioType CallB = new(MysteryChannel.Appel, "Carte grise ?", "Sous-préfecture de Die");
    private static readonly ScenarioType EmailC = new(MysteryChannel.Courriel, "Naturalisation ?", "pref-naturalisation@drome.gouv.fr");
    private static readonly ScenarioType EmailD = new(MysteryChannel.Courriel, "Buvette ?", "pref-reglementation@drome.gouv.fr");

    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Fact]
    public void Scenario_lines_are_read_trimmed_with_either_channel_in_any_case()
    {
        var errors = new Dictionary<string, string>();

        var types = ParseScenarioLines("appel ; Titre de séjour ? ; Standard\r\n\n   COURRIEL;Naturalisation ?;pref-naturalisation@drome.gouv.fr  \r\n", errors);

        Assert.Empty(errors);
        Assert.Equal([CallA, EmailC], types);
    }

    [Fact]
    public void No_line_is_no_scenario_and_no_error()
    {
        var errors = new Dictionary<string, string>();

        Assert.Empty(ParseScenarioLines(" \n\r\n", errors));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("sms ; question ; cible", 1)]
    [InlineData("appel ; question", 1)]
    [InlineData("appel ; question ; cible ; en trop", 1)]
    [InlineData("appel ;  ; cible", 1)]
    [InlineData("appel ; question ; ", 1)]
    [InlineData("appel ; question ; cible\ncourriel ; question", 2)]
    [InlineData("appel ; question ; cible\ncourriel ; q ; a@b.fr\nappel", 3)]
    public void A_malformed_line_is_named_and_nothing_is_kept(string text, int line)
    {
        var errors = new Dictionary<string, string>();

        var types = ParseScenarioLines(text, errors);

        Assert.Empty(types);
        var error = Assert.Single(errors);
        Assert.Equal("ScenarioLines", error.Key);
        Assert.StartsWith($"Ligne {line} : ", error.Value, StringComparison.Ordinal);
        Assert.Contains("appel ; question à poser ; service ou numéro", error.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1000, 200, true)]
    [InlineData(1001, 200, false)]
    [InlineData(1000, 201, false)]
    [InlineData(1, 1, true)]
    public void Questions_and_targets_have_their_length_limits(int questionLength, int targetLength, bool valid)
    {
        var errors = new Dictionary<string, string>();

        var types = ParseScenarioLines($"appel ; {new string('q', questionLength)} ; {new string('t', targetLength)}", errors);

        Assert.Equal(valid ? 1 : 0, types.Count);
        Assert.Equal(valid, errors.Count == 0);
    }

    [Fact]
    public void Spread_deals_types_and_referents_in_turn_and_dates_evenly_over_working_days()
    {
        // 2 to 13 March 2026: ten working days, five calls, one every other working day.
        var scenarios = Spread([CallA, EmailC, CallB], MysteryChannel.Appel, 5, ["r1", "r2"], D(3, 2), D(3, 13), HolidayZone.Metropole).ToList();

        Assert.Equal([D(3, 2), D(3, 4), D(3, 6), D(3, 10), D(3, 12)], scenarios.Select(s => s.PlannedOn));
        Assert.Equal(["r1", "r2", "r1", "r2", "r1"], scenarios.Select(s => s.AssignedReferentId));
        Assert.Equal([CallA.Question, CallB.Question, CallA.Question, CallB.Question, CallA.Question], scenarios.Select(s => s.Question));
        Assert.Equal([CallA.Target, CallB.Target, CallA.Target, CallB.Target, CallA.Target], scenarios.Select(s => s.Target));
        Assert.All(scenarios, s => Assert.Equal(MysteryChannel.Appel, s.Channel));
    }

    [Fact]
    public void Spread_takes_only_the_types_of_its_channel()
    {
        var scenarios = Spread([CallA, EmailC, CallB, EmailD], MysteryChannel.Courriel, 3, ["r1"], D(3, 2), D(3, 4), HolidayZone.Metropole).ToList();

        Assert.Equal([EmailC.Question, EmailD.Question, EmailC.Question], scenarios.Select(s => s.Question));
        Assert.Equal([D(3, 2), D(3, 3), D(3, 4)], scenarios.Select(s => s.PlannedOn));
        Assert.All(scenarios, s => Assert.Equal((MysteryChannel.Courriel, "r1"), (s.Channel, s.AssignedReferentId)));
    }

    [Fact]
    public void Spread_skips_the_evaluated_zone_s_holidays()
    {
        // Week of 18 May 2026: Friday 22 is the abolition day in Martinique only.
        var martinique = Spread([CallA], MysteryChannel.Appel, 5, ["r1"], D(5, 18), D(5, 22), HolidayZone.Martinique).ToList();
        var metropole = Spread([CallA], MysteryChannel.Appel, 5, ["r1"], D(5, 18), D(5, 22), HolidayZone.Metropole).ToList();
        // Week of Ascension (Thursday 14 May) and the weekend after it.
        var ascension = Spread([CallA], MysteryChannel.Appel, 4, ["r1"], D(5, 11), D(5, 17), HolidayZone.Metropole).ToList();

        Assert.Equal([D(5, 18), D(5, 18), D(5, 19), D(5, 20), D(5, 21)], martinique.Select(s => s.PlannedOn));
        Assert.Equal([D(5, 18), D(5, 19), D(5, 20), D(5, 21), D(5, 22)], metropole.Select(s => s.PlannedOn));
        Assert.Equal([D(5, 11), D(5, 12), D(5, 13), D(5, 15)], ascension.Select(s => s.PlannedOn));
    }

    [Fact]
    public void A_period_without_working_day_plans_everything_on_its_first_day()
    {
        // Saturday 7 and Sunday 8 March 2026.
        var scenarios = Spread([CallA], MysteryChannel.Appel, 3, ["r1", "r2", "r3"], D(3, 7), D(3, 8), HolidayZone.Metropole).ToList();

        Assert.Equal([D(3, 7), D(3, 7), D(3, 7)], scenarios.Select(s => s.PlannedOn));
        Assert.Equal(["r1", "r2", "r3"], scenarios.Select(s => s.AssignedReferentId));
    }

    [Fact]
    public void Nothing_is_planned_for_a_count_of_zero()
    {
        Assert.Empty(Spread([CallA], MysteryChannel.Appel, 0, ["r1"], D(3, 2), D(3, 13), HolidayZone.Metropole));
    }

    [Fact]
    public void Many_scenarios_over_a_long_period_stay_in_order_and_inside_it()
    {
        var scenarios = Spread([CallA], MysteryChannel.Appel, 500, ["r1"], D(1, 1), D(12, 31), HolidayZone.Metropole).ToList();

        Assert.Equal(500, scenarios.Count);
        Assert.Equal(scenarios.Select(s => s.PlannedOn).Order(), scenarios.Select(s => s.PlannedOn));
        Assert.Equal(D(1, 2), scenarios[0].PlannedOn);
        // 2026 has 252 working days in métropole: the last of 500 falls on the last one, 31 December.
        Assert.Equal(D(12, 31), scenarios[^1].PlannedOn);
    }
}
