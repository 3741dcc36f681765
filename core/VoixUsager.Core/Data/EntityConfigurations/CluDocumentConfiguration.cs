using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Clu;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class CluDocumentConfiguration : IEntityTypeConfiguration<CluDocument>
{
    public const int FileNameMaxLength = 200;

    public const int ContentTypeMaxLength = 50;

    public const int KindMaxLength = 30;

    public const int UploadedByMaxLength = 256;

    public void Configure(EntityTypeBuilder<CluDocument> builder)
    {
        builder.ToTable("CluDocuments");
        builder.Property(d => d.FileName).HasMaxLength(FileNameMaxLength);
        builder.Property(d => d.ContentType).HasMaxLength(ContentTypeMaxLength);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(KindMaxLength);
        builder.Property(d => d.UploadedBy).HasMaxLength(UploadedByMaxLength);
        builder.HasIndex(d => new { d.CluMeetingId, d.Kind });
        builder.HasOne<CluMeeting>().WithMany().HasForeignKey(d => d.CluMeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
