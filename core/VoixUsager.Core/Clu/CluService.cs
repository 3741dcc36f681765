using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Auditing;
using VoixUsager.Data;
using VoixUsager.Mystery;

namespace VoixUsager.Clu;

/// <summary>A new CLU as typed in the form; the property names are the form's field names.</summary>
public sealed class CluInput
{
    /// <summary>yyyy-MM-dd, as a date input posts it.</summary>
    public string? MeetingOn { get; set; }

    [Required(ErrorMessage = "Indiquez le lieu du comité.")]
    [ColumnLength(typeof(CluMeeting), nameof(CluMeeting.Place), ErrorMessage = "Le lieu du comité compte {1} caractères au plus.")]
    public string? Place { get; set; }

    /// <summary>Typed as text so that "abc" is answered with a message rather than ignored.</summary>
    public string? DaysBefore { get; set; } = "15";

    public int? SurveyCampaignId { get; set; }

    public int? MysteryCampaignId { get; set; }
}

/// <summary>A member to add to a CLU; the property names are the form's field names.</summary>
public sealed class CluMemberInput
{
    [Required(ErrorMessage = "Indiquez le nom du membre.")]
    [ColumnLength(typeof(CluMember), nameof(CluMember.Name), ErrorMessage = "Le nom du membre compte {1} caractères au plus.")]
    public string? MemberName { get; set; }

    [ColumnLength(typeof(CluMember), nameof(CluMember.Organisation), ErrorMessage = "L’organisme compte {1} caractères au plus.")]
    public string? MemberOrganisation { get; set; }

    [Required(ErrorMessage = "Indiquez l’adresse électronique du membre.")]
    [ColumnLength(typeof(CluMember), nameof(CluMember.Email), ErrorMessage = "L’adresse électronique compte {1} caractères au plus.")]
    public string? MemberEmail { get; set; }

    [ColumnLength(typeof(CluMember), nameof(CluMember.Function), ErrorMessage = "La fonction compte {1} caractères au plus.")]
    public string? MemberFunction { get; set; }

    /// <summary>Where the member joins from when several sites meet by video; empty for the main place.</summary>
    [ColumnLength(typeof(CluMember), nameof(CluMember.Site), ErrorMessage = "Le site compte {1} caractères au plus.")]
    public string? MemberSite { get; set; }

    /// <summary>False unless ticked: an unticked checkbox posts nothing at all.</summary>
    public bool MemberReceivesSummary { get; set; }
}

/// <summary>Creates a préfecture's CLUs and keeps their members, each change with its audit entry.</summary>
public sealed class CluService(AppDbContext db, FranceClock clock)
{
    public const int MaxDaysBefore = 90;

    public async Task<ChangeResult> CreateAsync(int prefectureId, CluInput input, AuditActor actor, CancellationToken cancellationToken)
    {
        var errors = InputValidation.Check(input);
        if (!DateOnly.TryParseExact(input.MeetingOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var meetingOn))
        {
            errors.TryAdd(nameof(CluInput.MeetingOn), "Indiquez la date du comité.");
        }
        else if (meetingOn < clock.Today)
        {
            errors.TryAdd(nameof(CluInput.MeetingOn), "La date du comité est passée : indiquez une date à venir.");
        }

        if (!int.TryParse(input.DaysBefore, NumberStyles.None, CultureInfo.InvariantCulture, out var daysBefore) || daysBefore is < 1 or > MaxDaysBefore)
        {
            errors.TryAdd(nameof(CluInput.DaysBefore), $"La synthèse part entre 1 et {MaxDaysBefore} jours avant le comité.");
        }

        if (input.SurveyCampaignId is { } survey && !await db.SurveyCampaigns.AnyAsync(c => c.Id == survey && c.PrefectureId == prefectureId, cancellationToken))
        {
            errors.TryAdd(nameof(CluInput.SurveyCampaignId), "Cette campagne d’enquête n’existe pas pour votre préfecture.");
        }

        if (input.MysteryCampaignId is { } mystery && !await db.MysteryCampaigns.AnyAsync(c => c.Id == mystery && c.EvaluatedPrefectureId == prefectureId, cancellationToken))
        {
            errors.TryAdd(nameof(CluInput.MysteryCampaignId), "Cette campagne d’enquêtes mystères n’évalue pas votre préfecture.");
        }

        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        var clu = new CluMeeting
        {
            PrefectureId = prefectureId, MeetingOn = meetingOn, Place = input.Place!.Trim(), DaysBefore = daysBefore, CreatedAtUtc = clock.UtcNow,
            SurveyCampaignId = input.SurveyCampaignId, MysteryCampaignId = input.MysteryCampaignId,
        };
        db.CluMeetings.Add(clu);
        await db.SaveWithAuditAsync(() => AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, prefectureId, "clu.cree", nameof(CluMeeting),
            clu.Id.ToString(CultureInfo.InvariantCulture), $"{meetingOn:dd/MM/yyyy}, {clu.Place}"), cancellationToken);
        return new ChangeResult.Done(clu.Id);
    }

    /// <summary>
    /// Why the members of <paramref name="clu"/> can no longer change, in French; null while they can.
    /// Once the summary job has frozen the figures (and with them the recipients) or the meeting is
    /// over, the list is the record of who was on the committee and who received what.
    /// </summary>
    public static string? MembersClosedReason(CluMeeting clu, bool summaryStarted, DateOnly today) =>
        summaryStarted ? "La synthèse de ce comité est déjà partie : la liste des membres ne peut plus être modifiée."
        : clu.MeetingOn < today ? "Ce comité a déjà eu lieu : la liste des membres ne peut plus être modifiée."
        : null;

    /// <inheritdoc cref="MembersClosedReason(CluMeeting, bool, DateOnly)"/>
    public async Task<string?> MembersClosedReasonAsync(CluMeeting clu, CancellationToken cancellationToken) =>
        MembersClosedReason(clu, clu.SnapshotId is not null || await db.CluDeliveries.AnyAsync(d => d.CluMeetingId == clu.Id, cancellationToken), clock.Today);

    public async Task<ChangeResult> AddMemberAsync(int cluId, CluMemberInput input, AuditActor actor, CancellationToken cancellationToken)
    {
        var clu = await db.CluMeetings.Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == cluId, cancellationToken);
        if (clu is null)
        {
            return new ChangeResult.NotFound();
        }

        if (await MembersClosedReasonAsync(clu, cancellationToken) is { } closed)
        {
            return new ChangeResult.Invalid(new Dictionary<string, string> { [""] = closed });
        }

        var errors = InputValidation.Check(input);
        var email = input.MemberEmail?.Trim() ?? "";
        if (!errors.ContainsKey(nameof(CluMemberInput.MemberEmail)))
        {
            if (!System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            {
                errors[nameof(CluMemberInput.MemberEmail)] = "Indiquez une adresse électronique valide, par exemple prenom.nom@association.fr.";
            }
            else if (clu.Members.Any(m => string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase)))
            {
                errors[nameof(CluMemberInput.MemberEmail)] = "Ce membre est déjà inscrit.";
            }
        }

        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        var member = new CluMember
        {
            CluMeetingId = cluId,
            Name = input.MemberName!.Trim(),
            Organisation = string.IsNullOrWhiteSpace(input.MemberOrganisation) ? null : input.MemberOrganisation.Trim(),
            Email = email,
            Function = string.IsNullOrWhiteSpace(input.MemberFunction) ? null : input.MemberFunction.Trim(),
            Site = string.IsNullOrWhiteSpace(input.MemberSite) ? null : input.MemberSite.Trim(),
            ReceivesSummary = input.MemberReceivesSummary,
        };
        db.CluMembers.Add(member);
        db.AuditEntries.Add(AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, clu.PrefectureId, "clu.membre-ajoute", nameof(CluMeeting),
            cluId.ToString(CultureInfo.InvariantCulture), member.ReceivesSummary ? email : $"{email} (sans la synthèse)"));
        await db.SaveChangesAsync(cancellationToken);
        return new ChangeResult.Done(cluId);
    }

    public const string ClosedContactMessage = "Ce comité n’accepte plus de changement d’adresse ni d’envoi de la synthèse : la liste des destinataires est arrêtée. Le nom, l’organisme, la fonction et le site restent modifiables pour le compte rendu.";

    /// <summary>
    /// Corrects a member. Name, organisation, function and site describe the member in the presence list,
    /// so they may be corrected until the minutes are written, even after the meeting; the address and
    /// the summary choice decide who receives what, so they change only while the list is open.
    /// </summary>
    public async Task<ChangeResult> UpdateMemberAsync(int cluId, int memberId, CluMemberInput input, AuditActor actor, CancellationToken cancellationToken)
    {
        var clu = await db.CluMeetings.Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == cluId, cancellationToken);
        var member = clu?.Members.SingleOrDefault(m => m.Id == memberId);
        if (clu is null || member is null)
        {
            return new ChangeResult.NotFound();
        }

        var errors = InputValidation.Check(input);
        var email = input.MemberEmail?.Trim() ?? "";
        var contactChanged = !string.Equals(email, member.Email, StringComparison.OrdinalIgnoreCase) || input.MemberReceivesSummary != member.ReceivesSummary;
        if (!errors.ContainsKey(nameof(CluMemberInput.MemberEmail)))
        {
            if (!System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            {
                errors[nameof(CluMemberInput.MemberEmail)] = "Indiquez une adresse électronique valide, par exemple prenom.nom@association.fr.";
            }
            else if (clu.Members.Any(m => m.Id != memberId && string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase)))
            {
                errors[nameof(CluMemberInput.MemberEmail)] = "Un autre membre a déjà cette adresse.";
            }
        }

        if (contactChanged && errors.Count == 0 && await MembersClosedReasonAsync(clu, cancellationToken) is not null)
        {
            errors[""] = ClosedContactMessage;
        }

        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        var before = Describe(member);
        member.Name = input.MemberName!.Trim();
        member.Organisation = string.IsNullOrWhiteSpace(input.MemberOrganisation) ? null : input.MemberOrganisation.Trim();
        member.Email = email;
        member.Function = string.IsNullOrWhiteSpace(input.MemberFunction) ? null : input.MemberFunction.Trim();
        member.Site = string.IsNullOrWhiteSpace(input.MemberSite) ? null : input.MemberSite.Trim();
        member.ReceivesSummary = input.MemberReceivesSummary;
        var after = Describe(member);
        if (before != after)
        {
            db.AuditEntries.Add(AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, clu.PrefectureId, "clu.membre-modifie", nameof(CluMeeting),
                cluId.ToString(CultureInfo.InvariantCulture), $"{before} → {after}"));
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ChangeResult.Done(cluId);
    }

    private static string Describe(CluMember member) =>
        string.Join(" ; ", new[] { member.Name, member.Function, member.Organisation, member.Site is null ? null : $"site : {member.Site}", member.Email, member.ReceivesSummary ? null : "sans la synthèse" }.Where(s => s is not null));

    public async Task<ChangeResult> RemoveMemberAsync(int cluId, int memberId, AuditActor actor, CancellationToken cancellationToken)
    {
        var member = await db.CluMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.CluMeetingId == cluId, cancellationToken);
        var clu = await db.CluMeetings.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cluId, cancellationToken);
        if (member is null || clu is null)
        {
            return new ChangeResult.NotFound();
        }

        if (await MembersClosedReasonAsync(clu, cancellationToken) is { } closed)
        {
            return new ChangeResult.Invalid(new Dictionary<string, string> { [""] = closed });
        }

        var prefectureId = clu.PrefectureId;

        db.CluMembers.Remove(member);
        db.AuditEntries.Add(AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, prefectureId, "clu.membre-retire", nameof(CluMeeting),
            cluId.ToString(CultureInfo.InvariantCulture), member.Email));
        await db.SaveChangesAsync(cancellationToken);
        return new ChangeResult.Done(cluId);
    }
}
