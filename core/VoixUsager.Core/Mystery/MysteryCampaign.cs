using VoixUsager.Prefectures;

namespace VoixUsager.Mystery;

/// <summary>
/// A cross-evaluation: référents of partner préfectures phone and email the evaluated préfecture as
/// ordinary users would, and score each call and email on a grid.
/// </summary>
public class MysteryCampaign
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public int EvaluatedPrefectureId { get; set; }

    public Prefecture EvaluatedPrefecture { get; set; } = null!;

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public int TargetCalls { get; set; }

    public int TargetEmails { get; set; }

    public int CallGridVersionId { get; set; }

    public GridVersion CallGridVersion { get; set; } = null!;

    public int EmailGridVersionId { get; set; }

    public GridVersion EmailGridVersion { get; set; } = null!;

    /// <summary>Whether the evaluated préfecture may see which référent made each call or email.</summary>
    public bool RevealEvaluatorNames { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    public List<MysteryCampaignPartner> Partners { get; set; } = [];

    public List<MysteryCampaignReferent> Referents { get; set; } = [];

    public List<MysteryScenario> Scenarios { get; set; } = [];

    /// <summary>Records can be entered and corrected until the campaign is closed.</summary>
    public bool IsOpen => ClosedAtUtc is null;
}

public class MysteryCampaignPartner
{
    public int CampaignId { get; set; }

    public int PrefectureId { get; set; }

    public Prefecture Prefecture { get; set; } = null!;
}

public class MysteryCampaignReferent
{
    public int CampaignId { get; set; }

    public required string UserId { get; set; }
}

/// <summary>What to ask, whom to reach, by which channel, by whom and around when.</summary>
public class MysteryScenario
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public MysteryCampaign Campaign { get; set; } = null!;

    public MysteryChannel Channel { get; set; }

    /// <summary>The question to ask as an ordinary user.</summary>
    public required string Question { get; set; }

    /// <summary>The service, phone number or email address to reach.</summary>
    public required string Target { get; set; }

    public DateOnly PlannedOn { get; set; }

    public required string AssignedReferentId { get; set; }
}
