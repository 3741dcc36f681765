using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using VoixUsager.Results;
using static VoixUsager.Clu.Documents.OpenXmlText;

namespace VoixUsager.Clu.Documents;

/// <summary>A decision of the meeting for the minutes' table: its text, note or action, and the action's status now.</summary>
public sealed record CluMinutesDecision(string Text, bool IsAction, string? Status);

/// <summary>
/// The draft minutes of a CLU, editable in Word and LibreOffice Writer: a header with the préfecture and
/// the date, the presence list, the agenda as headings with each section's figures and charts under its
/// item, the decisions table and the action plan in annex. Every heading, list and table carries a named
/// style (Titre 1…, Tableau VoixUsager), so the team restyles the whole document in one place.
/// </summary>
public static class CluMinutes
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public const string PresenceTitle = "Liste de présence";

    public const string AgendaTitle = "Ordre du jour";

    public const string DecisionsTitle = "Relevé des décisions";

    public const string AnnexTitle = "Annexe : avancement du plan d’actions";

    public const string OtherFiguresTitle = "Autres chiffres présentés";

    public const string InvitedTitle = "Membres invités (présence à relever)";

    public const string InvitedNote = "La présence n’a pas encore été relevée : classez chaque membre parmi les présents, les excusés ou les représentés.";

    public const string NoDecision = "Aucune décision n’a encore été enregistrée pour ce comité.";

    public const string DiscussionPlaceholder = "Échanges : [à compléter]";

    /// <summary>The content width of an A4 page with 2 cm margins, in twentieths of a point.</summary>
    private const int ContentTwips = 11_906 - (2 * 1_134);

    private const long MaxImageWidth = EmuPerInch * 63 / 10;

    public static byte[] Build(CluDocumentContent content, IReadOnlyList<CluPresenceLine> attendees, IReadOnlyList<CluAgendaHeading> agenda, IReadOnlyList<CluMinutesDecision> decisions)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            // The charts are PNG, compressed already: deflating them again would only cost time.
            document.CompressionOption = System.IO.Packaging.CompressionOption.Fast;
            document.PackageProperties.Title = $"Compte rendu du CLU du {content.MeetingText} – {content.PrefectureName}";
            document.PackageProperties.Language = "fr-FR";
            var main = document.AddMainDocumentPart();
            Feed(main.AddNewPart<StyleDefinitionsPart>(), Styles);
            Feed(main.AddNewPart<NumberingDefinitionsPart>(), Numbering);
            var header = main.AddNewPart<HeaderPart>();
            Feed(header, $"<w:hdr xmlns:w=\"{W}\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>{Run($"{content.PrefectureName} – Comité local des usagers du {content.MeetingText} – projet de compte rendu")}</w:p></w:hdr>");

            var body = new StringBuilder();
            var writer = new BodyWriter(main, body, content.RenderCharts(CluDeck.ChartScale));
            writer.Paragraph("Title", "Comité local des usagers");
            writer.Paragraph("Subtitle", content.PrefectureName);
            writer.Paragraph(null, $"Séance du {content.MeetingText} – {content.Place}");
            writer.Paragraph(null, $"Projet de compte rendu. {content.CutoffSentence}");

            Presence(writer, attendees);

            writer.Paragraph("Heading1", AgendaTitle);
            foreach (var item in agenda)
            {
                writer.Paragraph("ListNumber", item.Title);
            }

            var presented = new HashSet<CluDocumentPart>();
            for (var i = 0; i < agenda.Count; i++)
            {
                writer.Paragraph("Heading1", $"{i + 1}. {agenda[i].Title}");
                if (agenda[i].Part is { } part && content.Sections.FirstOrDefault(s => s.Part == part) is { } section)
                {
                    presented.Add(part);
                    Section(writer, section, headings: false);
                }

                writer.Paragraph(null, DiscussionPlaceholder, italic: true);
            }

            var others = content.Sections.Where(s => !presented.Contains(s.Part)).ToList();
            if (others.Count > 0)
            {
                writer.Paragraph("Heading1", OtherFiguresTitle);
                foreach (var section in others)
                {
                    Section(writer, section, headings: true);
                }
            }

            writer.Paragraph("Heading1", DecisionsTitle);
            writer.Table(new(["N°", "Décision", "Nature", "Suite"],
                decisions.Count == 0 ? [["", NoDecision, "", ""]]
                : decisions.Select((d, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), d.Text, d.IsAction ? CluSectionTexts.Action : CluSectionTexts.Note, d.Status ?? "–"]).ToList(),
                [0.07, 0.58, 0.12, 0.23]));

            var plan = content.Section(CluDocumentPart.Plan);
            writer.Paragraph("Heading1", AnnexTitle);
            if (plan.Lead is not null)
            {
                writer.Paragraph(null, plan.Lead);
            }

            if (plan.Table is { } planTable)
            {
                writer.Table(planTable);
            }

            body.Append(CultureInfo.InvariantCulture,
                $"<w:sectPr><w:headerReference w:type=\"default\" r:id=\"{main.GetIdOfPart(header)}\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
                + $"<w:pgMar w:top=\"1418\" w:right=\"1134\" w:bottom=\"1418\" w:left=\"1134\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr>");
            Feed(main, $"<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\" xmlns:wp=\"{Wp}\" xmlns:a=\"{A}\" xmlns:pic=\"{Pic}\"><w:body>{body}</w:body></w:document>");
        }

        return buffer.ToArray();
    }

    private static void Presence(BodyWriter writer, IReadOnlyList<CluPresenceLine> attendees)
    {
        writer.Paragraph("Heading1", PresenceTitle);
        var several = attendees.Select(a => a.Site).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).Count() > 1;
        foreach (var (status, title) in new[]
                 {
                     ((CluAttendance?)CluAttendance.Present, "Présents"), (CluAttendance.Represente, "Représentés"), (CluAttendance.Excuse, "Excusés"), (null, InvitedTitle),
                 })
        {
            var group = attendees.Where(a => a.Status == status).ToList();
            if (group.Count == 0)
            {
                continue;
            }

            writer.Paragraph("Heading2", title);
            if (status is null)
            {
                writer.Paragraph(null, InvitedNote, italic: true);
            }

            foreach (var site in several ? group.GroupBy(a => string.IsNullOrWhiteSpace(a.Site) ? "Autres participants" : a.Site!) : group.GroupBy(_ => ""))
            {
                if (several)
                {
                    writer.Paragraph("Heading3", site.Key);
                }

                foreach (var person in site)
                {
                    writer.Paragraph("ListBullet", Describe(person));
                }
            }
        }

        if (attendees.Count == 0)
        {
            writer.Paragraph(null, "Aucun membre n’est enregistré pour ce comité : la liste de présence est à compléter.", italic: true);
        }
    }

    /// <summary>"Marie Durand, présidente – UFC-Que Choisir, représentée par Paul Martin".</summary>
    public static string Describe(CluPresenceLine person)
    {
        var text = new StringBuilder(person.Name);
        if (!string.IsNullOrWhiteSpace(person.Function))
        {
            text.Append(", ").Append(person.Function);
        }

        if (!string.IsNullOrWhiteSpace(person.Organisation))
        {
            text.Append(" – ").Append(person.Organisation);
        }

        if (person.Status == CluAttendance.Represente && !string.IsNullOrWhiteSpace(person.RepresentedBy))
        {
            text.Append(", représenté(e) par ").Append(person.RepresentedBy);
        }

        return text.ToString();
    }

    private static void Section(BodyWriter writer, CluDocumentSection section, bool headings)
    {
        if (headings)
        {
            writer.Paragraph("Heading2", section.Title);
        }

        if (section.Lead is not null)
        {
            writer.Paragraph(null, section.Lead);
        }

        foreach (var list in section.Lists)
        {
            if (list.Title is not null)
            {
                writer.Paragraph("Heading3", list.Title);
            }

            foreach (var item in list.Items)
            {
                writer.Paragraph("ListBullet", item);
            }
        }

        foreach (var chart in section.Charts)
        {
            writer.Paragraph("Heading3", chart.Title);
            writer.Chart(chart);
            writer.Table(chart.Table);
        }

        if (section.Part == CluDocumentPart.Plan)
        {
            if (section.Table is not null)
            {
                writer.Paragraph(null, "Le détail par module figure en annexe.");
            }
        }
        else if (section.Table is { } table)
        {
            writer.Table(table);
        }
    }

    private static string Run(string text, bool italic = false) =>
        $"<w:r>{(italic ? "<w:rPr><w:i/></w:rPr>" : "")}<w:t xml:space=\"preserve\">{Escape(text)}</w:t></w:r>";

    private static void Feed(OpenXmlPart part, string xml)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml));
        part.FeedData(stream);
    }

    private sealed class BodyWriter(MainDocumentPart main, StringBuilder body, IReadOnlyDictionary<ChartKind, byte[]> charts)
    {
        private int _pictures;

        public void Paragraph(string? style, string text, bool italic = false) =>
            body.Append("<w:p>").Append(style is null ? "" : $"<w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>").Append(Run(text, italic)).Append("</w:p>");

        public void Chart(CluChart chart)
        {
            var png = charts[chart.Kind];
            var image = main.AddImagePart(ImagePartType.Png);
            using (var stream = new MemoryStream(png))
            {
                image.FeedData(stream);
            }

            var (pixelsWide, pixelsHigh) = PngSize(png);
            var width = MaxImageWidth;
            var height = width * pixelsHigh / pixelsWide;
            var id = ++_pictures;
            body.Append(CultureInfo.InvariantCulture,
                $"<w:p><w:pPr><w:pStyle w:val=\"Figure\"/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{width}\" cy=\"{height}\"/>"
                + $"<wp:docPr id=\"{id}\" name=\"Graphique {id}\" descr=\"{Escape(chart.AlternativeText + " ; les chiffres sont dans le tableau qui suit.")}\"/>"
                + $"<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
                + $"<a:graphic><a:graphicData uri=\"{Pic}\"><pic:pic><pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"graphique-{chart.Kind.Slug()}.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
                + $"<pic:blipFill><a:blip r:embed=\"{main.GetIdOfPart(image)}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
                + $"<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{width}\" cy=\"{height}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
                + $"</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>");
        }

        /// <summary>A table in the document's table style, its first row repeated on every page it runs over.</summary>
        public void Table(CluTable table)
        {
            var (headers, rows) = (table.Headers, table.Rows);
            var widths = table.Shares.Select(share => (int)(ContentTwips * share)).ToList();
            body.Append("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableauVoixUsager\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLook w:val=\"04A0\"/></w:tblPr><w:tblGrid>");
            foreach (var width in widths)
            {
                body.Append(CultureInfo.InvariantCulture, $"<w:gridCol w:w=\"{width}\"/>");
            }

            body.Append("</w:tblGrid>");
            void Row(IReadOnlyList<string> cells, bool header)
            {
                body.Append(header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
                for (var i = 0; i < widths.Count; i++)
                {
                    var text = i < cells.Count ? cells[i] : "";
                    var align = !header && CluTable.IsFigure(text) ? "<w:jc w:val=\"right\"/>" : "";
                    body.Append(CultureInfo.InvariantCulture, $"<w:tc><w:tcPr><w:tcW w:w=\"{widths[i]}\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>{align}</w:pPr>{Run(text)}</w:p></w:tc>");
                }

                body.Append("</w:tr>");
            }

            Row(headers, header: true);
            foreach (var row in rows)
            {
                Row(row, header: false);
            }

            body.Append("</w:tbl><w:p/>");
        }
    }

    private static readonly string Numbering =
        $"<w:numbering xmlns:w=\"{W}\">"
        + "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:pStyle w:val=\"ListBullet\"/><w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>"
        + "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:pStyle w:val=\"ListNumber\"/><w:lvlText w:val=\"%1.\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>"
        + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
        + "</w:numbering>";

    private static string ParagraphStyle(string id, string name, string pPr, string rPr, string? basedOn = "Normal", string next = "Normal", int priority = 0) =>
        $"<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>{(basedOn is null ? "" : $"<w:basedOn w:val=\"{basedOn}\"/>")}<w:next w:val=\"{next}\"/>"
        + $"{(priority > 0 ? $"<w:uiPriority w:val=\"{priority}\"/>" : "")}<w:qFormat/><w:pPr>{pPr}</w:pPr><w:rPr>{rPr}</w:rPr></w:style>";

    private static string Heading(int level, int size, int before) =>
        ParagraphStyle($"Heading{level}", $"heading {level}", $"<w:keepNext/><w:keepLines/><w:spacing w:before=\"{before}\" w:after=\"120\"/><w:outlineLvl w:val=\"{level - 1}\"/>",
            $"<w:b/><w:color w:val=\"000091\"/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>", priority: 9);

    private const string Border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"929292\"";

    private static readonly string Styles =
        $"<w:styles xmlns:w=\"{W}\">"
        + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"fr-FR\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
        + "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
        + "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"
        + ParagraphStyle("Title", "Title", "<w:spacing w:after=\"120\"/>", "<w:b/><w:color w:val=\"000091\"/><w:sz w:val=\"48\"/><w:szCs w:val=\"48\"/>", priority: 10)
        + ParagraphStyle("Subtitle", "Subtitle", "<w:spacing w:after=\"120\"/>", "<w:b/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>", priority: 11)
        + Heading(1, 32, 360) + Heading(2, 26, 240) + Heading(3, 22, 200)
        + ParagraphStyle("ListBullet", "List Bullet", "<w:numPr><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"60\"/><w:ind w:left=\"360\" w:hanging=\"360\"/>", "")
        + ParagraphStyle("ListNumber", "List Number", "<w:numPr><w:numId w:val=\"2\"/></w:numPr><w:spacing w:after=\"60\"/><w:ind w:left=\"360\" w:hanging=\"360\"/>", "")
        + ParagraphStyle("Figure", "Figure", "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"120\"/><w:jc w:val=\"center\"/>", "")
        + ParagraphStyle("TableText", "Texte de tableau", "<w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/>", "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>")
        + ParagraphStyle("Header", "header", "<w:pBdr><w:bottom " + Border + "/></w:pBdr><w:spacing w:after=\"0\"/>", "<w:color w:val=\"666666\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>")
        + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>"
        + "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        + "<w:style w:type=\"table\" w:styleId=\"TableauVoixUsager\"><w:name w:val=\"Tableau VoixUsager\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"59\"/><w:qFormat/>"
        + $"<w:tblPr><w:tblBorders><w:top {Border}/><w:left {Border}/><w:bottom {Border}/><w:right {Border}/><w:insideH {Border}/><w:insideV {Border}/></w:tblBorders></w:tblPr>"
        + "<w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/><w:color w:val=\"FFFFFF\"/></w:rPr><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"000091\"/></w:tcPr></w:tblStylePr>"
        + "</w:style>"
        + "</w:styles>";
}
