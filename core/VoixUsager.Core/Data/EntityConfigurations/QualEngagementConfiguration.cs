using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.ActionPlan;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class QualEngagementConfiguration : IEntityTypeConfiguration<QualEngagement>
{
    public const int TextMaxLength = 1000;

    public void Configure(EntityTypeBuilder<QualEngagement> builder)
    {
        builder.ToTable("QualEngagements");
        builder.Property(e => e.Text).HasMaxLength(TextMaxLength);
        builder.HasIndex(e => new { e.ModuleId, e.Number }).IsUnique();
        builder.HasOne(e => e.Module).WithMany(m => m.Engagements).HasForeignKey(e => e.ModuleId).OnDelete(DeleteBehavior.Restrict);
    }
}
