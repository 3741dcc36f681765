using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace VoixUsager.Tests.Infrastructure;

/// <summary>A survey form as a browser receives it: parsed from the HTML the application served.</summary>
public sealed class SurveyForm
{
    private SurveyForm(IHtmlDocument document) => Document = document;

    public IHtmlDocument Document { get; }

    public string Action => Document.QuerySelector("form[method=post]")!.GetAttribute("action")!;

    public string SubmissionId => Document.QuerySelector("input[name=jeton]")!.GetAttribute("value")!;

    /// <summary>The radio groups in page order, each with its field name and option values.</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<string> Values)> ChoiceQuestions =>
        Document.QuerySelectorAll("input[type=radio]")
            .GroupBy(i => i.GetAttribute("name")!)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(i => i.GetAttribute("value")!).ToList()))
            .ToList();

    public string FreeTextName => Document.QuerySelector("textarea")!.GetAttribute("name")!;

    public static async Task<SurveyForm> LoadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return Parse(await response.Content.ReadAsStringAsync());
    }

    public static SurveyForm Parse(string html) => new(new HtmlParser().ParseDocument(html));

    /// <summary>Every question answered with its first option, a suggestion, the one-time id and the channel.</summary>
    public Dictionary<string, string> CompleteAnswers(string suggestion = "Un guichet séparé pour les étrangers.")
    {
        var fields = new Dictionary<string, string> { ["jeton"] = SubmissionId };
        var channel = Document.QuerySelector("input[name=canal]")?.GetAttribute("value");
        if (channel is not null)
        {
            fields["canal"] = channel;
        }

        // The questionnaire version the form shows, posted back as a browser does.
        var version = Document.QuerySelector("input[name=questionnaire]")?.GetAttribute("value");
        if (version is not null)
        {
            fields["questionnaire"] = version;
        }

        foreach (var (name, values) in ChoiceQuestions)
        {
            fields[name] = values[0];
        }

        fields[FreeTextName] = suggestion;
        return fields;
    }

    /// <summary>The form as the page shows it filled in: the checked options, the text, the one-time id.</summary>
    public Dictionary<string, string> CompleteAnswersAsShown()
    {
        var fields = Document.QuerySelectorAll("form[method=post] input[type=hidden]")
            .Where(i => i.GetAttribute("name") is not null)
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var radio in Document.QuerySelectorAll("form[method=post] input[type=radio][checked]"))
        {
            fields[radio.GetAttribute("name")!] = radio.GetAttribute("value")!;
        }

        fields[FreeTextName] = Document.QuerySelector("textarea")!.TextContent;
        return fields;
    }
}
