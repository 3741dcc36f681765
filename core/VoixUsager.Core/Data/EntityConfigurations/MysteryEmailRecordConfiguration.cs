using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Mystery;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class MysteryEmailRecordConfiguration : IEntityTypeConfiguration<MysteryEmailRecord>
{
    public const int AddressMaxLength = 256;

    public void Configure(EntityTypeBuilder<MysteryEmailRecord> builder)
    {
        builder.Property(e => e.Address).HasMaxLength(AddressMaxLength);
    }
}
