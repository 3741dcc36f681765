using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Clu;
using VoixUsager.Data;

namespace VoixUsager.Web.Pages.Clu;

/// <summary>
/// A CLU member answers the invitation through the link of the email, without an account. Opening the
/// link (GET) only shows the member's name and the three answers: a mail scanner that follows links
/// records nothing. The answer is recorded by the POST, once.
/// </summary>
[EnableRateLimiting(Hosting.SurveyRateLimiting.Policy)]
public class ReponseModel(AppDbContext db, CluAttendanceLinks links, CluMeetingKitService kit) : PageModel
{
    public CluMember? Member { get; private set; }

    public CluMeeting? Clu { get; private set; }

    public string PrefectureName { get; private set; } = "";

    /// <summary>Why the link cannot be used, in French; null for a valid link.</summary>
    public string? Refusal { get; private set; }

    public bool JustRecorded { get; private set; }

    public CluAttendanceInput Input { get; private set; } = new();

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Error(string field) => Errors.GetValueOrDefault(field);

    public const string InvalidLinkMessage = "Ce lien de réponse n’est pas valable : il est incomplet ou a été modifié, ou il a été envoyé à un autre membre. Ouvrez le lien exactement tel qu’il figure dans votre invitation, ou contactez l’équipe qualité de la préfecture.";

    public const string UnknownMemberMessage = "Ce lien ne correspond plus à un membre du comité. Contactez l’équipe qualité de la préfecture.";

    public async Task<IActionResult> OnGetAsync(int memberId, string token, CancellationToken cancellationToken)
    {
        return await ReadAsync(memberId, token, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int memberId, string token, CancellationToken cancellationToken)
    {
        if (await ReadAsync(memberId, token, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input = new CluAttendanceInput { Attendance = Request.Form["Attendance"], RepresentedBy = Request.Form["RepresentedBy"] };
        var (outcome, errors) = await kit.RecordAnswerAsync(Clu!.Id, Member!.Id, Input, cancellationToken);
        switch (outcome)
        {
            case CluMeetingKitService.AnswerOutcome.Recorded:
                // No redirect: the page's address carries the token, which a generated (lower-cased) URL would spoil.
                Member = await db.CluMembers.AsNoTracking().SingleAsync(m => m.Id == Member.Id, cancellationToken);
                JustRecorded = true;
                return Page();
            case CluMeetingKitService.AnswerOutcome.AlreadyAnswered:
                Member = await db.CluMembers.AsNoTracking().SingleAsync(m => m.Id == Member.Id, cancellationToken);
                Errors[""] = CluMeetingKitService.AlreadyAnsweredMessage;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            case CluMeetingKitService.AnswerOutcome.Invalid:
                foreach (var (field, message) in errors)
                {
                    Errors[field] = message;
                }

                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            default:
                return Refuse(StatusCodes.Status404NotFound, UnknownMemberMessage);
        }
    }

    private async Task<IActionResult?> ReadAsync(int memberId, string token, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Réponse à l’invitation au comité local des usagers";
        switch (links.Read(memberId, token))
        {
            case CluAttendanceLinks.Reading.Valid valid:
                Member = await db.CluMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == valid.MemberId && m.CluMeetingId == valid.CluId, cancellationToken);
                Clu = await db.CluMeetings.AsNoTracking().SingleOrDefaultAsync(c => c.Id == valid.CluId, cancellationToken);
                if (Member is null || Clu is null)
                {
                    return Refuse(StatusCodes.Status404NotFound, UnknownMemberMessage);
                }

                PrefectureName = await db.Prefectures.Where(p => p.Id == Clu.PrefectureId).Select(p => p.DisplayName).SingleAsync(cancellationToken);
                ViewData["ServiceTitle"] = PrefectureName;
                return null;
            case CluAttendanceLinks.Reading.Expired expired:
                return Refuse(StatusCodes.Status410Gone,
                    $"Ce lien de réponse a expiré le {Calendar.FrenchTimeZones.UtcToParis(expired.ExpiredAtUtc).AddDays(-1):dd/MM/yyyy} au soir, après le comité. Contactez l’équipe qualité de la préfecture.");
            default:
                return Refuse(StatusCodes.Status400BadRequest, InvalidLinkMessage);
        }
    }

    private PageResult Refuse(int status, string message)
    {
        Refusal = message;
        Member = null;
        Response.StatusCode = status;
        ViewData["Title"] = "Erreur : " + ViewData["Title"];
        return Page();
    }
}
