using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using VoixUsager.Results;
using static VoixUsager.Clu.Documents.OpenXmlText;

namespace VoixUsager.Clu.Documents;

/// <summary>
/// The CLU's slide deck, editable: every text is text, every table of figures a native table beside its
/// chart, in a master of its own (no template from elsewhere), 16:9. Written as plain PresentationML that
/// PowerPoint and LibreOffice Impress open without repair.
/// </summary>
public static class CluDeck
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    public const string AgendaTitle = "Ordre du jour";

    /// <summary>Charts are drawn at twice their screen size: sharp when projected.</summary>
    public const int ChartScale = 2;

    private const long SlideWidth = 12_192_000;
    private const long SlideHeight = 6_858_000;
    private const long Margin = EmuPerInch / 2;
    private const long ContentTop = 1_371_600;
    private const long ContentBottom = 6_309_360;
    private const long ContentWidth = SlideWidth - (2 * Margin);

    /// <summary>Above this many rows a table goes on to a slide of its own ("suite").</summary>
    private const int RowsPerSlide = 12;

    /// <summary>About as many characters as a line of 18 pt text holds across the slide.</summary>
    private const int CharactersPerLine = 100;

    private const int LinesPerSlide = 13;

    private const string Blue = "000091";
    private const string Grey = "666666";
    private const string LightBlue = "ECECFE";
    private const string Border = "929292";

    public static byte[] Build(CluDocumentContent content, IReadOnlyList<CluAgendaHeading>? agenda = null)
    {
        agenda ??= CluAgenda.Default(content);
        using var buffer = new MemoryStream();
        using (var document = PresentationDocument.Create(buffer, PresentationDocumentType.Presentation))
        {
            // The charts are PNG, compressed already: deflating them again would only cost time.
            document.CompressionOption = System.IO.Packaging.CompressionOption.Fast;
            document.PackageProperties.Title = $"CLU du {content.MeetingText} – {content.PrefectureName}";
            document.PackageProperties.Language = "fr-FR";
            var presentation = document.AddPresentationPart();
            var master = presentation.AddNewPart<SlideMasterPart>();
            var theme = master.AddNewPart<ThemePart>();
            Feed(theme, Theme);
            presentation.AddPart(theme);
            var layout = master.AddNewPart<SlideLayoutPart>();
            Feed(layout, Layout);
            layout.AddPart(master);
            Feed(master, Master(master.GetIdOfPart(layout)));

            var charts = content.RenderCharts(ChartScale);
            var footer = $"{content.PrefectureName} – CLU du {content.MeetingText} – {content.CutoffSentence}";
            var slides = new List<SlidePart>();
            void Add(SlideBuilder slide)
            {
                var part = presentation.AddNewPart<SlidePart>();
                part.AddPart(layout);
                Feed(part, slide.Xml(part, charts, slides.Count == 0 ? null : $"{footer} – {slides.Count + 1}"));
                slides.Add(part);
            }

            Add(TitleSlide(content));
            Add(TextSlide(AgendaTitle, null, [new(null, agenda.Select((item, i) => $"{i + 1}. {item.Title}").ToList())], bullets: false));
            foreach (var section in content.Sections)
            {
                foreach (var slide in SectionSlides(section))
                {
                    Add(slide);
                }
            }

            var ids = new StringBuilder();
            for (var i = 0; i < slides.Count; i++)
            {
                ids.Append(CultureInfo.InvariantCulture, $"<p:sldId id=\"{256 + i}\" r:id=\"{presentation.GetIdOfPart(slides[i])}\"/>");
            }

            Feed(presentation,
                $"<p:presentation xmlns:a=\"{A}\" xmlns:r=\"{R}\" xmlns:p=\"{P}\" saveSubsetFonts=\"1\">"
                + $"<p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"{presentation.GetIdOfPart(master)}\"/></p:sldMasterIdLst>"
                + $"<p:sldIdLst>{ids}</p:sldIdLst>"
                + $"<p:sldSz cx=\"{SlideWidth}\" cy=\"{SlideHeight}\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/>"
                + "</p:presentation>");
        }

        return buffer.ToArray();
    }

    private static IEnumerable<SlideBuilder> SectionSlides(CluDocumentSection section)
    {
        if (section.Charts.Count == 0 && section.Table is null)
        {
            foreach (var slide in TextSlides(section.Title, section.Lead, section.Lists))
            {
                yield return slide;
            }

            yield break;
        }

        var lead = section.Lead;
        foreach (var chart in section.Charts)
        {
            var rows = chart.Table.Rows;
            var first = new SlideBuilder(chart.Title);
            var top = ContentTop;
            if (lead is not null)
            {
                first.Text(Margin, top - 228_600, ContentWidth, 457_200, [Paragraph(lead, 1400, color: Grey)]);
                top += 274_320;
                lead = null;
            }

            first.Chart(chart, Margin, top, (ContentWidth * 45 / 100) - 114_300, ContentBottom - top);
            var tableX = Margin + (ContentWidth * 45 / 100) + 114_300;
            first.Table(chart.Table with { Rows = rows.Take(RowsPerSlide).ToList() }, tableX, top, SlideWidth - Margin - tableX);
            yield return first;
            for (var skip = RowsPerSlide; skip < rows.Count; skip += RowsPerSlide)
            {
                var more = new SlideBuilder($"{chart.Title} (suite)");
                more.Table(chart.Table with { Rows = rows.Skip(skip).Take(RowsPerSlide).ToList() }, Margin, ContentTop, ContentWidth);
                yield return more;
            }
        }

        foreach (var slide in section.Lists.Count == 0 ? [] : TextSlides(section.Charts.Count == 0 ? section.Title : $"{section.Title} : points forts et recommandations", lead, section.Lists))
        {
            lead = null;
            yield return slide;
        }

        if (section.Table is { } table)
        {
            for (var skip = 0; skip == 0 || skip < table.Rows.Count; skip += RowsPerSlide / 2)
            {
                var slide = new SlideBuilder(skip == 0 ? section.Title : $"{section.Title} (suite)");
                var top = ContentTop;
                if (skip == 0 && lead is not null)
                {
                    slide.Text(Margin, top - 228_600, ContentWidth, 685_800, [Paragraph(lead, 1600)]);
                    top += 548_640;
                }

                // Decisions are sentences: half as many rows a slide as figures.
                slide.Table(table with { Rows = table.Rows.Skip(skip).Take(RowsPerSlide / 2).ToList() }, Margin, top, ContentWidth);
                yield return slide;
            }
        }
        else if (section.Charts.Count == 0 && lead is not null)
        {
            foreach (var slide in TextSlides(section.Title, lead, []))
            {
                yield return slide;
            }
        }
    }

    private static SlideBuilder TitleSlide(CluDocumentContent content)
    {
        var slide = new SlideBuilder("Comité local des usagers", titleTop: 1_828_800, titleSize: 4000);
        slide.Text(Margin, 2_926_080, ContentWidth, 2_560_320,
        [
            Paragraph(content.PrefectureName, 2800, bold: true, color: Blue),
            Paragraph($"Séance du {content.MeetingText}", 2400),
            Paragraph(content.Place, 2000, color: Grey),
            Paragraph(content.CutoffSentence, 1400, color: Grey, spaceBefore: 1800),
        ]);
        return slide;
    }

    private static SlideBuilder TextSlide(string title, string? lead, IReadOnlyList<CluList> lists, bool bullets = true)
    {
        var paragraphs = new List<string>();
        if (lead is not null)
        {
            paragraphs.Add(Paragraph(lead, 1800));
        }

        foreach (var list in lists)
        {
            if (list.Title is not null)
            {
                paragraphs.Add(Paragraph(list.Title, 1800, bold: true, color: Blue, spaceBefore: paragraphs.Count == 0 ? 0 : 1200));
            }

            paragraphs.AddRange(list.Items.Select(item => Paragraph(item, 1800, bullet: bullets)));
        }

        var slide = new SlideBuilder(title);
        slide.Text(Margin, ContentTop, ContentWidth, ContentBottom - ContentTop, paragraphs);
        return slide;
    }

    /// <summary>A title and its lists over as many slides as they need, "(suite)" after the first; a list's title goes with its first lines.</summary>
    private static IEnumerable<SlideBuilder> TextSlides(string title, string? lead, IReadOnlyList<CluList> lists)
    {
        static int Lines(string text) => Math.Max(1, (text.Length + CharactersPerLine - 1) / CharactersPerLine);

        var pages = new List<(string? Lead, List<CluList> Lists)> { (lead, []) };
        var used = lead is null ? 0 : Lines(lead) + 1;
        foreach (var list in lists)
        {
            var items = new List<string>();
            var listTitle = list.Title;
            foreach (var item in list.Items)
            {
                var needed = Lines(item) + (items.Count == 0 && listTitle is not null ? 2 : 0);
                if (used + needed > LinesPerSlide && used > 0)
                {
                    if (items.Count > 0)
                    {
                        pages[^1].Lists.Add(new(listTitle, items));
                        listTitle = list.Title is null ? null : $"{list.Title} (suite)";
                        items = [];
                    }

                    pages.Add((null, []));
                    used = 0;
                    needed = Lines(item) + (listTitle is not null ? 2 : 0);
                }

                items.Add(item);
                used += needed;
            }

            if (items.Count > 0 || list.Items.Count == 0)
            {
                pages[^1].Lists.Add(new(listTitle, items));
                used += list.Items.Count == 0 ? 2 : 0;
            }
        }

        for (var i = 0; i < pages.Count; i++)
        {
            yield return TextSlide(i == 0 ? title : $"{title} (suite)", pages[i].Lead, pages[i].Lists);
        }
    }

    private static string Paragraph(string text, int size, bool bold = false, string? color = null, bool bullet = false, int spaceBefore = 0)
    {
        var properties = new StringBuilder("<a:pPr");
        properties.Append(bullet ? " marL=\"342900\" indent=\"-342900\">" : " marL=\"0\" indent=\"0\">");
        properties.Append(CultureInfo.InvariantCulture, $"<a:spcBef><a:spcPts val=\"{(spaceBefore > 0 ? spaceBefore : 600)}\"/></a:spcBef>");
        properties.Append(bullet ? "<a:buFont typeface=\"Arial\"/><a:buChar char=\"•\"/>" : "<a:buNone/>");
        properties.Append("</a:pPr>");
        return $"<a:p>{properties}{Run(text, size, bold, color)}</a:p>";
    }

    private static string Run(string text, int size, bool bold = false, string? color = null) =>
        $"<a:r><a:rPr lang=\"fr-FR\" sz=\"{size}\"{(bold ? " b=\"1\"" : "")} dirty=\"0\">{(color is null ? "" : $"<a:solidFill><a:srgbClr val=\"{color}\"/></a:solidFill>")}</a:rPr><a:t>{Escape(text)}</a:t></a:r>";

    private static void Feed(OpenXmlPart part, string xml)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml));
        part.FeedData(stream);
    }

    /// <summary>One slide's shapes, numbered as PowerPoint expects (1 is the slide's own group).</summary>
    private sealed class SlideBuilder
    {
        private readonly StringBuilder _shapes = new();
        private readonly List<(CluChart Chart, long X, long Y, long Width, long Height, int Id)> _charts = [];
        private int _nextId = 2;

        public SlideBuilder(string title, long titleTop = 304_800, int titleSize = 2800)
        {
            Title = title;
            var id = _nextId++;
            _shapes.Append(CultureInfo.InvariantCulture,
                $"<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"Titre {id}\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr>"
                + $"<p:spPr>{Transform(Margin, titleTop, ContentWidth, 868_680)}</p:spPr>"
                + $"<p:txBody><a:bodyPr anchor=\"b\"><a:normAutofit/></a:bodyPr><a:lstStyle/><a:p>{Run(title, titleSize, bold: true, color: Blue)}</a:p></p:txBody></p:sp>");
        }

        public string Title { get; }

        public void Text(long x, long y, long width, long height, IReadOnlyList<string> paragraphs)
        {
            var id = _nextId++;
            _shapes.Append(CultureInfo.InvariantCulture,
                $"<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"Texte {id}\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr>"
                + $"<p:spPr>{Transform(x, y, width, height)}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>"
                + $"<p:txBody><a:bodyPr wrap=\"square\" anchor=\"t\"><a:normAutofit/></a:bodyPr><a:lstStyle/>{(paragraphs.Count == 0 ? "<a:p><a:endParaRPr lang=\"fr-FR\"/></a:p>" : string.Concat(paragraphs))}</p:txBody></p:sp>");
        }

        /// <summary>The chart in the box, at its own proportions; drawn when the slide is written, as the picture needs the slide's part.</summary>
        public void Chart(CluChart chart, long x, long y, long width, long height)
        {
            _charts.Add((chart, x, y, width, height, _nextId++));
            _shapes.Append(CultureInfo.InvariantCulture, $"{{chart:{_charts.Count - 1}}}");
        }

        public void Table(CluTable table, long x, long y, long width)
        {
            var (headers, rows) = (table.Headers, table.Rows);
            var id = _nextId++;
            var size = rows.Count > 8 || headers.Count > 5 ? 1100 : 1200;
            var columns = table.Shares.Select(share => (long)(width * share)).ToList();
            const long rowHeight = 320_040;
            var xml = new StringBuilder();
            xml.Append(CultureInfo.InvariantCulture,
                $"<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"{id}\" name=\"Tableau {id}\"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp=\"1\"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>"
                + $"<p:xfrm><a:off x=\"{x}\" y=\"{y}\"/><a:ext cx=\"{columns.Sum()}\" cy=\"{rowHeight * (rows.Count + 1)}\"/></p:xfrm>"
                + $"<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/table\"><a:tbl><a:tblPr firstRow=\"1\" bandRow=\"1\"/><a:tblGrid>");
            foreach (var column in columns)
            {
                xml.Append(CultureInfo.InvariantCulture, $"<a:gridCol w=\"{column}\"/>");
            }

            xml.Append("</a:tblGrid>");
            void Row(IReadOnlyList<string> cells, bool header, bool banded)
            {
                xml.Append(CultureInfo.InvariantCulture, $"<a:tr h=\"{rowHeight}\">");
                for (var i = 0; i < columns.Count; i++)
                {
                    var text = i < cells.Count ? cells[i] : "";
                    var align = !header && CluTable.IsFigure(text) ? "r" : "l";
                    xml.Append(CultureInfo.InvariantCulture,
                        $"<a:tc><a:txBody><a:bodyPr/><a:lstStyle/><a:p><a:pPr algn=\"{align}\"/>{Run(text, size, bold: header, color: header ? "FFFFFF" : "161616")}</a:p></a:txBody>"
                        + $"<a:tcPr marL=\"68580\" marR=\"68580\" marT=\"34290\" marB=\"34290\">{Line("lnL")}{Line("lnR")}{Line("lnT")}{Line("lnB")}"
                        + $"<a:solidFill><a:srgbClr val=\"{(header ? Blue : banded ? LightBlue : "FFFFFF")}\"/></a:solidFill></a:tcPr></a:tc>");
                }

                xml.Append("</a:tr>");
            }

            Row(headers, header: true, banded: false);
            for (var r = 0; r < rows.Count; r++)
            {
                Row(rows[r], header: false, banded: r % 2 == 1);
            }

            xml.Append("</a:tbl></a:graphicData></a:graphic></p:graphicFrame>");
            _shapes.Append(xml);
        }

        private static string Line(string side) =>
            $"<a:{side} w=\"6350\"><a:solidFill><a:srgbClr val=\"{Border}\"/></a:solidFill></a:{side}>";

        public string Xml(SlidePart part, IReadOnlyDictionary<ChartKind, byte[]> charts, string? footer)
        {
            if (footer is not null)
            {
                var id = _nextId++;
                _shapes.Append(CultureInfo.InvariantCulture,
                    $"<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"Pied de page {id}\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr>"
                    + $"<p:spPr>{Transform(Margin, SlideHeight - 457_200, ContentWidth, 320_040)}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>"
                    + $"<p:txBody><a:bodyPr wrap=\"square\" anchor=\"b\"><a:normAutofit/></a:bodyPr><a:lstStyle/><a:p><a:pPr algn=\"r\"/>{Run(footer, 1000, color: Grey)}</a:p></p:txBody></p:sp>");
            }

            var shapes = _shapes.ToString();
            for (var i = 0; i < _charts.Count; i++)
            {
                shapes = shapes.Replace($"{{chart:{i}}}", Picture(part, charts[_charts[i].Chart.Kind], _charts[i]), StringComparison.Ordinal);
            }

            return $"<p:sld xmlns:a=\"{A}\" xmlns:r=\"{R}\" xmlns:p=\"{P}\"><p:cSld><p:spTree>"
                + "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>"
                + "<p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>"
                + shapes
                + "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>";
        }

        private static string Picture(SlidePart part, byte[] png, (CluChart Chart, long X, long Y, long Width, long Height, int Id) placed)
        {
            var image = part.AddImagePart(ImagePartType.Png);
            using (var stream = new MemoryStream(png))
            {
                image.FeedData(stream);
            }

            var (pixelsWide, pixelsHigh) = PngSize(png);
            var width = placed.Width;
            var height = width * pixelsHigh / pixelsWide;
            if (height > placed.Height)
            {
                height = placed.Height;
                width = height * pixelsWide / pixelsHigh;
            }

            return string.Create(CultureInfo.InvariantCulture,
                $"<p:pic><p:nvPicPr><p:cNvPr id=\"{placed.Id}\" name=\"Graphique {placed.Id}\" descr=\"{Escape(placed.Chart.AlternativeText + " ; les chiffres sont dans le tableau voisin.")}\"/><p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>"
                + $"<p:blipFill><a:blip r:embed=\"{part.GetIdOfPart(image)}\"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>"
                + $"<p:spPr>{Transform(placed.X, placed.Y, width, height)}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>");
        }
    }

    private static string Transform(long x, long y, long width, long height) =>
        string.Create(CultureInfo.InvariantCulture, $"<a:xfrm><a:off x=\"{x}\" y=\"{y}\"/><a:ext cx=\"{width}\" cy=\"{height}\"/></a:xfrm>");

    private static readonly string Theme =
        $"<a:theme xmlns:a=\"{A}\" name=\"VoixUsager\"><a:themeElements>"
        + "<a:clrScheme name=\"VoixUsager\"><a:dk1><a:srgbClr val=\"161616\"/></a:dk1><a:lt1><a:srgbClr val=\"FFFFFF\"/></a:lt1>"
        + "<a:dk2><a:srgbClr val=\"000091\"/></a:dk2><a:lt2><a:srgbClr val=\"F6F6F6\"/></a:lt2>"
        + "<a:accent1><a:srgbClr val=\"000091\"/></a:accent1><a:accent2><a:srgbClr val=\"E1000F\"/></a:accent2>"
        + "<a:accent3><a:srgbClr val=\"6A6AF4\"/></a:accent3><a:accent4><a:srgbClr val=\"18753C\"/></a:accent4>"
        + "<a:accent5><a:srgbClr val=\"B34000\"/></a:accent5><a:accent6><a:srgbClr val=\"666666\"/></a:accent6>"
        + "<a:hlink><a:srgbClr val=\"000091\"/></a:hlink><a:folHlink><a:srgbClr val=\"6A6AF4\"/></a:folHlink></a:clrScheme>"
        + "<a:fontScheme name=\"VoixUsager\"><a:majorFont><a:latin typeface=\"Arial\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:majorFont>"
        + "<a:minorFont><a:latin typeface=\"Arial\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:minorFont></a:fontScheme>"
        + "<a:fmtScheme name=\"VoixUsager\">"
        + "<a:fillStyleLst>" + string.Concat(Enumerable.Repeat("<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>", 3)) + "</a:fillStyleLst>"
        + "<a:lnStyleLst>" + string.Concat(Enumerable.Repeat("<a:ln w=\"6350\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>", 3)) + "</a:lnStyleLst>"
        + "<a:effectStyleLst>" + string.Concat(Enumerable.Repeat("<a:effectStyle><a:effectLst/></a:effectStyle>", 3)) + "</a:effectStyleLst>"
        + "<a:bgFillStyleLst>" + string.Concat(Enumerable.Repeat("<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>", 3)) + "</a:bgFillStyleLst>"
        + "</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>";

    private const string GroupShape =
        "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>"
        + "<p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>";

    private static string Placeholders(bool positioned) =>
        "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Titre\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr>"
        + $"<p:spPr>{(positioned ? Transform(Margin, 304_800, ContentWidth, 868_680) : "")}</p:spPr>"
        + "<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang=\"fr-FR\"/></a:p></p:txBody></p:sp>"
        + "<p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Contenu\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"body\" idx=\"1\"/></p:nvPr></p:nvSpPr>"
        + $"<p:spPr>{(positioned ? Transform(Margin, ContentTop, ContentWidth, ContentBottom - ContentTop) : "")}</p:spPr>"
        + "<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang=\"fr-FR\"/></a:p></p:txBody></p:sp>";

    private static string Master(string layoutRelationship) =>
        $"<p:sldMaster xmlns:a=\"{A}\" xmlns:r=\"{R}\" xmlns:p=\"{P}\"><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg><p:spTree>"
        + GroupShape + Placeholders(positioned: true)
        + "</p:spTree></p:cSld>"
        + "<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>"
        + $"<p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"{layoutRelationship}\"/></p:sldLayoutIdLst>"
        + "<p:txStyles>"
        + "<p:titleStyle><a:lvl1pPr algn=\"l\"><a:defRPr sz=\"2800\" b=\"1\"><a:solidFill><a:schemeClr val=\"tx2\"/></a:solidFill><a:latin typeface=\"+mj-lt\"/></a:defRPr></a:lvl1pPr></p:titleStyle>"
        + "<p:bodyStyle><a:lvl1pPr marL=\"342900\" indent=\"-342900\"><a:buFont typeface=\"Arial\"/><a:buChar char=\"•\"/><a:defRPr sz=\"1800\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/></a:defRPr></a:lvl1pPr></p:bodyStyle>"
        + "<p:otherStyle><a:lvl1pPr><a:defRPr sz=\"1400\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/></a:defRPr></a:lvl1pPr></p:otherStyle>"
        + "</p:txStyles></p:sldMaster>";

    private static readonly string Layout =
        $"<p:sldLayout xmlns:a=\"{A}\" xmlns:r=\"{R}\" xmlns:p=\"{P}\" type=\"obj\" preserve=\"1\"><p:cSld name=\"Titre et contenu\"><p:spTree>"
        + GroupShape + Placeholders(positioned: false)
        + "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>";
}
