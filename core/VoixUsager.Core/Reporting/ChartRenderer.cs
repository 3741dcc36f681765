using System.Globalization;
using System.Text;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace VoixUsager.Reporting;

/// <summary>
/// The charts of the quality dashboards, downloads and summary emails, as PNG bytes. Every label is drawn
/// as text with the embedded font, never interpreted, so user-written labels need no escaping. Each call
/// builds its own plot: calls may run concurrently.
/// </summary>
public static class ChartRenderer
{
    public const int DefaultWidth = 800;
    public const int DefaultHeight = 400;

    /// <summary>Above this many pixels a side, a caller's mistake would allocate hundreds of megabytes.</summary>
    public const int MaxSide = 4000;

    public const string NoDataText = "Aucune donnée";
    public const string NoAnswerText = "Aucune réponse";

    private const float TitleSize = 18;
    private const float LabelSize = 13;
    private const float ValueSize = 13;
    private const float SmallSize = 11;

    // Below this share a segment of the stacked bars is too thin to hold its percentage.
    private const double MinLabelledShare = 0.07;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly MarkerShape[] TrendMarkers =
    [
        MarkerShape.FilledCircle,
        MarkerShape.FilledSquare,
        MarkerShape.FilledTriangleUp,
        MarkerShape.FilledDiamond,
        MarkerShape.OpenCircle,
        MarkerShape.OpenSquare,
    ];

    /// <summary>
    /// One horizontal bar per item, top to bottom in the given order, each followed by its
    /// <c>ValueLabel</c>. <paramref name="max"/> is the end of the scale: 1 for rates, shown as percentages.
    /// </summary>
    public static byte[] HorizontalBars(
        string title,
        IReadOnlyList<(string Label, double Value, string ValueLabel)> bars,
        double max = 1,
        int width = DefaultWidth,
        int height = DefaultHeight,
        int scale = 1) =>
        Render(BuildHorizontalBars(title, bars, max, ChartFont.FamilyName), width, height, scale);

    /// <summary>
    /// One 100 % stacked bar per row, top to bottom, with a legend at the bottom. Each row's shares are
    /// divided by their total, so counts can be passed as they are; a row whose total is zero says so.
    /// Up to five series: the 4-point scale, most satisfied first, then "Sans avis".
    /// </summary>
    public static byte[] StackedDistribution(
        string title,
        IReadOnlyList<(string Label, IReadOnlyList<double> Shares)> rows,
        IReadOnlyList<string> seriesNames,
        int width = DefaultWidth,
        int height = DefaultHeight,
        int scale = 1) =>
        Render(BuildStackedDistribution(title, rows, seriesNames, ChartFont.FamilyName), width, height, scale);

    /// <summary>
    /// One line with markers per series over <paramref name="periods"/> (campaigns); a null value leaves a gap.
    /// <paramref name="max"/> is the top of the scale: 1 for rates, shown as percentages.
    /// </summary>
    public static byte[] Trend(
        string title,
        IReadOnlyList<string> periods,
        IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> series,
        double max = 1,
        int width = DefaultWidth,
        int height = DefaultHeight,
        int scale = 1) =>
        Render(BuildTrend(title, periods, series, max, ChartFont.FamilyName), width, height, scale);

    /// <summary>
    /// A height giving each bar or row of <see cref="HorizontalBars"/> and <see cref="StackedDistribution"/>
    /// room for a two-line label, for lists longer than <see cref="DefaultHeight"/> holds.
    /// </summary>
    public static int HeightFor(int rows) => Math.Clamp(140 + (Math.Max(rows, 0) * 52), DefaultHeight / 2, MaxSide);

    /// <summary>
    /// Category labels of bar charts are wrapped on up to this many lines: enough for a whole question or
    /// criterion, which a reader must be able to read in full.
    /// </summary>
    public const int FullLabelLines = 8;

    /// <summary>
    /// A height giving every row room for its label wrapped in full (see <see cref="FullLabelLines"/>): each
    /// row as tall as the longest label needs, and never less than <see cref="HeightFor(int)"/> gives.
    /// </summary>
    public static int HeightFor(IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var lines = labels.Count == 0 ? 1 : labels.Max(label => CategoryLabel(label, maxLines: FullLabelLines).Count(c => c == '\n') + 1);
        var row = Math.Max(52, (19 * lines) + 22);
        return Math.Clamp(140 + (labels.Count * row), DefaultHeight / 2, MaxSide);
    }

    /// <summary>The same rounding and typography as every other figure, with a no-break space kept inside the chart.</summary>

    public static string FormatPercent(double fraction) =>
        Results.Statistics.FrenchFormat.Percent(fraction, 0).Replace(" %", "\u00A0%", StringComparison.Ordinal);

    internal static Plot BuildHorizontalBars(
        string title,
        IReadOnlyList<(string Label, double Value, string ValueLabel)> bars,
        double max,
        string font)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ValidateMax(max);
        foreach (var bar in bars)
        {
            if (double.IsInfinity(bar.Value) || bar.Value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(bars), bar.Value, "Une barre doit avoir une valeur positive ou nulle (NaN pour une valeur manquante).");
            }
        }

        if (bars.Count == 0)
        {
            return BuildNoData(title, font);
        }

        var plot = NewPlot(title, font);
        var top = bars.Count - 1;
        var list = new List<Bar>();
        var categoryTicks = new NumericManual();
        var highest = max;
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, valueLabel) = bars[i];
            var position = top - i;
            categoryTicks.AddMajor(position, CategoryLabel(label, maxLines: FullLabelLines));
            if (!double.IsNaN(value))
            {
                highest = Math.Max(highest, value);
                list.Add(new Bar
                {
                    Position = position,
                    Value = value,
                    Size = 0.6,
                    FillColor = DsfrPalette.BlueFrance,
                    LineWidth = 0,
                    Orientation = Orientation.Horizontal,
                });
            }

            var text = plot.Add.Text(SingleLine(valueLabel), double.IsNaN(value) ? 0 : value, position);
            StyleText(text.LabelStyle, font, ValueSize, DsfrPalette.TextGrey, Alignment.MiddleLeft);
            text.LabelStyle.Bold = true;
            text.OffsetX = 6;
        }

        if (list.Count > 0)
        {
            var barPlot = plot.Add.Bars(list);
            barPlot.Horizontal = true;
        }

        plot.Axes.Left.TickGenerator = categoryTicks;
        plot.Axes.Bottom.TickGenerator = ScaleTicks(highest, max);
        plot.Grid.YAxisStyle.IsVisible = false;
        // Room on the right for the value written after the longest bar.
        plot.Axes.SetLimits(0, highest * 1.4, -0.6, top + 0.6);
        return plot;
    }

    internal static Plot BuildStackedDistribution(
        string title,
        IReadOnlyList<(string Label, IReadOnlyList<double> Shares)> rows,
        IReadOnlyList<string> seriesNames,
        string font)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(seriesNames);
        if (seriesNames.Count is 0 || seriesNames.Count > DsfrPalette.SatisfactionScale.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(seriesNames), seriesNames.Count, "La répartition compte de une à cinq séries.");
        }

        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row.Shares, nameof(rows));
            if (row.Shares.Count != seriesNames.Count)
            {
                throw new ArgumentException($"La ligne « {row.Label} » a {row.Shares.Count} parts pour {seriesNames.Count} séries.", nameof(rows));
            }

            if (row.Shares.Any(share => !double.IsFinite(share) || share < 0))
            {
                throw new ArgumentOutOfRangeException(nameof(rows), $"Les parts de la ligne « {row.Label} » doivent être positives ou nulles.");
            }
        }

        if (rows.Count == 0)
        {
            return BuildNoData(title, font);
        }

        var plot = NewPlot(title, font);
        var top = rows.Count - 1;
        var categoryTicks = new NumericManual();
        var segments = new List<Bar>[seriesNames.Count];
        for (var s = 0; s < segments.Length; s++)
        {
            segments[s] = [];
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var (label, shares) = rows[i];
            var position = top - i;
            categoryTicks.AddMajor(position, CategoryLabel(label, maxLines: FullLabelLines));
            var total = shares.Sum();
            if (total <= 0)
            {
                var empty = plot.Add.Text(NoAnswerText, 0.5, position);
                StyleText(empty.LabelStyle, font, SmallSize, DsfrPalette.TextGrey, Alignment.MiddleCenter);
                continue;
            }

            var start = 0.0;
            for (var s = 0; s < shares.Count; s++)
            {
                var share = shares[s] / total;
                if (share <= 0)
                {
                    continue;
                }

                var colour = DsfrPalette.SatisfactionScale[s];
                segments[s].Add(new Bar
                {
                    Position = position,
                    ValueBase = start,
                    Value = start + share,
                    Size = 0.6,
                    FillColor = colour,
                    LineWidth = 0,
                    Orientation = Orientation.Horizontal,
                });
                if (share >= MinLabelledShare)
                {
                    var text = plot.Add.Text(FormatPercent(share), start + (share / 2), position);
                    StyleText(text.LabelStyle, font, SmallSize, DsfrPalette.TextOn(colour), Alignment.MiddleCenter);
                    text.LabelStyle.Bold = true;
                }

                start += share;
            }
        }

        for (var s = 0; s < segments.Length; s++)
        {
            // Added even when empty so the legend always shows the whole scale.
            var barPlot = plot.Add.Bars(segments[s]);
            barPlot.Horizontal = true;
            barPlot.Color = DsfrPalette.SatisfactionScale[s];
            barPlot.LegendText = SingleLine(seriesNames[s]);
        }

        // The bars fill the width and every segment carries its percentage: a scale would only add noise.
        // Text labels are drawn above the bars, so they are moved to the front.
        foreach (var text in plot.GetPlottables<ScottPlot.Plottables.Text>().ToList())
        {
            plot.MoveToFront(text);
        }

        plot.Axes.Left.TickGenerator = categoryTicks;
        plot.Axes.Bottom.IsVisible = false;
        plot.Grid.IsVisible = false;
        plot.Axes.SetLimits(0, 1, -0.6, top + 0.6);
        BottomLegend(plot, font);
        return plot;
    }

    internal static Plot BuildTrend(
        string title,
        IReadOnlyList<string> periods,
        IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> series,
        double max,
        string font)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(series);
        ValidateMax(max);
        if (series.Count > DsfrPalette.Categorical.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(series), series.Count, $"Une tendance compte {DsfrPalette.Categorical.Count} séries au plus.");
        }

        foreach (var line in series)
        {
            ArgumentNullException.ThrowIfNull(line.Values, nameof(series));
            if (line.Values.Count != periods.Count)
            {
                throw new ArgumentException($"La série « {line.Name} » a {line.Values.Count} valeurs pour {periods.Count} périodes.", nameof(series));
            }

            if (line.Values.Any(v => v is { } value && (!double.IsFinite(value) || value < 0)))
            {
                throw new ArgumentOutOfRangeException(nameof(series), $"Les valeurs de la série « {line.Name} » doivent être positives ou nulles.");
            }
        }

        if (periods.Count == 0 || series.All(line => line.Values.All(v => v is null)))
        {
            return BuildNoData(title, font);
        }

        var plot = NewPlot(title, font);
        var highest = max;
        // With more lines, values written next to every point would overlap: the grid is enough then.
        var labelPoints = series.Count <= 2;
        for (var s = 0; s < series.Count; s++)
        {
            var (name, values) = series[s];
            var colour = DsfrPalette.Categorical[s];
            var marker = TrendMarkers[s % TrendMarkers.Length];
            var legendGiven = false;
            // One line per run of consecutive values, so a missing campaign is a visible gap rather
            // than a line drawn across it.
            foreach (var run in Runs(values))
            {
                var xs = run.Select(p => (double)p.Index).ToArray();
                var ys = run.Select(p => p.Value).ToArray();
                var scatter = plot.Add.Scatter(xs, ys, colour);
                scatter.LineWidth = 2.5f;
                scatter.MarkerShape = marker;
                scatter.MarkerSize = 9;
                if (!legendGiven)
                {
                    scatter.LegendText = SingleLine(name);
                    legendGiven = true;
                }

                foreach (var (index, value) in run)
                {
                    highest = Math.Max(highest, value);
                    if (labelPoints)
                    {
                        // The top line's values go above its points, the other's below, so they never collide.
                        var above = TopSeriesAt(series, index) == s;
                        var text = plot.Add.Text(FormatValue(value, max), index, value);
                        StyleText(text.LabelStyle, font, SmallSize, colour, above ? Alignment.LowerCenter : Alignment.UpperCenter);
                        text.OffsetY = above ? -8 : 8;
                    }
                }
            }
        }

        var periodTicks = new NumericManual();
        for (var i = 0; i < periods.Count; i++)
        {
            periodTicks.AddMajor(i, CategoryLabel(periods[i], lineLength: 16));
        }

        plot.Axes.Bottom.TickGenerator = periodTicks;
        plot.Axes.Left.TickGenerator = ScaleTicks(highest, max);
        plot.Grid.XAxisStyle.IsVisible = false;
        // Room above the top value for its label.
        plot.Axes.SetLimits(-0.5, periods.Count - 0.5, 0, highest * 1.12);
        if (series.Count > 1)
        {
            BottomLegend(plot, font);
        }

        return plot;
    }

    internal static Plot BuildNoData(string title, string font)
    {
        var plot = NewPlot(title, font);
        var text = plot.Add.Text(NoDataText, 0, 0);
        StyleText(text.LabelStyle, font, LabelSize + 2, DsfrPalette.TextGrey, Alignment.MiddleCenter);
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.TickLabelStyle.IsVisible = false;
        }

        plot.Grid.IsVisible = false;
        plot.Axes.SetLimits(-1, 1, -1, 1);
        return plot;
    }

    /// <summary>
    /// The plot as a PNG of <paramref name="width"/> × <paramref name="height"/> layout pixels, each drawn as
    /// <paramref name="scale"/> × <paramref name="scale"/> image pixels: the same chart, sharp on a projected slide.
    /// </summary>
    internal static byte[] Render(Plot plot, int width, int height, int scale = 1)
    {
        using (plot)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(width, 100);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaxSide);
            ArgumentOutOfRangeException.ThrowIfLessThan(height, 100);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(height, MaxSide);
            ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, 3);
            plot.ScaleFactor = scale;
            return plot.GetImageBytes(width * scale, height * scale, ImageFormat.Png);
        }
    }

    private static Plot NewPlot(string title, string font)
    {
        ChartFont.EnsureRegistered();
        var plot = new Plot();
        plot.FigureBackground.Color = DsfrPalette.White;
        plot.DataBackground.Color = DsfrPalette.White;

        plot.Title(SingleLine(title ?? string.Empty));
        StyleText(plot.Axes.Title.Label, font, TitleSize, DsfrPalette.TextGrey, plot.Axes.Title.Label.Alignment);
        plot.Axes.Title.Label.Bold = true;

        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontName = font;
            axis.Label.ForeColor = DsfrPalette.TextGrey;
            axis.TickLabelStyle.FontName = font;
            axis.TickLabelStyle.FontSize = LabelSize;
            axis.TickLabelStyle.ForeColor = DsfrPalette.TextGrey;
            axis.FrameLineStyle.Width = 0;
            axis.MajorTickStyle.Length = 0;
            axis.MinorTickStyle.Length = 0;
        }

        plot.Grid.MajorLineColor = DsfrPalette.Grid;
        plot.Grid.MinorLineWidth = 0;
        plot.Legend.FontName = font;
        plot.Legend.FontSize = LabelSize;
        plot.Legend.FontColor = DsfrPalette.TextGrey;
        plot.Legend.OutlineWidth = 0;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.ShadowOffset = new PixelOffset(0, 0);
        plot.Legend.BackgroundColor = DsfrPalette.White;
        return plot;
    }

    private static void BottomLegend(Plot plot, string font)
    {
        plot.Legend.FontName = font;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.TightHorizontalWrapping = true;
        plot.ShowLegend(Edge.Bottom);
    }

    private static void StyleText(LabelStyle style, string font, float size, Color colour, Alignment alignment)
    {
        style.FontName = font;
        style.FontSize = size;
        style.ForeColor = colour;
        style.Alignment = alignment;
    }

    private static ITickGenerator ScaleTicks(double highest, double max)
    {
        var ticks = new NumericManual();
        var step = NiceStep(highest);
        // The percentages of a rate scale go by quarters whatever the data.
        if (max == 1 && highest <= 1)
        {
            step = 0.25;
        }

        for (var i = 0; i * step <= highest + (step / 1000); i++)
        {
            var value = i * step;
            ticks.AddMajor(value, FormatValue(value, max));
        }

        return ticks;
    }

    private static double NiceStep(double highest)
    {
        var rough = highest / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (var factor in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (factor * magnitude >= rough)
            {
                return factor * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static string FormatValue(double value, double max) =>
        max == 1 ? FormatPercent(value) : value.ToString("0.#", French);

    private static int TopSeriesAt(IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> series, int index)
    {
        var top = -1;
        for (var s = 0; s < series.Count; s++)
        {
            if (series[s].Values[index] is { } value && (top < 0 || value > series[top].Values[index]!.Value))
            {
                top = s;
            }
        }

        return top;
    }

    private static IEnumerable<List<(int Index, double Value)>> Runs(IReadOnlyList<double?> values)
    {
        var run = new List<(int Index, double Value)>();
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } value)
            {
                run.Add((i, value));
            }
            else if (run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static void ValidateMax(double max)
    {
        if (!double.IsFinite(max) || max <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, "Le maximum de l'échelle doit être strictement positif.");
        }
    }

    /// <summary>User text on one line: line breaks and tabs in a label would otherwise break the layout.</summary>
    private static string SingleLine(string? text) =>
        string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// A category label wrapped on two lines at most, cut with an ellipsis beyond, so a long question does
    /// not squeeze the bars into a sliver.
    /// </summary>
    internal static string CategoryLabel(string? text, int lineLength = 34, int maxLines = 2)
    {
        var words = SingleLine(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var lines = new List<StringBuilder> { new() };
        var truncated = false;
        foreach (var word in words)
        {
            var current = lines[^1];
            if (current.Length > 0 && current.Length + 1 + word.Length > lineLength)
            {
                if (lines.Count == maxLines)
                {
                    truncated = true;
                    break;
                }

                current = new StringBuilder();
                lines.Add(current);
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(word);
        }

        // A single word longer than a line (an address, a reference) is cut too.
        foreach (var line in lines.Where(line => line.Length > lineLength))
        {
            line.Length = lineLength - 1;
            line.Append('…');
        }

        if (truncated && lines[^1][^1] != '…')
        {
            var last = lines[^1];
            if (last.Length >= lineLength)
            {
                last.Length = lineLength - 1;
            }

            last.Append('…');
        }

        return string.Join('\n', lines.Select(line => line.ToString()));
    }
}
