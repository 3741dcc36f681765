using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.ActionPlan;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class PlanActionEventConfiguration : IEntityTypeConfiguration<PlanActionEvent>
{
    public const int TextMaxLength = 2000;

    public const int AuthorEmailMaxLength = 256;

    public void Configure(EntityTypeBuilder<PlanActionEvent> builder)
    {
        builder.ToTable("PlanActionEvents");
        builder.Property(e => e.Text).HasMaxLength(TextMaxLength);
        builder.Property(e => e.AuthorEmail).HasMaxLength(AuthorEmailMaxLength);
        builder.HasIndex(e => new { e.ActionId, e.AtUtc });
        builder.HasOne(e => e.Action).WithMany(a => a.Events).HasForeignKey(e => e.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}
