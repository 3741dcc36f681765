using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Mystery;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class GridCriterionConfiguration : IEntityTypeConfiguration<GridCriterion>
{
    public const int GroupMaxLength = 60;

    public const int CodeMaxLength = 60;

    public const int LabelMaxLength = 300;

    public const int HelpTextMaxLength = 500;

    public const int KindMaxLength = 20;

    public const int RecommendationMaxLength = 500;

    public void Configure(EntityTypeBuilder<GridCriterion> builder)
    {
        builder.Property(c => c.Group).HasMaxLength(GroupMaxLength);
        builder.Property(c => c.Code).HasMaxLength(CodeMaxLength);
        builder.Property(c => c.Label).HasMaxLength(LabelMaxLength);
        builder.Property(c => c.HelpText).HasMaxLength(HelpTextMaxLength);
        builder.Property(c => c.Recommendation).HasMaxLength(RecommendationMaxLength);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(KindMaxLength);
        builder.HasIndex(c => new { c.GridVersionId, c.Code }).IsUnique();
        builder.HasOne(c => c.GridVersion).WithMany(g => g.Criteria).HasForeignKey(c => c.GridVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
