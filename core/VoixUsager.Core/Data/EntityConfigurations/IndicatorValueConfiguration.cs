using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Prefectures;
using VoixUsager.Results;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public const int CodeMaxLength = 60;

    public const int CommentMaxLength = 1000;

    public const int UpdatedByMaxLength = 256;

    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.Property(i => i.Code).HasMaxLength(CodeMaxLength);
        builder.Property(i => i.Comment).HasMaxLength(CommentMaxLength);
        builder.Property(i => i.UpdatedBy).HasMaxLength(UpdatedByMaxLength);
        builder.HasIndex(i => new { i.PrefectureId, i.Code, i.Year, i.Semester }).IsUnique();
        builder.HasOne<Prefecture>().WithMany().HasForeignKey(i => i.PrefectureId).OnDelete(DeleteBehavior.Restrict);
    }
}
