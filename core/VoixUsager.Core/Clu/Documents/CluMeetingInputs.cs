namespace VoixUsager.Clu.Documents;

/// <summary>
/// One item of the meeting's agenda; <paramref name="Part"/> names the figures presented under it, null
/// for an item without figures (the minutes leave room for the discussion under every item).
/// </summary>
public sealed record CluAgendaItem(string Title, CluDocumentPart? Part = null);

/// <summary>Whether a person invited to the CLU came.</summary>
public enum CluAttendance
{
    /// <summary>Not recorded yet: the minutes list them as invited, for the team to sort.</summary>
    Unknown,
    Present,
    Excused,
    RepresentedBy,
}

/// <summary>A person of the presence list: function or organisation, the site that invited them when several meet together.</summary>
public sealed record CluAttendee(string Name, string? Function, string? Organisation, string? Site, CluAttendance Status, string? Representative = null);

public static class CluAgenda
{
    /// <summary>The agenda when none was written: the documents' sections, in their order.</summary>
    public static IReadOnlyList<CluAgendaItem> Default(CluDocumentContent content) =>
        content.Sections.Select(s => new CluAgendaItem(s.Title, s.Part)).ToList();

    /// <summary>
    /// The members recorded for the summary, as invited persons whose presence is unknown: what the
    /// minutes can say before the attendance is recorded.
    /// </summary>
    public static IReadOnlyList<CluAttendee> InvitedMembers(IEnumerable<CluMember> members) =>
        members.OrderBy(m => m.Name, StringComparer.CurrentCulture)
            .Select(m => new CluAttendee(m.Name, null, m.Organisation, null, CluAttendance.Unknown))
            .ToList();
}
