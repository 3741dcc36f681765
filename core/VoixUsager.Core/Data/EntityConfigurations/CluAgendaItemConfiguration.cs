using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Clu;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class CluAgendaItemConfiguration : IEntityTypeConfiguration<CluAgendaItem>
{
    public const int TitleMaxLength = 300;

    public const int SectionMaxLength = 40;

    public void Configure(EntityTypeBuilder<CluAgendaItem> builder)
    {
        builder.ToTable("CluAgendaItems");
        builder.Property(i => i.Title).HasMaxLength(TitleMaxLength);
        builder.Property(i => i.Section).HasConversion<string>().HasMaxLength(SectionMaxLength);
        builder.HasIndex(i => new { i.CluMeetingId, i.Position });
        builder.HasOne<CluMeeting>().WithMany().HasForeignKey(i => i.CluMeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
