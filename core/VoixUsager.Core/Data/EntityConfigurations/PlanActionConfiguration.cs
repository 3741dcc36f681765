using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.ActionPlan;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public const int TitleMaxLength = 200;

    public const int DescriptionMaxLength = 4000;

    public const int AbandonReasonMaxLength = 1000;

    public void Configure(EntityTypeBuilder<PlanAction> builder)
    {
        builder.ToTable("PlanActions");
        builder.Property(a => a.Title).HasMaxLength(TitleMaxLength);
        builder.Property(a => a.Description).HasMaxLength(DescriptionMaxLength);
        builder.Property(a => a.AbandonReason).HasMaxLength(AbandonReasonMaxLength);
        builder.HasIndex(a => new { a.PrefectureId, a.Status });
        builder.HasIndex(a => new { a.Origin, a.OriginRecordId });
        builder.HasOne(a => a.Prefecture).WithMany().HasForeignKey(a => a.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Module).WithMany().HasForeignKey(a => a.ModuleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Engagement).WithMany().HasForeignKey(a => a.EngagementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.OwnerService).WithMany().HasForeignKey(a => a.OwnerServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}
