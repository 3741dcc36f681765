using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Accounts;
using VoixUsager.Mystery;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class MysteryScenarioConfiguration : IEntityTypeConfiguration<MysteryScenario>
{
    public const int ChannelMaxLength = 20;

    public const int QuestionMaxLength = 1000;

    public const int TargetMaxLength = 200;

    /// <summary>A foreign key to an account: the same length as its id.</summary>
    public const int AssignedReferentIdMaxLength = AppUserConfiguration.IdMaxLength;

    public void Configure(EntityTypeBuilder<MysteryScenario> builder)
    {
        builder.Property(s => s.Channel).HasConversion<string>().HasMaxLength(ChannelMaxLength);
        builder.Property(s => s.Question).HasMaxLength(QuestionMaxLength);
        builder.Property(s => s.Target).HasMaxLength(TargetMaxLength);
        builder.Property(s => s.AssignedReferentId).HasMaxLength(AssignedReferentIdMaxLength);
        builder.HasIndex(s => new { s.AssignedReferentId, s.PlannedOn });
        builder.HasOne(s => s.Campaign).WithMany(c => c.Scenarios).HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.AssignedReferentId).OnDelete(DeleteBehavior.Restrict);
    }
}
