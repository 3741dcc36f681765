using Microsoft.AspNetCore.Identity;

namespace VoixUsager.Accounts;

/// <summary>A member of staff. Every account belongs to one préfecture, except national administrators.</summary>
public class AppUser : IdentityUser
{
    public int? PrefectureId { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>
    /// For a service owner (<see cref="Roles.Service"/>): the one service of their préfecture whose
    /// cases and actions they see and answer. Null for every other role.
    /// </summary>
    public int? OwnerServiceId { get; set; }
}
