using VoixUsager.ActionPlan;
using VoixUsager.Jobs;

namespace VoixUsager.Clu.Documents;

/// <summary>A document of the meeting as it is downloaded: its bytes, its type and its file name.</summary>
public sealed record CluDocumentFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// The CLU's documents of the meeting, built from the summary's figures (frozen once it was prepared),
/// the agenda the team wrote and the members' recorded answers: what the download links serve and what
/// the documents benchmark times.
/// </summary>
public sealed class CluDocumentsService(CluSummaryJob summary, CluMeetingKitService kit, ActionPlanService plan)
{
    public async Task<CluDocumentFile> DeckAsync(int cluId, CancellationToken cancellationToken)
    {
        var data = await summary.FiguresForAsync(cluId, cancellationToken);
        var content = CluDocumentContent.Build(data);
        var agenda = CluAgenda.Of(await kit.AgendaAsync(cluId, cancellationToken), content);
        return new(CluDeck.Build(content, agenda), CluDeck.ContentType, FileName(data, "diaporama", "pptx"));
    }

    /// <summary>
    /// The draft minutes: the members grouped by their answer (present, represented, excused, not yet
    /// answered), by site when several meet, and the agenda the team wrote (the documents' sections when none).
    /// </summary>
    public async Task<CluDocumentFile> MinutesAsync(int cluId, CancellationToken cancellationToken)
    {
        var data = await summary.FiguresForAsync(cluId, cancellationToken);
        var content = CluDocumentContent.Build(data);
        var decisions = (await plan.DecisionsAsync(cluId, cancellationToken))
            .Select(d => new CluMinutesDecision(d.Text, d.ActionId is not null, d.Status is { } status ? ActionPlanLabels.Status(status) : null))
            .ToList();
        var minutes = CluMinutes.Build(content, await kit.PresenceListAsync(cluId, cancellationToken), CluAgenda.Of(await kit.AgendaAsync(cluId, cancellationToken), content), decisions);
        return new(minutes, CluMinutes.ContentType, FileName(data, "compte-rendu", "docx"));
    }

    /// <summary>e.g. voixusager-clu-2026-03-12-diaporama-prefecture-du-cantal-…-arrete-2026-02-25-0900.pptx</summary>
    private static string FileName(CluFigures data, string what, string extension) =>
        CluSummary.Scope(data.PrefectureName, data.Figures, data.CutoffUtc).FileName($"clu-{data.Clu.MeetingOn:yyyy-MM-dd}-{what}", extension);
}
