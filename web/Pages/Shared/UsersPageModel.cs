using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Accounts;
using VoixUsager.Data;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Shared;

/// <summary>
/// Lists accounts and invites new ones: for a quality team, its own préfecture only; for an
/// administrator, every préfecture.
/// </summary>
public abstract class UsersPageModel(AppDbContext db, InvitationService invitations, StaffUser staff) : StaffPageModel
{
    public sealed record UserRow(string Email, string? Name, string Role, string? Prefecture, bool TwoFactor, bool LockedOut);

    public sealed record PendingRow(string Email, string Name, string Role, string? Prefecture, DateTime ExpiresAtUtc);

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public IReadOnlyList<PendingRow> Pending { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Prefectures { get; private set; } = [];

    public bool IsNational => staff.IsAdministrateur;

    [BindProperty]
    [ColumnLength(typeof(Invitation), nameof(Invitation.Email))]
    public string? Email { get; set; }

    [BindProperty]
    [ColumnLength(typeof(Invitation), nameof(Invitation.DisplayName))]
    public string? DisplayName { get; set; }

    [BindProperty]
    [ColumnLength(typeof(Invitation), nameof(Invitation.Role))]
    public string? Role { get; set; } = Roles.Referent;

    [BindProperty]
    public int? PrefectureId { get; set; }

    /// <summary>The service of an invited service owner (quality team only).</summary>
    [BindProperty]
    public int? OwnerServiceId { get; set; }

    /// <summary>The préfecture's active services, offered to a quality team inviting a service owner.</summary>
    public IReadOnlyList<(int Id, string Name)> Services { get; private set; } = [];

    public bool Sent { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var prefectureId = IsNational ? (Role == Roles.Administrateur ? null : PrefectureId) : staff.PrefectureId;
        var errors = await invitations.InviteAsync(
            new InvitationService.InviteRequest(Email ?? "", DisplayName ?? "", Role ?? "", prefectureId, OwnerServiceId), cancellationToken);
        await LoadAsync(cancellationToken);
        if (errors.Count > 0)
        {
            foreach (var (field, message) in errors)
            {
                Errors[field] = message;
            }

            return Invalid();
        }

        Sent = true;
        var sentTo = Email;
        Email = DisplayName = "";
        ViewData["SentTo"] = sentTo;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = IsNational ? "Comptes" : "Comptes de ma préfecture";
        var scope = staff.PrefectureId;
        var national = IsNational;
        var prefectures = await db.Prefectures.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.DisplayName }).ToListAsync(cancellationToken);
        var names = prefectures.ToDictionary(p => p.Id, p => p.DisplayName);
        Prefectures = prefectures.Select(p => (p.Id, p.DisplayName)).ToList();
        var services = await db.OwnerServices.AsNoTracking().Where(s => national || s.PrefectureId == scope)
            .Select(s => new { s.Id, s.Name, s.IsActive }).ToListAsync(cancellationToken);
        var serviceNames = services.ToDictionary(s => s.Id, s => s.Name);
        Services = national ? [] : services.Where(s => s.IsActive).OrderBy(s => s.Name).Select(s => (s.Id, s.Name)).ToList();

        var now = DateTime.UtcNow;
        var users = await db.Users.AsNoTracking()
            .Where(u => national || u.PrefectureId == scope)
            .Select(u => new
            {
                u.Email,
                u.DisplayName,
                u.PrefectureId,
                u.TwoFactorEnabled,
                u.OwnerServiceId,
                Locked = u.LockoutEnd != null && u.LockoutEnd > DateTimeOffset.UtcNow,
                Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        Users = users
            .Select(u => new UserRow(u.Email ?? "", u.DisplayName, RoleLabel(u.Role ?? "", u.OwnerServiceId, serviceNames), u.PrefectureId is { } p ? names.GetValueOrDefault(p) : null, u.TwoFactorEnabled, u.Locked))
            .OrderBy(u => u.Prefecture).ThenBy(u => u.Email)
            .ToList();
        Pending = (await db.Invitations.AsNoTracking()
                .Where(i => (national || i.PrefectureId == scope) && i.AcceptedAtUtc == null && i.RevokedAtUtc == null && i.ExpiresAtUtc > now)
                .ToListAsync(cancellationToken))
            .Select(i => new PendingRow(i.Email, i.DisplayName, RoleLabel(i.Role, i.OwnerServiceId, serviceNames), i.PrefectureId is { } p ? names.GetValueOrDefault(p) : null, i.ExpiresAtUtc))
            .ToList();
    }

    private static string RoleLabel(string role, int? serviceId, Dictionary<int, string> serviceNames) =>
        serviceId is { } id && serviceNames.TryGetValue(id, out var service) ? $"{Roles.Label(role)} ({service})" : Roles.Label(role);
}
