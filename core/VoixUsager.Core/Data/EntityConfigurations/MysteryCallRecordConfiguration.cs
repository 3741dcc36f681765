using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Mystery;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class MysteryCallRecordConfiguration : IEntityTypeConfiguration<MysteryCallRecord>
{
    public const int NumberDialledMaxLength = MysteryScenarioConfiguration.TargetMaxLength;

    public const int OutcomeMaxLength = 20;

    public void Configure(EntityTypeBuilder<MysteryCallRecord> builder)
    {
        builder.Property(c => c.NumberDialled).HasMaxLength(NumberDialledMaxLength);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(OutcomeMaxLength);
    }
}
