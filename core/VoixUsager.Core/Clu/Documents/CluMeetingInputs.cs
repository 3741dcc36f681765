namespace VoixUsager.Clu.Documents;

/// <summary>
/// One item of the meeting's agenda; <paramref name="Part"/> names the figures presented under it, null
/// for an item without figures (the minutes leave room for the discussion under every item).
/// </summary>
public sealed record CluAgendaHeading(string Title, CluDocumentPart? Part = null);

public static class CluAgenda
{
    /// <summary>The agenda when none was written: the documents' sections, in their order.</summary>
    public static IReadOnlyList<CluAgendaHeading> Default(CluDocumentContent content) =>
        content.Sections.Select(s => new CluAgendaHeading(s.Title, s.Part)).ToList();

    /// <summary>The agenda the team wrote, or the documents' sections when it wrote none.</summary>
    public static IReadOnlyList<CluAgendaHeading> Of(IReadOnlyList<CluAgendaItem> written, CluDocumentContent content) =>
        written.Count == 0 ? Default(content) : written.Select(i => new CluAgendaHeading(i.Title, i.Section)).ToList();
}
