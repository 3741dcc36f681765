using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Prefectures;
using VoixUsager.Results;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class NationalDailyCountConfiguration : IEntityTypeConfiguration<NationalDailyCount>
{
    public void Configure(EntityTypeBuilder<NationalDailyCount> builder)
    {
        // One row per day and préfecture: a second copy of the job writing the same day fails here.
        builder.HasIndex(c => new { c.Day, c.PrefectureId }).IsUnique();
        builder.HasOne<Prefecture>().WithMany().HasForeignKey(c => c.PrefectureId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NationalDailyCountsWatermarkConfiguration : IEntityTypeConfiguration<NationalDailyCountsWatermark>
{
    public void Configure(EntityTypeBuilder<NationalDailyCountsWatermark> builder)
    {
        builder.Property(w => w.Id).ValueGeneratedNever();
    }
}
