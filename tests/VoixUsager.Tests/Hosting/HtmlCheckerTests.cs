using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Hosting;

/// <summary>The W3C checker the page tests rely on really runs, and really fails a broken page.</summary>
[Trait("Category", "Logic")]
public sealed class HtmlCheckerTests
{
    private const string Valid = """
        <!DOCTYPE html>
        <html lang="fr" dir="ltr"><head><meta charset="utf-8"><title>Accueil</title></head>
        <body><header role="banner"><p>République française</p></header>
        <main role="main"><h1>Votre avis</h1><p>Merci de répondre à ces quelques questions sur l’accueil de la préfecture.</p></main></body></html>
        """;

    [Fact]
    public async Task A_broken_page_fails_with_its_errors_and_a_valid_one_passes_in_the_same_run()
    {
        // Two elements with one id, a label for nothing, and an unknown attribute.
        var broken = Valid
            .Replace("<h1>", "<h1 id=\"titre\">", StringComparison.Ordinal)
            .Replace("<p>Merci", "<p id=\"titre\" frobnicate=\"1\"><label for=\"absent\">Nom</label> Merci", StringComparison.Ordinal);

        var messages = await HtmlChecker.CheckAsync(new Dictionary<string, string> { ["valide"] = Valid, ["cassée"] = broken });

        Assert.DoesNotContain(messages, m => m.Page == "valide" && HtmlChecker.Fails(m));
        var failures = messages.Where(m => m.Page == "cassée" && HtmlChecker.Fails(m)).Select(m => m.Text).ToList();
        Assert.Contains(failures, t => t.Contains("Duplicate ID “titre”", StringComparison.Ordinal));
        Assert.Contains(failures, t => t.Contains("frobnicate", StringComparison.Ordinal));
        Assert.Contains(failures, t => t.Contains("“for” attribute", StringComparison.Ordinal));
        // The landmark roles the DSFR prescribes are reported, as warnings, and accepted.
        Assert.Contains(messages, m => m.Page == "valide" && m.Type == "info/warning" && m.Text.Contains("“banner” role is unnecessary", StringComparison.Ordinal));
        await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => HtmlChecker.AssertValidAsync(new Dictionary<string, string> { ["cassée"] = broken }));
    }

    [Fact]
    public async Task A_warning_that_is_not_accepted_fails()
    {
        // A section without a heading: valid, but warned about, and not among the accepted warnings.
        var warned = Valid.Replace("</main>", "<section><p>Sans titre.</p></section></main>", StringComparison.Ordinal);

        var messages = await HtmlChecker.CheckAsync(new Dictionary<string, string> { ["avertie"] = warned });

        Assert.Contains(messages, m => m.Type == "info/warning" && HtmlChecker.Fails(m));
        Assert.DoesNotContain(messages, m => m.Type.StartsWith("error", StringComparison.Ordinal));
    }
}
