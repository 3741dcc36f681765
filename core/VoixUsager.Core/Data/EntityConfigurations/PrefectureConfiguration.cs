using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Prefectures;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class PrefectureConfiguration : IEntityTypeConfiguration<Prefecture>
{
    public const int DepartementCodeMaxLength = 3;

    public const int NameMaxLength = 100;

    public const int DisplayNameMaxLength = 150;

    public const int HolidayZoneMaxLength = 20;

    public void Configure(EntityTypeBuilder<Prefecture> builder)
    {
        builder.Property(p => p.DepartementCode).HasMaxLength(DepartementCodeMaxLength);
        builder.HasIndex(p => p.DepartementCode).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(NameMaxLength);
        builder.Property(p => p.DisplayName).HasMaxLength(DisplayNameMaxLength);
        builder.Property(p => p.HolidayZone).HasConversion<string>().HasMaxLength(HolidayZoneMaxLength);
        // Existing préfectures get the defaults when the columns are added.
        builder.Property(p => p.CaseDeadlineWorkingDays).HasDefaultValue(Prefecture.DefaultCaseDeadlineWorkingDays);
        builder.Property(p => p.AcknowledgementDeadlineWorkingDays).HasDefaultValue(Prefecture.DefaultAcknowledgementDeadlineWorkingDays);
    }
}
