using VoixUsager.Clu.Documents;

namespace VoixUsager.Tests.Clu;

/// <summary>What a member of the public types goes into the documents' XML as text, never as markup or an unreadable file.</summary>
[Trait("Category", "Logic")]
public sealed class OpenXmlTextTests
{
    [Theory]
    [InlineData("<script>alert('x')</script> & co", "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; co")]
    [InlineData("ligne 1\nligne 2\ttab", "ligne 1 ligne 2 tab")]
    [InlineData("bip\u0007 \u0000fin\uFFFE", "bip fin")]
    [InlineData("emoji 😀 ok", "emoji 😀 ok")]
    public void Escape_keeps_text_and_drops_what_xml_forbids(string input, string expected) =>
        Assert.Equal(expected, OpenXmlText.Escape(input));

    /// <summary>Built in code: a theory's data would reach the test re-encoded, with the lone halves already replaced.</summary>
    [Fact]
    public void Escape_drops_half_an_emoji()
    {
        var emoji = "😀";
        Assert.Equal("moitié  d’emoji  entier 😀", OpenXmlText.Escape($"moitié {emoji[0]} d’emoji {emoji[1]} entier {emoji}"));
    }
}
