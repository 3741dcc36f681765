using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Surveys;

/// <summary>
/// The public pages' part of the design system's stylesheet is generated from the whole one; the committed
/// file must be what the generator makes of the current sources (infra/update-public-css.sh rewrites it).
/// </summary>
[Trait("Category", "Logic")]
public sealed class PublicStylesheetTests
{
    public const string UpdateVariable = "VOIXUSAGER_UPDATE_PUBLIC_CSS";

    [Fact]
    public void The_committed_public_stylesheet_is_the_generated_one()
    {
        var root = PublicStylesheet.Root();
        var generated = PublicStylesheet.Generate(root);
        var path = Path.Combine(root, PublicStylesheet.SubsetPath);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path), $"{PublicStylesheet.SubsetPath} is missing: run infra/update-public-css.sh.");
        Assert.True(generated == File.ReadAllText(path), $"{PublicStylesheet.SubsetPath} is not the generated one (a public page's classes or the DSFR changed): run infra/update-public-css.sh.");
    }

    [Fact]
    public void A_selector_is_kept_when_every_class_it_requires_is_used()
    {
        const string css = """
            @charset "UTF-8";
            /*! DSFR | SPDX-License-Identifier: Etalab-2.0 | License-Filename: LICENSE.md */
            @font-face{font-display:swap;font-family:Marianne;src:url(fonts/Marianne-Regular.woff2) format("woff2")}
            :root{--x:1;--unread:2;--read:var(--x)}:root[data-fr-theme=dark]{--x:0}a{color:var(--read)}[href^="a.b"]{x:1}
            .fr-btn,.fr-callout{color:red}.fr-btn:not(.fr-btn--unused){x:2}.fr-btn .fr-callout__title{x:3}
            .fr-btn{background:url(icons/system/close-line.svg)}.x{background:url("data:image/svg+xml;charset=utf-8,<svg/>")}
            @media (min-width:48em){/*! media md */.fr-callout{x:4}}
            @media (min-width:62em){.fr-btn{x:5}@supports (aspect-ratio:1){.fr-callout{x:6}}}
            .fr-cell--fixed\@lg{x:7}
            """;
        var subset = PublicStylesheet.Subset(css, new HashSet<string>(["fr-btn", "fr-cell--fixed@lg"]));

        Assert.Equal(
            "@charset \"UTF-8\";/*! DSFR | SPDX-License-Identifier: Etalab-2.0 | License-Filename: LICENSE.md */\n"
            + "@font-face{font-display:optional;font-family:Marianne;src:url(../lib/dsfr/fonts/Marianne-Regular.woff2) format(\"woff2\")}"
            + ":root{--x:1;--read:var(--x)}a{color:var(--read)}[href^=\"a.b\"]{x:1}"
            + ".fr-btn{color:red}.fr-btn:not(.fr-btn--unused){x:2}"
            + ".fr-btn{background:url(../lib/dsfr/icons/system/close-line.svg)}"
            + "@media (min-width:62em){.fr-btn{x:5}}"
            + ".fr-cell--fixed\\@lg{x:7}",
            subset);
    }

    [Fact]
    public void Classes_inside_not_are_not_required_and_attribute_values_are_not_classes()
    {
        Assert.Equal(["fr-a", "fr-c"], PublicStylesheet.RequiredClasses(".fr-a:not(.fr-b) [data-x=\".y\"] .fr-c"));
        Assert.Equal([["fr-a"], ["fr-c"]], PublicStylesheet.SelectorClasses(".fr-a:not(.fr-b),[data-x=\".y\"]{x:1}@media print{.fr-c{x:2}}"));
        Assert.Equal([".a:not(.b,.c)", ".d"], PublicStylesheet.SplitTopLevel(".a:not(.b,.c),.d"));
    }

    [Fact]
    public void A_class_the_whole_stylesheet_styles_on_a_page_must_be_styled_by_the_public_one()
    {
        var full = PublicStylesheet.SelectorClasses(".fr-header__body .fr-header__tools{x:1}.fr-callout{x:2}.fr-btn{x:3}[data-fr-theme=dark] .fr-badge{x:4}");
        var subset = PublicStylesheet.SelectorClasses(".fr-btn{x:3}");
        string[] page = ["fr-header__body", "fr-callout", "fr-btn", "fr-badge"];

        // fr-header__body is styled only beside a class the page lacks, the dark theme never applies: fr-callout alone is missing.
        var styled = PublicStylesheetCoverage.StyledClasses(page, subset);
        Assert.Equal(["fr-callout"], PublicStylesheetCoverage.StyledClasses(page, full).Where(c => !styled.Contains(c)));
    }
}
