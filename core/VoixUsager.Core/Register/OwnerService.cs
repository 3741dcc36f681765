using VoixUsager.Prefectures;

namespace VoixUsager.Register;

/// <summary>
/// A service of a préfecture that owns cases and actions, e.g. « Bureau des titres de séjour » or
/// « Accueil général ». Retired rather than deleted: past cases and actions keep their owner.
/// </summary>
public class OwnerService
{
    public int Id { get; set; }

    public int PrefectureId { get; set; }

    public Prefecture Prefecture { get; set; } = null!;

    public required string Name { get; set; }

    /// <summary>A retired service is kept for history but offered for no new case, action or account.</summary>
    public bool IsActive { get; set; } = true;
}
