using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoixUsager.Accounts;
using VoixUsager.Data;

namespace VoixUsager.Web.Staff;

/// <summary>Bound from the <c>Bootstrap</c> section.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    /// <summary>
    /// On a database with no administrator yet, an invitation is created for this address at start-up
    /// and its link written to the log: how the very first account of a production instance is made.
    /// </summary>
    public string? AdministratorEmail { get; set; }
}

public static class AdministratorBootstrap
{
    public static async Task EnsureFirstAdministratorAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var email = services.GetRequiredService<IOptions<BootstrapOptions>>().Value.AdministratorEmail?.Trim();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdministratorBootstrap));
        var db = services.GetRequiredService<AppDbContext>();
        var adminRoleId = await db.Roles.Where(r => r.Name == Roles.Administrateur).Select(r => r.Id).SingleAsync(cancellationToken);
        if (await db.UserRoles.AnyAsync(ur => ur.RoleId == adminRoleId, cancellationToken))
        {
            return;
        }

        if (string.IsNullOrEmpty(email) || !System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            logger.LogWarning("Aucun administrateur n'existe : indiquez Bootstrap:AdministratorEmail pour recevoir le lien de création du premier compte.");
            return;
        }

        var clock = services.GetRequiredService<FranceClock>();
        var now = clock.UtcNow;
        if (await db.Invitations.AnyAsync(i => i.Email == email && i.Role == Roles.Administrateur && i.AcceptedAtUtc == null && i.RevokedAtUtc == null && i.ExpiresAtUtc > now, cancellationToken))
        {
            logger.LogWarning(VoixUsager.Telemetry.PersonalDataRedaction.Intended, "Une invitation d'administrateur est déjà en attente pour {Email} : utilisez le lien déjà écrit dans le journal.", email);
            return;
        }

        var token = InvitationService.NewToken();
        db.Invitations.Add(new Invitation
        {
            Id = Guid.NewGuid(),
            Email = email,
            DisplayName = "Administrateur",
            Role = Roles.Administrateur,
            TokenHash = InvitationService.Hash(token),
            InvitedByUserId = "bootstrap",
            CreatedAtUtc = now,
            ExpiresAtUtc = now + InvitationService.Validity,
        });
        await db.SaveChangesAsync(cancellationToken);
        var baseUrl = services.GetRequiredService<IOptions<AppOptions>>().Value.PublicBaseUrl.TrimEnd('/');
        logger.LogWarning(VoixUsager.Telemetry.PersonalDataRedaction.Intended, "Premier administrateur : ouvrez {Link} dans les 72 heures pour créer le compte {Email}.", $"{baseUrl}/connexion/invitation?jeton={token}", email);
    }
}
