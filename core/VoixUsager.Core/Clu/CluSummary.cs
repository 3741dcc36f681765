using System.Globalization;
using System.Net;
using System.Text;
using VoixUsager.Email;
using VoixUsager.Results;
using VoixUsager.Results.Statistics;

namespace VoixUsager.Clu;

/// <summary>
/// The summary a CLU's members receive: what became of the previous CLU's decisions, the key figures,
/// the charts inline, the strengths and recommendations, the suggestions retained, the action plan's
/// progress, the bilan of suggestions and complaints and the workbook attached, with the cut-off stated.
/// </summary>
public static class CluSummary
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public sealed record Content(string Subject, string Text, string Html, IReadOnlyList<EmailInlineImage> Images, EmailAttachment Workbook)
    {
        /// <summary>The documents the team chose to send with the summary (a calendar, the référentiel…), after the workbook.</summary>
        public IReadOnlyList<EmailAttachment> Pieces { get; init; } = [];
    }

    public static Content Build(CluMeeting clu, string prefectureName, ResultsFigures figures, IReadOnlyList<RetainedSuggestion> suggestions, DateTime cutoffUtc, string dashboardUrl)
    {
        var cutoff = CutoffText(cutoffUtc);
        var meeting = clu.MeetingOn.ToString("dddd d MMMM yyyy", French);
        var calls = figures.Mystery.Calls;
        var emails = figures.Mystery.Emails;
        var figuresLines = KeyFigures(figures);

        var images = new List<EmailInlineImage>();
        void Chart(string id, byte[]? png)
        {
            if (png is not null)
            {
                images.Add(new EmailInlineImage(id, "image/png", png));
            }
        }

        Chart(ChartKind.Satisfaction.Slug(), ResultsCharts.Render(ChartKind.Satisfaction, figures));
        Chart(ChartKind.Appels.Slug(), calls.Submitted > 0 ? ResultsCharts.Render(ChartKind.Appels, figures) : null);
        Chart(ChartKind.Courriels.Slug(), emails.Submitted > 0 ? ResultsCharts.Render(ChartKind.Courriels, figures) : null);

        var subject = $"CLU du {clu.MeetingOn.ToString("d MMMM yyyy", French)} – synthèse de la voix des usagers – {prefectureName}";
        var text = new StringBuilder();
        text.AppendLine("Bonjour,").AppendLine();
        text.AppendLine($"En vue du comité local des usagers du {meeting} ({clu.Place}), voici la synthèse de la voix des usagers de la {Lower(prefectureName)}.");
        text.AppendLine($"Chiffres arrêtés au {cutoff}.").AppendLine();
        var sections = SectionsOf(figures, cutoff);
        AppendSection(text, sections[0]);
        text.AppendLine().AppendLine("Chiffres clés :");
        foreach (var line in figuresLines)
        {
            text.AppendLine($"- {line}");
        }

        AppendList(text, StrengthsTitle, figures.Mystery.Recommendations.Strengths);
        AppendList(text, RecommendationsTitle, figures.Mystery.Recommendations.Recommendations);
        AppendList(text, ToConfirmTitle, figures.Mystery.Recommendations.ToConfirm);
        AppendList(text, SuggestionsTitle, suggestions.Select(SuggestionLine).ToList());
        foreach (var section in sections.Skip(1))
        {
            text.AppendLine();
            AppendSection(text, section);
        }

        text.AppendLine().AppendLine($"Le détail des chiffres est dans le classeur joint, et sur le tableau de bord : {dashboardUrl}");
        text.AppendLine().AppendLine("L’équipe qualité");

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>").Append(E(subject)).Append("</title></head>");
        html.Append("<body style=\"font-family:Arial,Helvetica,sans-serif;color:#161616;max-width:800px\">");
        html.Append("<p>Bonjour,</p>");
        html.Append("<p>En vue du comité local des usagers du <strong>").Append(E(meeting)).Append("</strong> (").Append(E(clu.Place)).Append("), voici la synthèse de la voix des usagers de la ").Append(E(Lower(prefectureName))).Append(".</p>");
        html.Append("<p><em>Chiffres arrêtés au ").Append(E(cutoff)).Append(".</em></p>");
        AppendHtmlSection(html, sections[0]);
        html.Append("<h2 style=\"color:#000091\">Chiffres clés</h2><ul>");
        foreach (var line in figuresLines)
        {
            html.Append("<li>").Append(E(line)).Append("</li>");
        }

        html.Append("</ul>");
        foreach (var image in images)
        {
            var alt = image.ContentId switch
            {
                "satisfaction" => "Taux de satisfaction par question (détail dans le classeur joint)",
                "appels" => "Conformité des appels mystères par critère (détail dans le classeur joint)",
                _ => "Conformité des courriels mystères par critère (détail dans le classeur joint)",
            };
            var (width, height) = ResultsCharts.Size(Enum.Parse<ChartKind>(image.ContentId, ignoreCase: true), figures);
            html.Append("<p><img src=\"cid:").Append(image.ContentId).Append("\" alt=\"").Append(E(alt)).Append("\" width=\"").Append(width).Append("\" height=\"").Append(height)
                .Append("\" style=\"max-width:100%;height:auto\"></p>");
        }

        AppendHtmlList(html, StrengthsTitle, figures.Mystery.Recommendations.Strengths);
        AppendHtmlList(html, RecommendationsTitle, figures.Mystery.Recommendations.Recommendations);
        AppendHtmlList(html, ToConfirmTitle, figures.Mystery.Recommendations.ToConfirm);
        AppendHtmlList(html, SuggestionsTitle, suggestions.Select(SuggestionLine).ToList());
        foreach (var section in sections.Skip(1))
        {
            AppendHtmlSection(html, section);
        }

        html.Append("<p>Le détail des chiffres est dans le classeur joint, et sur le <a href=\"").Append(E(dashboardUrl)).Append("\">tableau de bord de VoixUsager</a>.</p>");
        html.Append("<p>L’équipe qualité</p></body></html>");

        var scope = Scope(prefectureName, figures, cutoffUtc);
        var workbook = new EmailAttachment(
            scope.FileName($"clu-{clu.MeetingOn:yyyy-MM-dd}", "xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ResultsWorkbook.Build(figures, suggestions, scope));
        return new Content(subject, text.ToString(), html.ToString(), images, workbook);
    }

    /// <summary>
    /// The message's HTML as a mail client shows it: the inline images (cid:) become data URIs, nothing
    /// else changes. The browser preview is this document, so what the quality team sees is what is sent.
    /// </summary>
    public static string HtmlWithInlineImages(Content content) =>
        content.Images.Aggregate(content.Html, (html, image) =>
            html.Replace($"cid:{image.ContentId}\"", $"data:{image.ContentType};base64,{Convert.ToBase64String(image.Content)}\"", StringComparison.Ordinal));

    /// <summary>What the summary's figures cover: the campaigns chosen for the CLU, at the cut-off.</summary>
    public static ExportScope Scope(string prefectureName, ResultsFigures figures, DateTime cutoffUtc) =>
        new(prefectureName, [("Enquête", figures.Survey.Scope), ("Enquêtes mystères", figures.Mystery.Scope)], cutoffUtc);

    /// <summary>The key figures, one line each, every rate with its n, its interval and "indicatif" below 30.</summary>
    public static IReadOnlyList<string> KeyFigures(ResultsFigures figures)
    {
        var survey = figures.Survey;
        var global = survey.Questions.FirstOrDefault(q => q.Code == Questionnaires.DefaultQuestionnaire.Codes.SatisfactionGlobale)?.Scale;
        var calls = figures.Mystery.Calls;
        var emails = figures.Mystery.Emails;
        var lines = new List<string>
        {
            $"{FrenchFormat.Count(survey.Responses)} réponses à l’enquête de satisfaction ({survey.Scope})",
            global is null || global.TopTwoBox.Total == 0 ? "Satisfaction globale : pas de réponse exprimée" : $"Satisfaction globale : {FrenchFormat.Rate(global.TopTwoBox)}",
            calls.Submitted == 0 ? "Appels mystères : aucun" : $"Appels mystères aboutis : {FrenchFormat.Rate(calls.Answered)} — {Indicators.TargetText(Indicators.CallsAnswered)}",
        };
        if (emails.Submitted == 0)
        {
            lines.Add("Courriels mystères : aucun");
        }
        else
        {
            lines.Add($"Courriels mystères répondus sous 5 jours ouvrés : {FrenchFormat.Rate(emails.WithinDeadlineRate)} — {Indicators.TargetText(Indicators.EmailsWithinFiveDays)}");
            lines.Add($"Courriels mystères répondus hors délai : {FrenchFormat.Rate(emails.LateRate)}");
            lines.Add($"Courriels mystères sans réponse : {FrenchFormat.Rate(emails.NoReplyRate)}");
        }

        return lines;
    }

    /// <summary>A retained suggestion as the summary and the CLU's documents quote it, with the answer given.</summary>
    public static string SuggestionLine(RetainedSuggestion suggestion) =>
        suggestion.Response is null ? $"« {suggestion.MaskedText} »" : $"« {suggestion.MaskedText} » — {suggestion.Response}";

    public const string StrengthsTitle = "Points forts";

    public const string RecommendationsTitle = "Recommandations";

    public const string ToConfirmTitle = "À confirmer (trop peu d’observations pour conclure)";

    public const string SuggestionsTitle = "Suggestions d’usagers retenues";

    /// <summary>The cut-off as the summary states it: "25 février 2026 à 09:00", Paris time.</summary>
    public static string CutoffText(DateTime cutoffUtc) => Calendar.FrenchTimeZones.UtcToParis(cutoffUtc).ToString("d MMMM yyyy à HH:mm", French);

    /// <summary>A part of the summary: its heading, a sentence saying what it covers (or why it is empty), its lines.</summary>
    public sealed record Section(string Title, string? Lead, IReadOnlyList<string> Lines);

    public const string FollowUpTitle = "Suites données aux décisions du CLU précédent";

    public const string PlanTitle = "Avancement du plan d’actions";

    public const string RegisterTitle = "Bilan des suggestions et réclamations";

    /// <summary>
    /// The CLU's own sections, in the order the summary shows them: the follow-up of the previous CLU's
    /// decisions (first, as the committee reviews it first), the action plan, the suggestions and complaints.
    /// From the frozen figures only; a snapshot frozen before they existed says so.
    /// </summary>
    public static IReadOnlyList<Section> SectionsOf(ResultsFigures figures, string cutoff)
    {
        if (figures.Clu is not { } clu)
        {
            const string notFrozen = "Cette rubrique ne figurait pas encore dans les synthèses lorsque les chiffres de ce comité ont été arrêtés.";
            return [new(FollowUpTitle, notFrozen, []), new(PlanTitle, notFrozen, []), new(RegisterTitle, notFrozen, [])];
        }

        return [FollowUpSection(clu.Previous, cutoff), PlanSection(clu.Plan, cutoff), RegisterSection(clu.Register)];
    }

    private static Section FollowUpSection(PreviousCluDecisions? previous, string cutoff)
    {
        if (previous is null)
        {
            return new(FollowUpTitle, CluSectionTexts.NoPreviousClu, []);
        }

        if (previous.Decisions.Count == 0)
        {
            return new(FollowUpTitle, CluSectionTexts.NoDecision(previous), []);
        }

        return new(FollowUpTitle, $"Décisions du {CluSectionTexts.Describe(previous)}, et où en sont les actions au {cutoff} :",
            previous.Decisions.Select(CluSectionTexts.Line).ToList());
    }

    private static Section PlanSection(ActionPlan.ActionPlanService.PlanAt plan, string cutoff)
    {
        var overall = plan.Progress.Overall;
        if (overall.Pursued + overall.Abandoned == 0)
        {
            return new(PlanTitle, $"Aucune action n’était inscrite au plan d’actions au {cutoff}.", []);
        }

        return new(PlanTitle,
            $"Au {cutoff}, sur les actions poursuivies (les actions abandonnées sont comptées à part) ; actions en retard : {FrenchFormat.Count(plan.Overdue)}.",
            plan.Progress.Modules.Append(overall).Select(CluSectionTexts.Line).ToList());
    }

    private static Section RegisterSection(VoixUsager.Register.RegisterFigures register) =>
        new(RegisterTitle, $"Cas reçus du {register.From:dd/MM/yyyy} au {register.To:dd/MM/yyyy}, la période des indicateurs.",
        [
            .. register.Sentences(),
            CluSectionTexts.Counts("Par nature", register.PerKind),
            CluSectionTexts.Counts("Par sujet", register.PerSubject),
            CluSectionTexts.Counts("Par canal", register.PerChannel),
        ]);

    private static void AppendSection(StringBuilder text, Section section)
    {
        text.AppendLine($"{section.Title} :");
        if (section.Lead is not null)
        {
            text.AppendLine(section.Lead);
        }

        foreach (var line in section.Lines)
        {
            text.AppendLine($"- {line}");
        }
    }

    private static void AppendHtmlSection(StringBuilder html, Section section)
    {
        html.Append("<h2 style=\"color:#000091\">").Append(E(section.Title)).Append("</h2>");
        if (section.Lead is not null)
        {
            html.Append("<p>").Append(E(section.Lead)).Append("</p>");
        }

        if (section.Lines.Count > 0)
        {
            html.Append("<ul>");
            foreach (var line in section.Lines)
            {
                html.Append("<li>").Append(E(line)).Append("</li>");
            }

            html.Append("</ul>");
        }
    }

    public static OutgoingEmail For(Content content, string address, string? name) =>
        new([new EmailRecipient(address, name)], content.Subject, content.Text, content.Html, [content.Workbook, .. content.Pieces], content.Images);

    private static void AppendList(StringBuilder text, string title, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        text.AppendLine().AppendLine($"{title} :");
        foreach (var item in items)
        {
            text.AppendLine($"- {item}");
        }
    }

    private static void AppendHtmlList(StringBuilder html, string title, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        html.Append("<h2 style=\"color:#000091\">").Append(E(title)).Append("</h2><ul>");
        foreach (var item in items)
        {
            html.Append("<li>").Append(E(item)).Append("</li>");
        }

        html.Append("</ul>");
    }

    private static string Lower(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
