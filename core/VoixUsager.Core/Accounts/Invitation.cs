namespace VoixUsager.Accounts;

/// <summary>
/// An invitation to create an account. There is no public sign-up: a user exists only after accepting
/// an invitation sent by an administrator or the quality team of a préfecture. The link is time-limited
/// and single use; only a hash of its token is stored.
/// </summary>
public class Invitation
{
    public Guid Id { get; set; }

    public required string Email { get; set; }

    public required string DisplayName { get; set; }

    public required string Role { get; set; }

    public int? PrefectureId { get; set; }

    /// <summary>The service a service owner is invited for; null for every other role.</summary>
    public int? OwnerServiceId { get; set; }

    public required string TokenHash { get; set; }

    public required string InvitedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public DateTime? AcceptedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }
}
