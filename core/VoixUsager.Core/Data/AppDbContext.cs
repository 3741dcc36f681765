using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Accounts;
using VoixUsager.Prefectures;
using VoixUsager.Questionnaires;
using VoixUsager.Surveys;

namespace VoixUsager.Data;

/// <summary>The one DbContext of VoixUsager, shared by the web and the worker, whatever the provider.</summary>
public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Prefecture> Prefectures => Set<Prefecture>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<QuestionnaireVersion> QuestionnaireVersions => Set<QuestionnaireVersion>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<QuestionOption> QuestionOptions => Set<QuestionOption>();
    public DbSet<SurveyCampaign> SurveyCampaigns => Set<SurveyCampaign>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardImmutableVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardImmutableVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// A saved questionnaire version is what stored answers refer to: editing or deleting it would
    /// silently change what those answers mean. Changes go through a new version instead.
    /// </summary>
    private void GuardImmutableVersions()
    {
        var changed = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Modified or EntityState.Deleted)
            .FirstOrDefault(e => e.Entity is QuestionnaireVersion or Question or QuestionOption);
        if (changed is not null)
        {
            throw new InvalidOperationException(
                $"Une version de questionnaire est immuable ({changed.Entity.GetType().Name} {changed.State}) : créez une nouvelle version avec QuestionnaireVersioning.");
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AppUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.HasOne<Prefecture>().WithMany().HasForeignKey(u => u.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Prefecture>(prefecture =>
        {
            prefecture.Property(p => p.DepartementCode).HasMaxLength(3);
            prefecture.HasIndex(p => p.DepartementCode).IsUnique();
            prefecture.Property(p => p.Name).HasMaxLength(100);
            prefecture.Property(p => p.DisplayName).HasMaxLength(150);
            prefecture.Property(p => p.HolidayZone).HasConversion<string>().HasMaxLength(20);
        });

        builder.Entity<Site>(site =>
        {
            site.Property(s => s.PublicCode).HasMaxLength(60);
            site.HasIndex(s => s.PublicCode).IsUnique();
            site.Property(s => s.Name).HasMaxLength(150);
            site.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
            site.HasOne(s => s.Prefecture).WithMany(p => p.Sites).HasForeignKey(s => s.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<QuestionnaireVersion>(version =>
        {
            version.Property(v => v.Key).HasMaxLength(60);
            version.Property(v => v.Title).HasMaxLength(200);
            version.HasIndex(v => new { v.Key, v.VersionNumber }).IsUnique();
            version.HasOne<Prefecture>().WithMany().HasForeignKey(v => v.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Question>(question =>
        {
            question.Property(q => q.Code).HasMaxLength(60);
            question.Property(q => q.Text).HasMaxLength(500);
            question.Property(q => q.HelpText).HasMaxLength(500);
            question.Property(q => q.Kind).HasConversion<string>().HasMaxLength(30);
            question.HasIndex(q => new { q.QuestionnaireVersionId, q.Code }).IsUnique();
            question.HasOne(q => q.QuestionnaireVersion).WithMany(v => v.Questions).HasForeignKey(q => q.QuestionnaireVersionId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<QuestionOption>(option =>
        {
            option.Property(o => o.Code).HasMaxLength(60);
            option.Property(o => o.Label).HasMaxLength(200);
            option.HasIndex(o => new { o.QuestionId, o.Code }).IsUnique();
            option.HasOne(o => o.Question).WithMany(q => q.Options).HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<SurveyCampaign>(campaign =>
        {
            campaign.Property(c => c.Name).HasMaxLength(150);
            campaign.HasIndex(c => new { c.PrefectureId, c.StartsOn });
            campaign.HasOne(c => c.Prefecture).WithMany().HasForeignKey(c => c.PrefectureId).OnDelete(DeleteBehavior.Restrict);
            campaign.HasOne(c => c.QuestionnaireVersion).WithMany().HasForeignKey(c => c.QuestionnaireVersionId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<SurveyResponse>(response =>
        {
            response.Property(r => r.Channel).HasConversion<string>().HasMaxLength(30);
            response.HasIndex(r => r.SubmissionId).IsUnique();
            response.HasIndex(r => new { r.CampaignId, r.SiteId, r.SubmittedAtUtc });
            response.HasOne(r => r.Campaign).WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
            response.HasOne(r => r.Site).WithMany().HasForeignKey(r => r.SiteId).OnDelete(DeleteBehavior.Restrict);
            response.HasOne<QuestionnaireVersion>().WithMany().HasForeignKey(r => r.QuestionnaireVersionId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<SurveyAnswer>(answer =>
        {
            answer.Property(a => a.Text).HasMaxLength(SurveyLimits.FreeTextMaxLength);
            answer.HasIndex(a => new { a.ResponseId, a.QuestionId }).IsUnique();
            answer.HasIndex(a => new { a.QuestionId, a.OptionId });
            answer.HasOne(a => a.Response).WithMany(r => r.Answers).HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
            answer.HasOne<Question>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
            answer.HasOne<QuestionOption>().WithMany().HasForeignKey(a => a.OptionId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
