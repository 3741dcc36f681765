using ScottPlot;
using SkiaSharp;
using VoixUsager.Reporting;

namespace VoixUsager.Tests.Reporting;

[Trait("Category", "Logic")]
public class ChartRendererTests
{
    private const string Html = "<script>alert(1)</script>";

    private static readonly string[] Scale = ["Très satisfait", "Satisfait", "Peu satisfait", "Pas du tout satisfait", "Sans avis"];

    private static readonly (string Label, double Value, string ValueLabel)[] Bars =
    [
        ("Accueil au guichet", 0.92, "92 %"),
        ("Délai d'attente avant d'être reçu par un agent de la préfecture", 0.61, "61 %"),
        ("Clarté des informations", 0.785, "78,5 %"),
        ("Question sans réponse", double.NaN, "n.d."),
    ];

    private static readonly (string Label, IReadOnlyList<double> Shares)[] Rows =
    [
        ("Accueil", [40, 30, 10, 5, 2]),
        ("Délai d'attente", [0.1, 0.2, 0.3, 0.25, 0.15]),
        ("Aucun répondant", [0, 0, 0, 0, 0]),
    ];

    private static readonly string[] Periods = ["Printemps 2025", "Automne 2025", "Printemps 2026"];

    private static readonly (string Name, IReadOnlyList<double?> Values)[] Series =
    [
        ("Préfecture du Rhône", [0.71, null, 0.83]),
        ("Sous-préfecture de Villefranche", [0.6, 0.66, 0.7]),
    ];

    [Fact]
    public void Horizontal_bars_are_a_png_of_the_requested_size()
    {
        AssertPng(ChartRenderer.HorizontalBars("Taux de satisfaction", Bars), ChartRenderer.DefaultWidth, ChartRenderer.DefaultHeight);
        AssertPng(ChartRenderer.HorizontalBars("Conformité", Bars, max: 1, width: 640, height: 900), 640, 900);
        AssertPng(ChartRenderer.HorizontalBars("Réponses", [("Guichet", 120, "120"), ("Site", 37, "37")], max: 150), 800, 400);
    }

    [Fact]
    public void Stacked_distribution_is_a_png_of_the_requested_size()
    {
        AssertPng(ChartRenderer.StackedDistribution("Répartition", Rows, Scale), 800, 400);
        AssertPng(ChartRenderer.StackedDistribution("Répartition", Rows, Scale, width: 1200, height: 300), 1200, 300);
    }

    [Fact]
    public void Trend_is_a_png_of_the_requested_size()
    {
        AssertPng(ChartRenderer.Trend("Évolution", Periods, Series), 800, 400);
        AssertPng(ChartRenderer.Trend("Évolution", Periods, [.. Series, ("Troisième", [0.5, 0.55, null])], width: 500, height: 500), 500, 500);
    }

    [Fact]
    public void Every_chart_without_data_says_so()
    {
        var empties = new[]
        {
            ChartRenderer.BuildHorizontalBars("Titre", [], 1, ChartFont.FamilyName),
            ChartRenderer.BuildStackedDistribution("Titre", [], Scale, ChartFont.FamilyName),
            ChartRenderer.BuildTrend("Titre", [], [], 1, ChartFont.FamilyName),
            ChartRenderer.BuildTrend("Titre", Periods, [("Rien", [null, null, null])], 1, ChartFont.FamilyName),
        };

        foreach (var plot in empties)
        {
            using (plot)
            {
                var text = Assert.Single(plot.GetPlottables<ScottPlot.Plottables.Text>());
                Assert.Equal("Aucune donnée", text.LabelStyle.Text);
            }
        }

        var expected = ChartRenderer.Render(ChartRenderer.BuildNoData("Titre", ChartFont.FamilyName), 800, 400);
        Assert.Equal(expected, ChartRenderer.HorizontalBars("Titre", []));
        Assert.Equal(expected, ChartRenderer.StackedDistribution("Titre", [], Scale));
        Assert.Equal(expected, ChartRenderer.Trend("Titre", [], []));
        AssertPng(expected, 800, 400);
    }

    [Fact]
    public void Html_looking_labels_are_drawn_as_plain_text()
    {
        AssertPng(ChartRenderer.HorizontalBars(Html, [(Html, 0.5, Html), ("a\r\nb\tc", 0.2, "20 %")]), 800, 400);
        AssertPng(ChartRenderer.StackedDistribution(Html, [(Html, [1, 1, 1, 1])], [Html, "&amp;", "\"'", "<b>"]), 800, 400);
        AssertPng(ChartRenderer.Trend(Html, [Html, "<i>"], [(Html, [0.1, 0.2]), ("<img src=x onerror=alert(1)>", [0.3, null])]), 800, 400);

        using var plot = ChartRenderer.BuildHorizontalBars(Html, [(Html, 0.5, Html)], 1, ChartFont.FamilyName);
        Assert.Equal(Html, plot.Axes.Title.Label.Text);
        Assert.Contains(plot.GetPlottables<ScottPlot.Plottables.Text>(), text => text.LabelStyle.Text == Html);
    }

    [Fact]
    public void Fifty_concurrent_renders_all_succeed_and_match_a_sequential_render()
    {
        var expected = new[]
        {
            ChartRenderer.HorizontalBars("Taux", Bars),
            ChartRenderer.StackedDistribution("Répartition", Rows, Scale),
            ChartRenderer.Trend("Évolution", Periods, Series),
        };
        var results = new byte[50][];

        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            results[i] = (i % 3) switch
            {
                0 => ChartRenderer.HorizontalBars("Taux", Bars),
                1 => ChartRenderer.StackedDistribution("Répartition", Rows, Scale),
                _ => ChartRenderer.Trend("Évolution", Periods, Series),
            };
        });

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % 3], results[i]);
        }
    }

    [Fact]
    public void The_font_name_resolves_to_the_embedded_dejavu_sans()
    {
        ChartFont.EnsureRegistered();

        var regular = Fonts.GetTypeface(ChartFont.FamilyName, bold: false, italic: false);
        var bold = Fonts.GetTypeface(ChartFont.FamilyName, bold: true, italic: false);

        Assert.Same(ChartFont.Regular, regular);
        Assert.Same(ChartFont.Bold, bold);
        Assert.Equal("DejaVu Sans", regular.FamilyName);
        Assert.Equal((int)SKFontStyleWeight.Normal, regular.FontWeight);
        Assert.Equal((int)SKFontStyleWeight.Bold, bold.FontWeight);
        Assert.Equal(ChartFont.ReadResource(bold: false).Length, regular.OpenStream().Length);
        // Everything a French chart writes, including the no-break space before "%" and typographic quotes.
        Assert.True(regular.ContainsGlyphs("àâçéèêëîïôöùûüÿœæÀÇÉÈŒ€«»’…\u00A0%"));
        Assert.True(bold.ContainsGlyphs("àâçéèêëîïôöùûüÿœæÀÇÉÈŒ€«»’…\u00A0%"));
    }

    [Fact]
    public void Charts_are_drawn_with_the_glyphs_of_the_shipped_font()
    {
        var rendered = ChartRenderer.HorizontalBars("Taux de satisfaction", Bars);

        // Pinning every label to a typeface loaded afresh from the shipped files gives the same pixels:
        // the chart used those files, not a system font.
        using var regular = SKTypeface.FromData(SKData.CreateCopy(ChartFont.ReadResource(bold: false)));
        using var bold = SKTypeface.FromData(SKData.CreateCopy(ChartFont.ReadResource(bold: true)));
        Assert.Equal(rendered, RenderWithTypefaces(style => style.Bold ? bold : regular));

        // And the pinning does change the pixels when the faces differ, so the comparison above means something.
        Assert.NotEqual(rendered, RenderWithTypefaces(style => style.Bold ? regular : bold));
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        Assert.Equal(ChartRenderer.Trend("Évolution", Periods, Series), ChartRenderer.Trend("Évolution", Periods, Series));
    }

    [Theory]
    [InlineData("Accueil", "Accueil")]
    [InlineData("  Accueil \r\n au\tguichet ", "Accueil au guichet")]
    [InlineData("Délai d'attente avant d'être reçu par un agent de la préfecture", "Délai d'attente avant d'être reçu\npar un agent de la préfecture")]
    [InlineData("Délai d'attente avant d'être reçu par un agent de la préfecture du Rhône à Lyon", "Délai d'attente avant d'être reçu\npar un agent de la préfecture du…")]
    [InlineData("https://www.rhone.gouv.fr/Demarches/Titres-de-sejour/Rendez-vous", "https://www.rhone.gouv.fr/Demarch…")]
    public void Category_labels_wrap_on_two_lines_at_most(string label, string expected)
    {
        var wrapped = ChartRenderer.CategoryLabel(label);

        Assert.Equal(expected, wrapped);
        Assert.All(wrapped.Split('\n'), line => Assert.True(line.Length <= 34, line));
    }

    [Fact]
    public void Palette_colours_are_readable_on_white()
    {
        foreach (var colour in DsfrPalette.SatisfactionScale.Concat(DsfrPalette.Categorical))
        {
            Assert.True(DsfrPalette.ContrastRatio(colour, DsfrPalette.White) >= 3, colour.ToHex());
            Assert.True(DsfrPalette.ContrastRatio(colour, DsfrPalette.TextOn(colour)) >= 4.5, colour.ToHex());
        }

        foreach (var colour in DsfrPalette.Categorical)
        {
            Assert.True(DsfrPalette.ContrastRatio(colour, DsfrPalette.White) >= 4.5, colour.ToHex());
        }

        Assert.Equal(14.91, DsfrPalette.ContrastRatio(DsfrPalette.BlueFrance, DsfrPalette.White), precision: 2);
        Assert.Equal("#000091", DsfrPalette.BlueFrance.ToHex(), ignoreCase: true);
    }

    [Fact]
    public void Invalid_input_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChartRenderer.HorizontalBars("T", [("a", -1, "")]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChartRenderer.HorizontalBars("T", [("a", 1, "")], max: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChartRenderer.HorizontalBars("T", [("a", 1, "")], width: 100_000));
        Assert.Throws<ArgumentException>(() => ChartRenderer.StackedDistribution("T", [("a", [1, 2])], Scale));
        Assert.Throws<ArgumentException>(() => ChartRenderer.Trend("T", Periods, [("a", [0.1])]));
    }

    [Fact]
    public void Long_lists_get_a_taller_chart()
    {
        Assert.Equal(ChartRenderer.DefaultHeight / 2, ChartRenderer.HeightFor(0));
        Assert.True(ChartRenderer.HeightFor(15) > ChartRenderer.DefaultHeight);
        Assert.Equal(ChartRenderer.MaxSide, ChartRenderer.HeightFor(10_000));
        var criteria = Enumerable.Range(1, 15).Select(i => ($"Critère {i} du référentiel Qual-e-pref", i / 15.0, ChartRenderer.FormatPercent(i / 15.0))).ToList();
        AssertPng(ChartRenderer.HorizontalBars("Conformité", criteria, height: ChartRenderer.HeightFor(criteria.Count)), 800, ChartRenderer.HeightFor(15));
    }

    [Fact]
    public void Percentages_are_written_the_french_way()
    {
        Assert.Equal("73\u00A0%", ChartRenderer.FormatPercent(0.725));
        Assert.Equal("100\u00A0%", ChartRenderer.FormatPercent(1));
    }

    private static byte[] RenderWithTypefaces(Func<LabelStyle, SKTypeface> face)
    {
        var plot = ChartRenderer.BuildHorizontalBars("Taux de satisfaction", Bars, 1, ChartFont.FamilyName);
        var styles = plot.Axes.GetAxes().SelectMany(axis => new[] { axis.Label, axis.TickLabelStyle })
            .Append(plot.Axes.Title.Label)
            .Concat(plot.GetPlottables<ScottPlot.Plottables.Text>().Select(text => text.LabelStyle));
        foreach (var style in styles)
        {
            style.Font = face(style);
        }

        return ChartRenderer.Render(plot, ChartRenderer.DefaultWidth, ChartRenderer.DefaultHeight);
    }

    private static void AssertPng(byte[] png, int width, int height)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        // Not a blank image: the title and the data put dark pixels on the white background.
        Assert.Contains(bitmap.Pixels, pixel => pixel.Red < 128 && pixel.Green < 128 && pixel.Blue < 128);
    }
}
