using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Mystery;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class MysteryAnswerConfiguration : IEntityTypeConfiguration<MysteryAnswer>
{
    public const int ChoiceMaxLength = 20;

    public void Configure(EntityTypeBuilder<MysteryAnswer> builder)
    {
        builder.Property(a => a.Choice).HasConversion<string>().HasMaxLength(ChoiceMaxLength);
        builder.HasIndex(a => new { a.RecordId, a.CriterionId }).IsUnique();
        builder.HasOne<MysteryRecord>().WithMany(r => r.Answers).HasForeignKey(a => a.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<GridCriterion>().WithMany().HasForeignKey(a => a.CriterionId).OnDelete(DeleteBehavior.Restrict);
    }
}
