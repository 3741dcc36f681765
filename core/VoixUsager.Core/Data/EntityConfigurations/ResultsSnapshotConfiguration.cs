using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Prefectures;
using VoixUsager.Results;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class ResultsSnapshotConfiguration : IEntityTypeConfiguration<ResultsSnapshot>
{
    public const int ComputedByMaxLength = 256;

    public const int DescriptionMaxLength = 500;

    public void Configure(EntityTypeBuilder<ResultsSnapshot> builder)
    {
        builder.Property(s => s.ComputedBy).HasMaxLength(ComputedByMaxLength);
        builder.Property(s => s.Description).HasMaxLength(DescriptionMaxLength);
        builder.HasIndex(s => new { s.PrefectureId, s.CutoffUtc });
        builder.HasOne<Prefecture>().WithMany().HasForeignKey(s => s.PrefectureId).OnDelete(DeleteBehavior.Restrict);
    }
}
