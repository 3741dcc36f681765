using VoixUsager.Mystery;

namespace VoixUsager.Register;

/// <summary>
/// Who acts on a préfecture's register of suggestions and complaints and on its action plan. The
/// quality team (<see cref="OwnerServiceId"/> null) owns the whole register of its préfecture; a
/// service owner acts only for their one service. Nobody acts across préfectures.
/// </summary>
public sealed record RegisterActor(string UserId, string Email, int PrefectureId, int? OwnerServiceId)
{
    public bool IsQualityTeam => OwnerServiceId is null;

    public AuditActor Audit => new(UserId, Email);

    /// <summary>Whether this person may see and act on something of <paramref name="prefectureId"/> owned by <paramref name="ownerServiceId"/>.</summary>
    public bool MayActOn(int prefectureId, int? ownerServiceId) =>
        prefectureId == PrefectureId && (IsQualityTeam || (ownerServiceId is { } owner && owner == OwnerServiceId));
}
