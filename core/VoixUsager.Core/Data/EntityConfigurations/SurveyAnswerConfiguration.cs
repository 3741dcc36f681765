using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Questionnaires;
using VoixUsager.Surveys;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public const int TextMaxLength = SurveyLimits.FreeTextMaxLength;

    public void Configure(EntityTypeBuilder<SurveyAnswer> builder)
    {
        builder.Property(a => a.Text).HasMaxLength(TextMaxLength);
        // A multiple-choice question stores one row per ticked option: unique per option, not per question.
        builder.HasIndex(a => new { a.ResponseId, a.QuestionId, a.OptionId }).IsUnique();
        builder.HasIndex(a => new { a.QuestionId, a.OptionId });
        builder.HasOne(a => a.Response).WithMany(r => r.Answers).HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Question>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<QuestionOption>().WithMany().HasForeignKey(a => a.OptionId).OnDelete(DeleteBehavior.Restrict);
    }
}
