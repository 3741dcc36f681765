using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Auditing;
using VoixUsager.Data;

namespace VoixUsager.Questionnaires;

/// <summary>Who edits: an administrator edits the national questionnaires, a quality team its préfecture's.</summary>
public sealed record EditorActor(string UserId, string Email, int? PrefectureId, bool IsAdministrator);

/// <summary>
/// The questionnaire editor: drafts saved without changing anything usagers see, then published as the
/// next immutable version with its translations and audit entries in one transaction. Every rule is in
/// <see cref="QuestionnaireEditingRules"/>; this service loads, checks who may act, and stores.
/// </summary>
public sealed class QuestionnaireEditing(AppDbContext db, FranceClock clock)
{
    public const string StaleMessage =
        "Ce brouillon a été modifié par quelqu’un d’autre depuis que vous avez ouvert cette page : vos changements n’ont pas été enregistrés, pour ne pas effacer les siens. Rechargez le brouillon, puis refaites vos changements.";

    public abstract record Result
    {
        public sealed record Done(int DraftId) : Result;

        public sealed record Published(QuestionnaireVersion Version) : Result;

        public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : Result;

        /// <summary>No such draft, or one of another préfecture: never shown nor changed.</summary>
        public sealed record NotFound : Result;

        /// <summary>A quality team on the national questionnaire: read-only for it.</summary>
        public sealed record Forbidden : Result;

        public sealed record Stale : Result;
    }

    public sealed record DraftView(QuestionnaireDraft Draft, DraftContent Content, QuestionnaireVersion? Latest, IReadOnlyList<QuestionnaireEditingRules.LanguageCompleteness> Languages, bool CoreOutdated = false)
    {
        public bool National => Draft.PrefectureId is null;

        /// <summary>The published text of a question of the draft, to tell whether it was reworded.</summary>
        public string? PublishedText(string code) => Latest?.Questions.FirstOrDefault(q => q.Code == code)?.Text;

        public int LocalQuestions => Content.Questions.Count(q => !q.IsCore);
    }

    public sealed record VersionRow(int Id, int Number, DateTime CreatedAtUtc, int Questions, IReadOnlyList<string> Languages);

    /// <param name="CoreOutdated">A local questionnaire whose latest version asks the national core as it was: its next draft brings it up to date.</param>
    public sealed record QuestionnaireSummary(string Key, string Title, int? PrefectureId, IReadOnlyList<VersionRow> Versions, QuestionnaireDraft? Draft, bool CoreOutdated = false);

    private static Result? Access(EditorActor actor, int? prefectureId) =>
        prefectureId is null
            ? actor.IsAdministrator ? null : new Result.Forbidden()
            : !actor.IsAdministrator && actor.PrefectureId == prefectureId ? null : new Result.NotFound();

    /// <summary>Whether the actor may see a questionnaire (the national ones are visible to every quality team).</summary>
    private static bool MaySee(EditorActor actor, int? prefectureId) =>
        prefectureId is null || (!actor.IsAdministrator && actor.PrefectureId == prefectureId);

    /// <summary>The national questionnaires, and for a quality team its préfecture's, each with its versions and its draft.</summary>
    public async Task<IReadOnlyList<QuestionnaireSummary>> ListAsync(EditorActor actor, CancellationToken cancellationToken)
    {
        var prefectureId = actor.IsAdministrator ? null : actor.PrefectureId;
        var versions = await db.QuestionnaireVersions.AsNoTracking()
            .Where(v => v.PrefectureId == null || (prefectureId != null && v.PrefectureId == prefectureId))
            .Select(v => new { v.Id, v.Key, v.Title, v.PrefectureId, v.VersionNumber, v.CreatedAtUtc, Questions = v.Questions.Count, Languages = v.Translations.Select(t => t.Language).ToList() })
            .ToListAsync(cancellationToken);
        var drafts = await db.QuestionnaireDrafts.AsNoTracking()
            .Where(d => d.PrefectureId == null || (prefectureId != null && d.PrefectureId == prefectureId))
            .ToListAsync(cancellationToken);
        var outdated = new HashSet<string>(StringComparer.Ordinal);
        if (prefectureId is not null && await CoreAsync(cancellationToken) is (var core, var codes))
        {
            foreach (var key in versions.Where(v => v.PrefectureId is not null).Select(v => v.Key).Distinct())
            {
                if (await LatestAsync(key, cancellationToken) is { } local
                    && QuestionnaireEditingRules.FromVersion(local, asCore: false) is var content
                    && content.Questions.Any(q => codes.Contains(q.Code))
                    && QuestionnaireEditingRules.CoreDiffers(content, core, codes))
                {
                    outdated.Add(key);
                }
            }
        }

        return versions.Select(v => (v.Key, v.Title, v.PrefectureId)).Concat(drafts.Select(d => (d.Key, d.Title, d.PrefectureId)))
            .GroupBy(x => x.Key)
            .Select(g =>
            {
                var rows = versions.Where(v => v.Key == g.Key).OrderByDescending(v => v.VersionNumber)
                    .Select(v => new VersionRow(v.Id, v.VersionNumber, v.CreatedAtUtc, v.Questions, v.Languages)).ToList();
                var draft = drafts.SingleOrDefault(d => d.Key == g.Key);
                var title = versions.Where(v => v.Key == g.Key).OrderByDescending(v => v.VersionNumber).Select(v => v.Title).FirstOrDefault() ?? draft!.Title;
                return new QuestionnaireSummary(g.Key, title, g.First().PrefectureId, rows, draft, outdated.Contains(g.Key));
            })
            .OrderBy(s => s.PrefectureId is not null).ThenBy(s => s.Title, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>A published version the actor may read, for its preview; null for another préfecture's.</summary>
    public async Task<QuestionnaireVersion?> VersionAsync(EditorActor actor, int versionId, CancellationToken cancellationToken)
    {
        var version = await db.QuestionnaireVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        return version is not null && MaySee(actor, version.PrefectureId) ? version : null;
    }

    /// <summary>A draft the actor may edit, with what the editor shows about it; or why not.</summary>
    public async Task<(Result? Refusal, DraftView? View)> DraftAsync(EditorActor actor, int draftId, CancellationToken cancellationToken)
    {
        var draft = await db.QuestionnaireDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == draftId, cancellationToken);
        if (draft is null)
        {
            return (new Result.NotFound(), null);
        }

        if (Access(actor, draft.PrefectureId) is { } refusal)
        {
            return (refusal, null);
        }

        var content = DraftContent.Parse(draft.ContentJson);
        var latest = await LatestAsync(draft.Key, cancellationToken);
        var outdated = draft.PrefectureId is not null && content.FromNationalCore && await CoreAsync(cancellationToken) is (var core, var codes)
            && QuestionnaireEditingRules.CoreDiffers(content, core, codes);
        return (null, new DraftView(draft, content, latest, content.Languages.Select(l => QuestionnaireEditingRules.Completeness(content, l)).ToList(), outdated));
    }

    /// <summary>A new questionnaire of the actor's préfecture (or a national one for an administrator), empty or as the national core.</summary>
    public async Task<Result> CreateAsync(EditorActor actor, string? title, bool fromNationalCore, CancellationToken cancellationToken)
    {
        var prefectureId = actor.IsAdministrator ? null : actor.PrefectureId;
        if (!actor.IsAdministrator && prefectureId is null)
        {
            return new Result.Forbidden();
        }

        if (QuestionnaireEditingRules.TitleError(title) is { } error)
        {
            return new Result.Invalid(new Dictionary<string, string> { [QuestionnaireEditingRules.TitleField] = error });
        }

        var content = new DraftContent();
        if (fromNationalCore)
        {
            var core = await LatestAsync(DefaultQuestionnaire.Key, cancellationToken);
            if (core is null || core.PrefectureId is not null)
            {
                return new Result.NotFound();
            }

            content = QuestionnaireEditingRules.FromVersion(core, asCore: prefectureId is not null);
        }

        var slug = QuestionnaireEditingRules.Slug(title!.Trim(), 40);
        var key = slug;
        for (var n = 2; await db.QuestionnaireVersions.AnyAsync(v => v.Key == key, cancellationToken) || await db.QuestionnaireDrafts.AnyAsync(d => d.Key == key, cancellationToken); n++)
        {
            key = $"{slug}-{n.ToString(CultureInfo.InvariantCulture)}";
        }

        var draft = new QuestionnaireDraft
        {
            Key = key,
            PrefectureId = prefectureId,
            Title = title.Trim(),
            ContentJson = content.Serialise(),
            UpdatedAtUtc = clock.UtcNow,
            ConcurrencyStamp = Guid.NewGuid(),
        };
        db.QuestionnaireDrafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return new Result.Done(draft.Id);
    }

    /// <summary>The draft of a published questionnaire, started from its latest version, or the one already in progress.</summary>
    public async Task<Result> StartDraftAsync(EditorActor actor, string? key, CancellationToken cancellationToken)
    {
        var latest = key is null ? null : await LatestAsync(key, cancellationToken);
        if (latest is null)
        {
            return new Result.NotFound();
        }

        if (Access(actor, latest.PrefectureId) is { } refusal)
        {
            return refusal;
        }

        if (await db.QuestionnaireDrafts.Where(d => d.Key == key).Select(d => (int?)d.Id).SingleOrDefaultAsync(cancellationToken) is { } existing)
        {
            return new Result.Done(existing);
        }

        var content = QuestionnaireEditingRules.FromVersion(latest, asCore: false);
        // A local questionnaire built on the national core keeps its core questions locked from one version to
        // the next, and its next version follows the national core as it is now.
        if (latest.PrefectureId is not null && await CoreAsync(cancellationToken) is (var core, var nationalCodes)
            && content.Questions.Any(q => nationalCodes.Contains(q.Code)))
        {
            content = QuestionnaireEditingRules.RefreshCore(content, core, nationalCodes);
        }

        var draft = new QuestionnaireDraft
        {
            Key = latest.Key,
            PrefectureId = latest.PrefectureId,
            Title = latest.Title,
            BasedOnVersionId = latest.Id,
            ContentJson = content.Serialise(),
            UpdatedAtUtc = clock.UtcNow,
            ConcurrencyStamp = Guid.NewGuid(),
        };
        db.QuestionnaireDrafts.Add(draft);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else started the draft at the same moment: theirs is the one.
            db.ChangeTracker.Clear();
            return await db.QuestionnaireDrafts.Where(d => d.Key == key).Select(d => (int?)d.Id).SingleOrDefaultAsync(cancellationToken) is { } id
                ? new Result.Done(id)
                : new Result.Stale();
        }

        return new Result.Done(draft.Id);
    }

    /// <summary>A draft in progress built on the national core, brought up to the national core as it is now.</summary>
    public Task<Result> RefreshCoreAsync(EditorActor actor, int draftId, string? stamp, CancellationToken cancellationToken) =>
        ChangeAsync(actor, draftId, stamp, async (draft, content) =>
        {
            if (draft.PrefectureId is null || !content.FromNationalCore || await CoreAsync(cancellationToken) is not (var core, var codes))
            {
                return Errors(QuestionnaireEditingRules.QuestionsField, "Ce questionnaire n’est pas construit sur le questionnaire national : il n’y a rien à reprendre.");
            }

            var refreshed = QuestionnaireEditingRules.RefreshCore(content, core, codes);
            (content.Questions, content.Languages, content.FromNationalCore) = (refreshed.Questions, refreshed.Languages, true);
            return NoErrors;
        }, cancellationToken);

    public Task<Result> SaveTitleAsync(EditorActor actor, int draftId, string? stamp, string? title, CancellationToken cancellationToken) =>
        ChangeAsync(actor, draftId, stamp, (draft, _) =>
        {
            if (QuestionnaireEditingRules.TitleError(title) is { } error)
            {
                return Errors(QuestionnaireEditingRules.TitleField, error);
            }

            draft.Title = title!.Trim();
            return NoErrors;
        }, cancellationToken);

    /// <summary>Adds a question of a kind, checked like any question.</summary>
    public async Task<Result> AddQuestionAsync(EditorActor actor, int draftId, string? stamp, QuestionKind kind, QuestionInput input, CancellationToken cancellationToken)
    {
        var used = await UsedCodesAsync(draftId, cancellationToken);
        return await ChangeAsync(actor, draftId, stamp, (_, content) =>
        {
            if (!Enum.IsDefined(kind))
            {
                return Errors(QuestionnaireEditingRules.TextField, "Choisissez le type de la question.");
            }

            if (QuestionnaireEditingRules.AddError(content) is { } full)
            {
                return Errors(QuestionnaireEditingRules.TextField, full);
            }

            var question = new DraftQuestion { Code = "", Kind = kind, Text = "" };
            var errors = QuestionnaireEditingRules.ApplyQuestion(question, input, null, actor.UserId, actor.Email);
            if (errors.Count == 0)
            {
                used.UnionWith(content.Questions.Select(q => q.Code));
                question.Code = QuestionnaireEditingRules.UniqueCode(question.Text, used);
                content.Questions.Add(question);
            }

            return errors;
        }, cancellationToken);
    }

    public Task<Result> SaveQuestionAsync(EditorActor actor, int draftId, string? stamp, string? code, QuestionInput input, CancellationToken cancellationToken) =>
        ChangeAsync(actor, draftId, stamp, async (draft, content) =>
        {
            var question = content.Questions.SingleOrDefault(q => q.Code == code);
            if (question is null)
            {
                return Errors(QuestionnaireEditingRules.TextField, "Cette question n’est plus dans le brouillon : rechargez-le.");
            }

            var published = (await LatestAsync(draft.Key, cancellationToken))?.Questions.FirstOrDefault(q => q.Code == code)?.Text;
            return QuestionnaireEditingRules.ApplyQuestion(question, input, published, actor.UserId, actor.Email);
        }, cancellationToken);

    public Task<Result> MoveQuestionAsync(EditorActor actor, int draftId, string? stamp, string? code, int direction, CancellationToken cancellationToken) =>
        ChangeAsync(actor, draftId, stamp, (_, content) =>
        {
            var index = content.Questions.FindIndex(q => q.Code == code);
            return index < 0 ? Errors(QuestionnaireEditingRules.QuestionsField, "Cette question n’est plus dans le brouillon : rechargez-le.")
                : QuestionnaireEditingRules.Move(content.Questions, index, Math.Sign(direction)) ? NoErrors
                : Errors(QuestionnaireEditingRules.QuestionsField, direction < 0 ? "Cette question est déjà la première." : "Cette question est déjà la dernière.");
        }, cancellationToken);

    public Task<Result> RemoveQuestionAsync(EditorActor actor, int draftId, string? stamp, string? code, CancellationToken cancellationToken) =>
        ChangeAsync(actor, draftId, stamp, (_, content) =>
        {
            var question = content.Questions.SingleOrDefault(q => q.Code == code);
            if (question is null)
            {
                return Errors(QuestionnaireEditingRules.QuestionsField, "Cette question n’est plus dans le brouillon : rechargez-le.");
            }

            if (QuestionnaireEditingRules.RemoveError(question) is { } error)
            {
                return Errors(QuestionnaireEditingRules.QuestionsField, error);
            }

            content.Questions.Remove(question);
            return NoErrors;
        }, cancellationToken);

    public const string LanguageField = "Language";
    public const string OtherLanguageField = "OtherLanguage";

    /// <summary>Adds a language: one of the list, or any BCP 47 tag typed in the free field.</summary>
    public Task<Result> AddLanguageAsync(EditorActor actor, int draftId, string? stamp, string? listed, string? typed, CancellationToken cancellationToken) =>
        ChangeAsync(actor, draftId, stamp, (_, content) =>
        {
            var field = string.IsNullOrWhiteSpace(typed) ? LanguageField : OtherLanguageField;
            var raw = string.IsNullOrWhiteSpace(typed) ? listed : typed;
            if (string.IsNullOrWhiteSpace(raw))
            {
                return Errors(LanguageField, "Choisissez une langue dans la liste, ou écrivez son code.");
            }

            var tag = QuestionnaireLanguages.Normalise(raw);
            if (tag is null)
            {
                return Errors(field, $"« {Shorten(raw)} » n’est pas un code de langue : écrivez par exemple « uk » (ukrainien), « ps » (pachto) ou « fa-af » (dari).");
            }

            if (tag == QuestionnaireLanguages.French)
            {
                return Errors(field, "Le français est la langue du questionnaire : ajoutez une autre langue.");
            }

            if (content.Languages.Contains(tag))
            {
                return Errors(field, $"Le questionnaire a déjà une version en {QuestionnaireEditingRules.LanguageLabel(tag)}.");
            }

            content.Languages.Add(tag);
            return NoErrors;
        }, cancellationToken);

    /// <summary>Removes a language and what was typed in it.</summary>
    public Task<Result> RemoveLanguageAsync(EditorActor actor, int draftId, string? stamp, string? language, CancellationToken cancellationToken) =>
        ChangeAsync(actor, draftId, stamp, (_, content) =>
        {
            if (language is null || !content.Languages.Remove(language))
            {
                return Errors(LanguageField, "Cette langue n’est plus dans le brouillon : rechargez-le.");
            }

            content.TitleTranslations.Remove(language);
            foreach (var q in content.Questions)
            {
                q.TextTranslations.Remove(language);
                q.HelpTranslations.Remove(language);
                foreach (var o in q.Options)
                {
                    o.LabelTranslations.Remove(language);
                }
            }

            return NoErrors;
        }, cancellationToken);

    public static string TranslationTitleField => "title";

    public static string TranslationTextField(int question) => $"q{question.ToString(CultureInfo.InvariantCulture)}-text";

    public static string TranslationHelpField(int question) => $"q{question.ToString(CultureInfo.InvariantCulture)}-help";

    public static string TranslationOptionField(int question, int option) => $"q{question.ToString(CultureInfo.InvariantCulture)}-o{option.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// A language's title, question texts, helps and option labels, by the positions the form showed
    /// (the stamp guarantees they did not move). A blank field is a translation still to do.
    /// </summary>
    public Task<Result> SaveTranslationAsync(EditorActor actor, int draftId, string? stamp, string? language, Func<string, string?> field, CancellationToken cancellationToken) =>
        ChangeAsync(actor, draftId, stamp, (_, content) =>
        {
            if (language is null || !content.Languages.Contains(language))
            {
                return Errors(LanguageField, "Cette langue n’est plus dans le brouillon : rechargez-le.");
            }

            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            var name = QuestionnaireEditingRules.LanguageLabel(language);
            Set(content.TitleTranslations, field(TranslationTitleField), Data.EntityConfigurations.QuestionnaireVersionConfiguration.TitleMaxLength, TranslationTitleField, "Le titre");
            for (var i = 0; i < content.Questions.Count; i++)
            {
                var q = content.Questions[i];
                Set(q.TextTranslations, field(TranslationTextField(i)), Data.EntityConfigurations.QuestionConfiguration.TextMaxLength, TranslationTextField(i), $"Le texte de la question {i + 1}");
                if (q.HelpText is not null)
                {
                    Set(q.HelpTranslations, field(TranslationHelpField(i)), Data.EntityConfigurations.QuestionConfiguration.HelpTextMaxLength, TranslationHelpField(i), $"L’aide de la question {i + 1}");
                }

                if (q.Kind != QuestionKind.ZeroToTen)
                {
                    for (var j = 0; j < q.Options.Count; j++)
                    {
                        Set(q.Options[j].LabelTranslations, field(TranslationOptionField(i, j)), Data.EntityConfigurations.QuestionOptionConfiguration.LabelMaxLength, TranslationOptionField(i, j), $"L’option « {q.Options[j].Label} » de la question {i + 1}");
                    }
                }
            }

            return errors;

            void Set(Dictionary<string, string> translations, string? posted, int maxLength, string key, string what)
            {
                if (posted is null)
                {
                    return;
                }

                var value = posted.Trim();
                if (value.Length > maxLength)
                {
                    errors.TryAdd(key, $"{what} en {name} compte {maxLength} caractères au plus (il en compte {value.Length}).");
                }
                else if (value.Length == 0)
                {
                    translations.Remove(language);
                }
                else
                {
                    translations[language] = value;
                }
            }
        }, cancellationToken);

    /// <summary>Throws the draft away; what is published stays as it is.</summary>
    public async Task<Result> DiscardAsync(EditorActor actor, int draftId, string? stamp, CancellationToken cancellationToken)
    {
        var draft = await db.QuestionnaireDrafts.SingleOrDefaultAsync(d => d.Id == draftId, cancellationToken);
        if (draft is null)
        {
            return new Result.NotFound();
        }

        if (Access(actor, draft.PrefectureId) is { } refusal)
        {
            return refusal;
        }

        if (!Guid.TryParse(stamp, out var posted) || posted != draft.ConcurrencyStamp)
        {
            return new Result.Stale();
        }

        db.QuestionnaireDrafts.Remove(draft);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new Result.Stale();
        }

        return new Result.Done(draftId);
    }

    /// <summary>
    /// The draft becomes the next version, with its translations; the draft is deleted; the audit log
    /// gets the publication and, for each reworded question kept under its code, who said its meaning
    /// is unchanged. All in one transaction. Campaigns keep the version they point at.
    /// </summary>
    public async Task<Result> PublishAsync(EditorActor actor, int draftId, string? stamp, CancellationToken cancellationToken)
    {
        var draft = await db.QuestionnaireDrafts.SingleOrDefaultAsync(d => d.Id == draftId, cancellationToken);
        if (draft is null)
        {
            return new Result.NotFound();
        }

        if (Access(actor, draft.PrefectureId) is { } refusal)
        {
            return refusal;
        }

        if (!Guid.TryParse(stamp, out var posted) || posted != draft.ConcurrencyStamp)
        {
            return new Result.Stale();
        }

        var content = DraftContent.Parse(draft.ContentJson);
        var errors = QuestionnaireEditingRules.PublishErrors(draft.Title, content);
        if (errors.Count > 0)
        {
            return new Result.Invalid(errors);
        }

        var latest = await LatestAsync(draft.Key, cancellationToken);
        var used = await UsedCodesAsync(draftId, cancellationToken);
        var now = clock.UtcNow;
        var (version, reworded) = QuestionnaireEditingRules.BuildVersion(draft.Key, draft.PrefectureId, draft.Title, content, latest, used, now);
        db.QuestionnaireVersions.Add(version);
        db.QuestionnaireDrafts.Remove(draft);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var id = version.Id.ToString(CultureInfo.InvariantCulture);
            db.AuditEntries.Add(AuditEntry.Of(now, actor.UserId, actor.Email, draft.PrefectureId, "questionnaire.publie", nameof(QuestionnaireVersion), id, Describe(latest, version, reworded, content)));
            foreach (var r in reworded.Where(r => r.OldCode == r.NewCode))
            {
                db.AuditEntries.Add(AuditEntry.Of(now, r.Question.MeaningUnchangedByUserId ?? actor.UserId, r.Question.MeaningUnchangedByEmail ?? actor.Email, draft.PrefectureId,
                    "questionnaire.sens-inchange", nameof(QuestionnaireVersion), id,
                    $"{version.Title} v{version.VersionNumber} : « {r.OldText} » devient « {r.Question.Text} », sens déclaré inchangé, code {r.OldCode} conservé"));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The draft was saved or published by someone else meanwhile (its stamp or the version number is taken).
            db.ChangeTracker.Clear();
            return new Result.Stale();
        }

        return new Result.Published(version);
    }

    private static string Describe(QuestionnaireVersion? before, QuestionnaireVersion after, IReadOnlyList<QuestionnaireEditingRules.Rewording> reworded, DraftContent content)
    {
        var lines = new List<string> { $"{after.Title} v{after.VersionNumber} ({after.Questions.Count} questions)" };
        var old = before?.Questions.Select(q => q.Code).ToHashSet(StringComparer.Ordinal) ?? [];
        var renewed = reworded.Where(r => r.OldCode != r.NewCode).ToDictionary(r => r.NewCode, StringComparer.Ordinal);
        foreach (var q in after.Questions)
        {
            if (renewed.TryGetValue(q.Code, out var r))
            {
                lines.Add($"« {q.Text} » reformulée, nouveau code {q.Code} (ancien {r.OldCode})");
            }
            else if (!old.Contains(q.Code))
            {
                lines.Add($"ajout de « {q.Text} » ({q.Code})");
            }
        }

        if (before is not null)
        {
            var kept = after.Questions.Select(q => q.Code).Concat(reworded.Select(r => r.OldCode)).ToHashSet(StringComparer.Ordinal);
            lines.AddRange(before.Questions.Where(q => !kept.Contains(q.Code)).Select(q => $"retrait de « {q.Text} » ({q.Code})"));
        }

        lines.AddRange(reworded.Where(r => r.OldCode == r.NewCode).Select(r => $"« {r.Question.Text} » reformulée, sens déclaré inchangé, code {r.OldCode} conservé"));
        foreach (var language in content.Languages)
        {
            var state = QuestionnaireEditingRules.Completeness(content, language);
            lines.Add(state.TitleMissing ? $"{language} : non publiée (titre non traduit)"
                : state.Complete ? $"{language} : complète"
                : $"{language} : {state.IncompleteQuestions.Count} question(s) en français");
        }

        return string.Join(" ; ", lines);
    }

    private static Dictionary<string, string> NoErrors => new(StringComparer.Ordinal);

    private static Dictionary<string, string> Errors(string field, string message) => new(StringComparer.Ordinal) { [field] = message };

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;

    private Task<Result> ChangeAsync(EditorActor actor, int draftId, string? stamp, Func<QuestionnaireDraft, DraftContent, Dictionary<string, string>> change, CancellationToken cancellationToken) =>
        ChangeAsync(actor, draftId, stamp, (draft, content) => Task.FromResult(change(draft, content)), cancellationToken);

    /// <summary>
    /// Every change of a draft: the actor may edit it, the page was shown from its current state (else
    /// nothing is written: the other person's save is kept), and the change is whole or not at all.
    /// </summary>
    private async Task<Result> ChangeAsync(EditorActor actor, int draftId, string? stamp, Func<QuestionnaireDraft, DraftContent, Task<Dictionary<string, string>>> change, CancellationToken cancellationToken)
    {
        var draft = await db.QuestionnaireDrafts.SingleOrDefaultAsync(d => d.Id == draftId, cancellationToken);
        if (draft is null)
        {
            return new Result.NotFound();
        }

        if (Access(actor, draft.PrefectureId) is { } refusal)
        {
            return refusal;
        }

        if (!Guid.TryParse(stamp, out var posted) || posted != draft.ConcurrencyStamp)
        {
            return new Result.Stale();
        }

        var content = DraftContent.Parse(draft.ContentJson);
        var errors = await change(draft, content);
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new Result.Invalid(errors);
        }

        draft.ContentJson = content.Serialise();
        draft.ConcurrencyStamp = Guid.NewGuid();
        draft.UpdatedAtUtc = clock.UtcNow;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new Result.Stale();
        }

        return new Result.Done(draft.Id);
    }

    private Task<QuestionnaireVersion?> LatestAsync(string key, CancellationToken cancellationToken) =>
        db.QuestionnaireVersions.AsNoTracking()
            .Include(v => v.Translations)
            .Include(v => v.Questions).ThenInclude(q => q.Options).ThenInclude(o => o.Translations)
            .Include(v => v.Questions).ThenInclude(q => q.Translations)
            .AsSplitQuery()
            .Where(v => v.Key == key)
            .OrderByDescending(v => v.VersionNumber)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The national core as published last, as draft content, and every code a national version ever used.</summary>
    private async Task<(DraftContent Core, IReadOnlySet<string> Codes)?> CoreAsync(CancellationToken cancellationToken)
    {
        var core = await LatestAsync(DefaultQuestionnaire.Key, cancellationToken);
        if (core is null || core.PrefectureId is not null)
        {
            return null;
        }

        var codes = await NationalCodesAsync(cancellationToken);
        return (QuestionnaireEditingRules.FromVersion(core, asCore: true), codes);
    }

    private async Task<HashSet<string>> NationalCodesAsync(CancellationToken cancellationToken) =>
        (await db.QuestionnaireVersions.Where(v => v.Key == DefaultQuestionnaire.Key && v.PrefectureId == null)
            .SelectMany(v => v.Questions.Select(q => q.Code)).Distinct().ToListAsync(cancellationToken))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Every code any version of the draft's questionnaire used, and the draft's own: a new code is none of them.
    /// A préfecture's questionnaire never takes a national code either, so a core question is known by its code.
    /// </summary>
    private async Task<HashSet<string>> UsedCodesAsync(int draftId, CancellationToken cancellationToken)
    {
        var draft = await db.QuestionnaireDrafts.AsNoTracking().Where(d => d.Id == draftId).Select(d => new { d.Key, d.ContentJson, d.PrefectureId }).SingleOrDefaultAsync(cancellationToken);
        if (draft is null)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var codes = await db.QuestionnaireVersions.Where(v => v.Key == draft.Key).SelectMany(v => v.Questions.Select(q => q.Code)).Distinct().ToListAsync(cancellationToken);
        var used = codes.Concat(DraftContent.Parse(draft.ContentJson).Questions.Select(q => q.Code)).ToHashSet(StringComparer.Ordinal);
        if (draft.PrefectureId is not null)
        {
            used.UnionWith(await NationalCodesAsync(cancellationToken));
        }

        return used;
    }
}
