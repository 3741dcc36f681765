using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using VoixUsager.Data;

namespace VoixUsager.Questionnaires;

/// <summary>A read-only, ordered view of a questionnaire version, as forms and validation use it.</summary>
public sealed record QuestionnaireDefinition(int VersionId, string Title, IReadOnlyList<QuestionDefinition> Questions);

public sealed record QuestionDefinition(
    int Id,
    string Code,
    int Order,
    string Text,
    string? HelpText,
    QuestionKind Kind,
    bool IsRequired,
    int? MaxLength,
    IReadOnlyList<OptionDefinition> Options)
{
    public string FieldName => $"q{Id}";
}

public sealed record OptionDefinition(int Id, string Code, string Label, int? Score);

/// <summary>
/// Questionnaire versions never change once created, so each is read from the database once and then
/// served from memory: the public form is the hottest path of the application.
/// </summary>
public sealed class QuestionnaireCatalog(AppDbContext db, IMemoryCache cache)
{
    public async Task<QuestionnaireDefinition> GetAsync(int versionId, CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(CacheKey(versionId), out QuestionnaireDefinition? cached) && cached is not null)
        {
            return cached;
        }

        var version = await db.QuestionnaireVersions
            .AsNoTracking()
            .Include(v => v.Questions).ThenInclude(q => q.Options)
            .AsSplitQuery()
            .SingleAsync(v => v.Id == versionId, cancellationToken);

        var definition = new QuestionnaireDefinition(
            version.Id,
            version.Title,
            version.Questions
                .OrderBy(q => q.Order)
                .Select(q => new QuestionDefinition(
                    q.Id, q.Code, q.Order, q.Text, q.HelpText, q.Kind, q.IsRequired, q.MaxLength,
                    q.Options.OrderBy(o => o.Order).Select(o => new OptionDefinition(o.Id, o.Code, o.Label, o.Score)).ToList()))
                .ToList());

        cache.Set(CacheKey(versionId), definition, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(6) });
        return definition;
    }

    private static string CacheKey(int versionId) => $"questionnaire-version:{versionId}";
}
