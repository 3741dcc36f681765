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
        // One action per record (a case, a survey answer, a CLU decision): the one-click buttons check
        // before inserting, and this refuses the second of two clicks made at the same instant. Actions
        // without a record (free, mystery sentences) are not concerned: every provider lets NULLs repeat
        // in a unique index (SQL Server through the filter EF Core adds for a nullable column).
        builder.HasIndex(a => new { a.Origin, a.OriginRecordId }).IsUnique();
        builder.HasOne(a => a.Prefecture).WithMany().HasForeignKey(a => a.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Module).WithMany().HasForeignKey(a => a.ModuleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Engagement).WithMany().HasForeignKey(a => a.EngagementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.OwnerService).WithMany().HasForeignKey(a => a.OwnerServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}
