using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using VoixUsager.Data;

namespace VoixUsager.Clu;

/// <summary>
/// The link in a member's invitation that answers it without an account. Its token is protected by the
/// application's data-protection keys (shared by the web and the worker through the database) under a
/// purpose of its own, so no other token of the application is accepted here nor this one elsewhere.
/// It names one CLU and one member, and carries its end: the day after the meeting, midnight in Paris.
/// </summary>
public sealed class CluAttendanceLinks(IDataProtectionProvider protection, IOptions<AppOptions> app, FranceClock clock)
{
    /// <summary>The public page's address, before the member's id and the token; the page's route is built from it.</summary>
    public const string PathPrefix = "/clu/reponse";

    private const string Purpose = "VoixUsager.Clu.ReponseInvitation.v1";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public abstract record Reading
    {
        private Reading()
        {
        }

        public sealed record Valid(int CluId, int MemberId) : Reading;

        public sealed record Expired(DateTime ExpiredAtUtc) : Reading;

        /// <summary>Cut, altered, made with other keys, or given with another member's id.</summary>
        public sealed record Invalid : Reading;
    }

    /// <summary>When a link for a meeting held on <paramref name="meetingOn"/> stops answering.</summary>
    public static DateTime ExpiresAtUtc(DateOnly meetingOn) =>
        Calendar.FrenchTimeZones.ParisToUtc(meetingOn.AddDays(2).ToDateTime(TimeOnly.MinValue));

    public string TokenFor(CluMeeting clu, CluMember member) => TokenFor(clu.Id, member.Id, ExpiresAtUtc(clu.MeetingOn));

    public string TokenFor(int cluId, int memberId, DateTime expiresAtUtc) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{cluId}|{memberId}|{expiresAtUtc.Ticks}"));

    /// <summary>The absolute link for an email: from App:PublicBaseUrl, never a request's host.</summary>
    public string LinkFor(CluMeeting clu, CluMember member) =>
        app.Value.Link($"{PathPrefix}/{member.Id.ToString(CultureInfo.InvariantCulture)}/{TokenFor(clu, member)}");

    /// <summary>What <paramref name="token"/> says, when it was made for the member <paramref name="memberId"/> of the address.</summary>
    public Reading Read(int memberId, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return new Reading.Invalid();
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return new Reading.Invalid();
        }

        var parts = payload.Split('|');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var cluId)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var tokenMember)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || tokenMember != memberId)
        {
            return new Reading.Invalid();
        }

        var expires = new DateTime(ticks, DateTimeKind.Utc);
        return clock.UtcNow >= expires ? new Reading.Expired(expires) : new Reading.Valid(cluId, tokenMember);
    }
}
