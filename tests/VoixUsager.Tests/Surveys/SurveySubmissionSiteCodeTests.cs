using VoixUsager.Surveys;

namespace VoixUsager.Tests.Surveys;

// The public code read from a survey address (/avis/{code}) before any database lookup.
[Trait("Category", "Logic")]
public class SurveySubmissionSiteCodeTests
{
    [Theory]
    [InlineData("drome-valence", "drome-valence")]
    [InlineData("  Drome-Valence ", "drome-valence")]
    [InlineData("az09-", "az09-")]
    [InlineData("a", "a")]
    public void Codes_are_trimmed_and_lower_cased(string raw, string expected)
    {
        Assert.Equal(expected, PublicSurveyLookup.NormaliseCode(raw));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("drôme")]
    [InlineData("drome_valence")]
    [InlineData("drome valence")]
    [InlineData("drome/valence")]
    [InlineData("drome.valence")]
    [InlineData("`")]
    [InlineData("{")]
    [InlineData("/")]
    [InlineData(":")]
    public void Anything_but_letters_digits_and_hyphens_is_no_code(string? raw)
    {
        Assert.Null(PublicSurveyLookup.NormaliseCode(raw));
    }

    [Fact]
    public void Codes_longer_than_sixty_characters_are_refused_before_trimming()
    {
        Assert.Equal(new string('a', 60), PublicSurveyLookup.NormaliseCode(new string('a', 60)));
        Assert.Null(PublicSurveyLookup.NormaliseCode(new string('a', 61)));
        Assert.Null(PublicSurveyLookup.NormaliseCode(new string('a', 59) + "  "));
    }
}
