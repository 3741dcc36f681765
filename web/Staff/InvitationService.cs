using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Accounts;
using VoixUsager.Data;
using VoixUsager.Data.EntityConfigurations;
using VoixUsager.Email;

namespace VoixUsager.Web.Staff;

/// <summary>
/// The only way an account comes to exist: an administrator invites anyone, a quality team invites
/// the quality team, référents and service owners of its own préfecture. The emailed link is single use and expires.
/// </summary>
public sealed class InvitationService(
    AppDbContext db,
    UserManager<AppUser> users,
    IEmailSender email,
    StaffUser staff,
    FranceClock clock,
    EmailLinks links)
{
    public static readonly TimeSpan Validity = TimeSpan.FromHours(72);

    /// <param name="OwnerServiceId">The service of a service owner; ignored for other roles.</param>
    public sealed record InviteRequest(string Email, string DisplayName, string Role, int? PrefectureId, int? OwnerServiceId = null);

    /// <returns>Errors by field name; empty when the invitation was stored and sent.</returns>
    public async Task<Dictionary<string, string>> InviteAsync(InviteRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var address = request.Email.Trim();
        var name = request.DisplayName.Trim();
        if (!System.Net.Mail.MailAddress.TryCreate(address, out var parsed) || parsed.Address != address || address.Length > InvitationConfiguration.EmailMaxLength)
        {
            errors["Email"] = "Saisissez une adresse électronique valide, par exemple prenom.nom@interieur.gouv.fr.";
        }

        if (name.Length is 0 or > InvitationConfiguration.DisplayNameMaxLength)
        {
            errors["DisplayName"] = $"Saisissez le prénom et le nom de la personne ({InvitationConfiguration.DisplayNameMaxLength} caractères au plus).";
        }

        if (!Roles.All.Contains(request.Role))
        {
            errors["Role"] = "Choisissez un rôle dans la liste.";
        }
        else if (!staff.IsAdministrateur && (request.Role == Roles.Administrateur || request.PrefectureId != staff.PrefectureId))
        {
            errors["Role"] = "Vous ne pouvez inviter que l'équipe qualité, les référents et les responsables de service de votre préfecture.";
        }
        else if (request.Role == Roles.Service && staff.IsAdministrateur)
        {
            // The services are the préfecture's own list, which only its quality team keeps.
            errors["Role"] = "Un responsable de service est invité par l'équipe qualité de sa préfecture.";
        }
        else if (request.Role == Roles.Service
            && (request.OwnerServiceId is not { } serviceId
                || !await db.OwnerServices.AnyAsync(s => s.Id == serviceId && s.PrefectureId == request.PrefectureId && s.IsActive, cancellationToken)))
        {
            errors["OwnerServiceId"] = "Choisissez le service de la personne.";
        }
        else if (request.Role == Roles.Administrateur && request.PrefectureId is not null)
        {
            errors["PrefectureId"] = "Un administrateur national n'est rattaché à aucune préfecture.";
        }
        else if (request.Role != Roles.Administrateur
            && (request.PrefectureId is null || !await db.Prefectures.AnyAsync(p => p.Id == request.PrefectureId, cancellationToken)))
        {
            errors["PrefectureId"] = "Choisissez la préfecture de la personne.";
        }

        if (errors.Count == 0 && await users.FindByEmailAsync(address) is not null)
        {
            errors["Email"] = $"Un compte existe déjà pour l'adresse {address}.";
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var now = clock.UtcNow;
        // A new invitation replaces any still pending for the same address.
        foreach (var pending in await db.Invitations.Where(i => i.Email == address && i.AcceptedAtUtc == null && i.RevokedAtUtc == null).ToListAsync(cancellationToken))
        {
            pending.RevokedAtUtc = now;
        }

        var token = NewToken();
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            Email = address,
            DisplayName = name,
            Role = request.Role,
            PrefectureId = request.Role == Roles.Administrateur ? null : request.PrefectureId,
            OwnerServiceId = request.Role == Roles.Service ? request.OwnerServiceId : null,
            TokenHash = Hash(token),
            InvitedByUserId = staff.Id,
            CreatedAtUtc = now,
            ExpiresAtUtc = now + Validity,
        };
        db.Invitations.Add(invitation);
        staff.Audit(db, "invitation.envoyee", nameof(Invitation), invitation.Id, invitation.PrefectureId, $"{address} ({Roles.Label(request.Role)})");

        var link = links.ToPage("/Connexion/Invitation", new { jeton = token });
        var expires = TimeZoneInfo.ConvertTimeFromUtc(invitation.ExpiresAtUtc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        var text = $"""
            Bonjour {name},

            {staff.DisplayName} vous invite à rejoindre VoixUsager, la plateforme qualité des préfectures, en tant que {Roles.Label(request.Role)}.

            Pour créer votre mot de passe, ouvrez ce lien avant le {expires:dd/MM/yyyy} à {expires:HH:mm} (il ne sert qu'une fois) :
            {link}

            Si vous n'attendiez pas cette invitation, ignorez ce message.
            """;
        var html = $"""
            <p>Bonjour {Encode(name)},</p>
            <p>{Encode(staff.DisplayName)} vous invite à rejoindre VoixUsager, la plateforme qualité des préfectures, en tant que {Encode(Roles.Label(request.Role))}.</p>
            <p><a href="{Encode(link)}">Créer mon mot de passe</a> — lien valable jusqu'au {expires:dd/MM/yyyy} à {expires:HH:mm}, utilisable une seule fois.</p>
            <p>Si vous n'attendiez pas cette invitation, ignorez ce message.</p>
            """;

        // Stored first: if sending fails the invitation can simply be sent again, and no link exists
        // that the database does not know.
        await db.SaveChangesAsync(cancellationToken);
        await email.SendAsync([new OutgoingEmail([new EmailRecipient(address, name)], "Votre invitation à VoixUsager", text, html, [], [])], cancellationToken);
        return errors;
    }

    public async Task<Invitation?> FindUsableAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var now = clock.UtcNow;
        return await db.Invitations.SingleOrDefaultAsync(
            i => i.TokenHash == hash && i.AcceptedAtUtc == null && i.RevokedAtUtc == null && i.ExpiresAtUtc > now, cancellationToken);
    }

    /// <returns>Errors for the password field; empty when the account now exists.</returns>
    public async Task<IReadOnlyList<string>> AcceptAsync(Invitation invitation, string password, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new AppUser
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            DisplayName = invitation.DisplayName,
            PrefectureId = invitation.PrefectureId,
            OwnerServiceId = invitation.OwnerServiceId,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created.Errors.Select(e => e.Description).ToList();
        }

        await users.AddToRoleAsync(user, invitation.Role);
        invitation.AcceptedAtUtc = clock.UtcNow;
        db.AuditEntries.Add(Auditing.AuditEntry.Of(clock.UtcNow, user.Id, user.Email, invitation.PrefectureId, "invitation.acceptee", nameof(Invitation), invitation.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    /// <summary>A random, URL-safe link token; only its hash is stored.</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Encode(string value) => System.Net.WebUtility.HtmlEncode(value);
}
