using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using VoixUsager.Data;

namespace VoixUsager.Questionnaires;

/// <summary>A read-only, ordered view of a questionnaire version, as forms and validation use it.</summary>
public sealed record QuestionnaireDefinition(int VersionId, string Title, IReadOnlyList<QuestionDefinition> Questions)
{
    /// <summary>The language asked for and shown: French, or one of <see cref="Languages"/>.</summary>
    public string Language { get; init; } = QuestionnaireLanguages.French;

    /// <summary>The language of <see cref="Title"/>: French when the version has no title in <see cref="Language"/>.</summary>
    public string TitleLanguage { get; init; } = QuestionnaireLanguages.French;

    /// <summary>The languages the version can be answered in, French first.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [QuestionnaireLanguages.French];
}

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

    /// <summary>The language of <see cref="Text"/> and <see cref="HelpText"/>: French when the question has no translation in the language asked for.</summary>
    public string TextLanguage { get; init; } = QuestionnaireLanguages.French;

    /// <summary>The language of <see cref="HelpText"/>: French when its question's translation has none.</summary>
    public string HelpTextLanguage { get; init; } = QuestionnaireLanguages.French;

    /// <summary>True when another language was asked for and this question is shown in French instead, so the form says so.</summary>
    public bool ShownInFrench { get; init; }
}

public sealed record OptionDefinition(int Id, string Code, string Label, int? Score)
{
    /// <summary>The language of <see cref="Label"/>.</summary>
    public string LabelLanguage { get; init; } = QuestionnaireLanguages.French;
}

/// <summary>
/// Questionnaire versions never change once created, so each is read from the database once and then
/// served from memory, in each language asked for: the public form is the hottest path of the application.
/// Translation rows may be added to a version, never changed: a definition cached before an addition only
/// shows a text in French a little longer (until its entry expires).
/// </summary>
public sealed class QuestionnaireCatalog(AppDbContext db, IMemoryCache cache)
{
    private static readonly MemoryCacheEntryOptions EntryOptions = new() { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) };

    /// <summary>The version in French, its own language.</summary>
    public Task<QuestionnaireDefinition> GetAsync(int versionId, CancellationToken cancellationToken = default) =>
        GetAsync(versionId, QuestionnaireLanguages.French, cancellationToken);

    /// <summary>
    /// The version in <paramref name="language"/>: each question and option in that language, or in French
    /// (flagged) where it has no translation. A language the version does not offer gives the French version.
    /// </summary>
    public async Task<QuestionnaireDefinition> GetAsync(int versionId, string? language, CancellationToken cancellationToken = default)
    {
        var normalised = QuestionnaireLanguages.Normalise(language) ?? QuestionnaireLanguages.French;
        if (cache.TryGetValue(CacheKey(versionId, normalised), out QuestionnaireDefinition? cached) && cached is not null)
        {
            return cached;
        }

        if (!cache.TryGetValue(CacheKey(versionId, null), out QuestionnaireVersion? version) || version is null)
        {
            version = await db.QuestionnaireVersions
                .AsNoTracking()
                .Include(v => v.Translations)
                .Include(v => v.Questions).ThenInclude(q => q.Translations)
                .Include(v => v.Questions).ThenInclude(q => q.Options).ThenInclude(o => o.Translations)
                .AsSplitQuery()
                .SingleAsync(v => v.Id == versionId, cancellationToken);
            cache.Set(CacheKey(versionId, null), version, EntryOptions);
        }

        var definition = Build(version, normalised);
        cache.Set(CacheKey(versionId, normalised), definition, EntryOptions);
        return definition;
    }

    /// <summary>The languages a version offers: French, then each language it has a title in.</summary>
    public static IReadOnlyList<string> LanguagesOf(QuestionnaireVersion version) =>
        [QuestionnaireLanguages.French, .. version.Translations.Select(t => t.Language).Where(l => l != QuestionnaireLanguages.French).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The definition of a loaded version (with its translations) in a language, French where a text is not translated.</summary>
    public static QuestionnaireDefinition Build(QuestionnaireVersion version, string language)
    {
        var languages = LanguagesOf(version);
        var lang = languages.Contains(language) ? language : QuestionnaireLanguages.French;
        var french = lang == QuestionnaireLanguages.French;
        var title = french ? null : version.Translations.FirstOrDefault(t => t.Language == lang);
        return new QuestionnaireDefinition(
            version.Id,
            title?.Title ?? version.Title,
            version.Questions
                .OrderBy(q => q.Order)
                .Select(q =>
                {
                    var translation = french ? null : q.Translations.FirstOrDefault(t => t.Language == lang);
                    return new QuestionDefinition(
                        q.Id, q.Code, q.Order,
                        translation?.Text ?? q.Text,
                        translation is null ? q.HelpText : translation.HelpText ?? q.HelpText,
                        q.Kind, q.IsRequired, q.MaxLength,
                        q.Options.OrderBy(o => o.Order).Select(o =>
                        {
                            var label = french ? null : o.Translations.FirstOrDefault(t => t.Language == lang);
                            return new OptionDefinition(o.Id, o.Code, label?.Label ?? o.Label, o.Score) { LabelLanguage = label is null ? QuestionnaireLanguages.French : lang };
                        }).ToList())
                    {
                        TextLanguage = translation is null ? QuestionnaireLanguages.French : lang,
                        HelpTextLanguage = translation?.HelpText is null ? QuestionnaireLanguages.French : lang,
                        ShownInFrench = !french && translation is null,
                    };
                })
                .ToList())
        {
            Language = lang,
            TitleLanguage = title is null ? QuestionnaireLanguages.French : lang,
            Languages = languages,
        };
    }

    private static string CacheKey(int versionId, string? language) => $"questionnaire-version:{versionId}:{language ?? "*"}";
}
