using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.ActionPlan;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class CluDecisionConfiguration : IEntityTypeConfiguration<CluDecision>
{
    public const int TextMaxLength = 2000;

    public void Configure(EntityTypeBuilder<CluDecision> builder)
    {
        builder.ToTable("CluDecisions");
        builder.Property(d => d.Text).HasMaxLength(TextMaxLength);
        builder.HasIndex(d => d.CluMeetingId);
        builder.HasOne(d => d.CluMeeting).WithMany().HasForeignKey(d => d.CluMeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Action).WithMany().HasForeignKey(d => d.ActionId).OnDelete(DeleteBehavior.Restrict);
    }
}
