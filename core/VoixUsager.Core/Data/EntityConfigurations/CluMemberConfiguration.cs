using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Clu;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class CluMemberConfiguration : IEntityTypeConfiguration<CluMember>
{
    public const int NameMaxLength = 200;

    public const int OrganisationMaxLength = 200;

    public const int EmailMaxLength = 256;

    public const int FunctionMaxLength = 200;

    public const int SiteMaxLength = 200;

    public const int RepresentedByMaxLength = 200;

    public const int AttendanceMaxLength = 30;

    public void Configure(EntityTypeBuilder<CluMember> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(NameMaxLength);
        builder.Property(m => m.Organisation).HasMaxLength(OrganisationMaxLength);
        builder.Property(m => m.Email).HasMaxLength(EmailMaxLength);
        builder.Property(m => m.Function).HasMaxLength(FunctionMaxLength);
        builder.Property(m => m.Site).HasMaxLength(SiteMaxLength);
        builder.Property(m => m.RepresentedBy).HasMaxLength(RepresentedByMaxLength);
        builder.Property(m => m.Attendance).HasConversion<string>().HasMaxLength(AttendanceMaxLength);
        builder.HasOne<CluMeeting>().WithMany(c => c.Members).HasForeignKey(m => m.CluMeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
