using System.Globalization;
using System.Security.Claims;
using VoixUsager.Accounts;
using VoixUsager.Auditing;
using VoixUsager.Data;
using VoixUsager.Web.Hosting;

namespace VoixUsager.Web.Staff;

/// <summary>The signed-in member of staff, as every staff page needs it: id, role and préfecture.</summary>
public sealed class StaffUser(IHttpContextAccessor accessor, FranceClock clock)
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public string Id => Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");

    public string Email => Principal.FindFirstValue(ClaimTypes.Email) ?? Principal.FindFirstValue(ClaimTypes.Name) ?? "";

    public string DisplayName => Principal.FindFirstValue(ClaimTypes.GivenName) ?? Email;

    public int? PrefectureId =>
        int.TryParse(Principal.FindFirstValue(IdentityRegistration.PrefectureClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public bool IsAdministrateur => Principal.IsInRole(Roles.Administrateur);

    public bool IsQualite => Principal.IsInRole(Roles.Qualite);

    public bool IsReferent => Principal.IsInRole(Roles.Referent);

    public bool IsServiceOwner => Principal.IsInRole(Roles.Service);

    /// <summary>For a service owner, the service they act for.</summary>
    public int? OwnerServiceId =>
        int.TryParse(Principal.FindFirstValue(IdentityRegistration.OwnerServiceClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>
    /// Who acts on the register and the action plan, and for what: the quality team for its whole
    /// préfecture, a service owner for their service only; null for anyone else (refuse with 403).
    /// </summary>
    public Register.RegisterActor? RegisterActor =>
        PrefectureId is not { } prefectureId ? null
        : IsQualite ? new Register.RegisterActor(Id, Email, prefectureId, null)
        : IsServiceOwner && OwnerServiceId is { } serviceId ? new Register.RegisterActor(Id, Email, prefectureId, serviceId)
        : null;

    /// <summary>Adds an audit entry to the context; it is saved with the change it describes.</summary>
    public void Audit(AppDbContext db, string action, string entityType, object? entityId, int? prefectureId, string? details = null) =>
        db.AuditEntries.Add(AuditEntry.Of(clock.UtcNow, Id, Email, prefectureId, action, entityType, entityId?.ToString(), details));
}
