using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Clu;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class CluMemberConfiguration : IEntityTypeConfiguration<CluMember>
{
    public const int NameMaxLength = 200;

    public const int OrganisationMaxLength = 200;

    public const int EmailMaxLength = 256;

    public void Configure(EntityTypeBuilder<CluMember> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(NameMaxLength);
        builder.Property(m => m.Organisation).HasMaxLength(OrganisationMaxLength);
        builder.Property(m => m.Email).HasMaxLength(EmailMaxLength);
        builder.HasOne<CluMeeting>().WithMany(c => c.Members).HasForeignKey(m => m.CluMeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
