using Microsoft.AspNetCore.Identity;

namespace VoixUsager.Accounts;

/// <summary>A member of staff. Every account belongs to one préfecture, except national administrators.</summary>
public class AppUser : IdentityUser
{
    public int? PrefectureId { get; set; }

    public string? DisplayName { get; set; }
}
