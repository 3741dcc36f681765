using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Questionnaires;

namespace VoixUsager.Tests.Infrastructure;

/// <summary>
/// A published version of the national questions in French, English and Arabic, with the clarity
/// question left untranslated in Arabic so that its French fallback shows. Written the way a team's
/// translation would be stored: translation rows beside the version's French texts.
/// </summary>
public static class MultilingualQuestionnaire
{
    public const string Key = "accueil-multilingue";
    public const string Arabic = "ar";
    public const string UntranslatedCode = DefaultQuestionnaire.Codes.ClarteExplications;
    public const string ArabicTitle = "رأيك في استقبال المحافظة";

    private static readonly Dictionary<string, (string Text, string? Help)> Questions = new()
    {
        [DefaultQuestionnaire.Codes.ModeContact] = ("كيف تواصلت مع المحافظة؟", null),
        [DefaultQuestionnaire.Codes.Motif] = ("ما موضوع طلبك؟", null),
        [DefaultQuestionnaire.Codes.FaciliteInformation] = ("هل حصلت بسهولة على المعلومة أو الموعد الذي كنت تبحث عنه؟", null),
        [DefaultQuestionnaire.Codes.Courtoisie] = ("هل كان الموظف الذي استقبلك أو أجابك مهذبًا؟", null),
        [DefaultQuestionnaire.Codes.SatisfactionGlobale] = ("بشكل عام، هل أنت راضٍ عن الاستقبال والخدمة المقدمة؟", null),
        [DefaultQuestionnaire.Codes.Suggestion] = ("اقتراحك لتحسين استقبالنا", "اختياري. لا تذكر أي بيانات شخصية: رأيك مجهول الهوية."),
    };

    private static readonly Dictionary<string, string> Options = new()
    {
        ["sur-place"] = "حضرت شخصيًا",
        ["telephone"] = "عبر الهاتف",
        ["courriel"] = "عبر البريد الإلكتروني أو استمارة على الإنترنت",
        ["site-internet"] = "عبر الموقع الإلكتروني",
        ["pan"] = "في نقطة الاستقبال الرقمية",
        ["etrangers"] = "تصريح الإقامة (الأجانب)",
        ["permis-vehicule"] = "رخصة القيادة أو تسجيل مركبة",
        ["identite"] = "بطاقة الهوية أو جواز السفر",
        ["information"] = "معلومات عامة",
        ["collectivites"] = "الجماعات المحلية أو الجمعيات",
        ["autre"] = "أخرى",
        ["tout-a-fait"] = "راضٍ تمامًا",
        ["plutot"] = "راضٍ إلى حد ما",
        ["plutot-pas"] = "غير راضٍ إلى حد ما",
        ["pas-du-tout"] = "غير راضٍ إطلاقًا",
        ["sans-avis"] = "بدون رأي",
    };

    /// <summary>Stores the version and makes it the questionnaire of every campaign of the open test site's préfecture.</summary>
    public static async Task<int> PublishForOpenSiteAsync(AppDbContext db)
    {
        var version = DefaultQuestionnaire.Build(DateTime.UtcNow);
        version.Key = Key;
        version.Translations.Add(new QuestionnaireVersionTranslation { Language = Arabic, Title = ArabicTitle });
        foreach (var question in version.Questions.Where(q => q.Code != UntranslatedCode))
        {
            var (text, help) = Questions[question.Code];
            question.Translations.Add(new QuestionTranslation { Language = Arabic, Text = text, HelpText = help });
            foreach (var option in question.Options)
            {
                option.Translations.Add(new QuestionOptionTranslation { Language = Arabic, Label = Options[option.Code] });
            }
        }

        db.QuestionnaireVersions.Add(version);
        await db.SaveChangesAsync();
        var prefectureId = await db.Sites.Where(s => s.PublicCode == TestData.OpenSiteCode).Select(s => s.PrefectureId).SingleAsync();
        await db.SurveyCampaigns.Where(c => c.PrefectureId == prefectureId).ExecuteUpdateAsync(u => u.SetProperty(c => c.QuestionnaireVersionId, version.Id));
        return version.Id;
    }

    public const string MultipleChoiceKey = "accueil-choix-multiple";
    public const string MultipleChoiceCode = "demarches";
    public const string MultipleChoiceArabicTitle = "رأيك في الاستقبال";
    public const string MultipleChoiceArabicText = "ما الإجراءات التي جئت من أجلها؟";

    /// <summary>The options of the multiple-choice question: code, French label, Arabic label.</summary>
    public static readonly IReadOnlyList<(string Code, string French, string Arabic)> MultipleChoiceOptions =
    [
        ("identite", "Carte d’identité ou passeport", "بطاقة الهوية أو جواز السفر"),
        ("etrangers", "Titre de séjour", "تصريح الإقامة"),
        ("permis", "Permis de conduire ou carte grise", "رخصة القيادة أو تسجيل مركبة"),
        ("autre", "Une autre démarche, que je n’ai pas trouvée dans cette liste", "إجراء آخر لم أجده في هذه القائمة"),
    ];

    /// <summary>
    /// A version in French and Arabic whose first question is multiple-choice (check boxes), then the
    /// national overall satisfaction, made the questionnaire of the open test site's campaigns.
    /// </summary>
    public static async Task<int> PublishMultipleChoiceForOpenSiteAsync(AppDbContext db)
    {
        var version = new QuestionnaireVersion
        {
            Key = MultipleChoiceKey, VersionNumber = 1, Title = "Votre avis sur l’accueil", CreatedAtUtc = DateTime.UtcNow,
            Translations = [new QuestionnaireVersionTranslation { Language = Arabic, Title = MultipleChoiceArabicTitle }],
            Questions =
            [
                new Question
                {
                    Code = MultipleChoiceCode, Order = 1, Text = "Pour quelles démarches êtes-vous venu(e) ?", Kind = QuestionKind.MultipleChoice, IsRequired = true,
                    Translations = [new QuestionTranslation { Language = Arabic, Text = MultipleChoiceArabicText }],
                    Options = MultipleChoiceOptions.Select((o, i) => new QuestionOption
                    {
                        Code = o.Code, Label = o.French, Order = i + 1,
                        Translations = [new QuestionOptionTranslation { Language = Arabic, Label = o.Arabic }],
                    }).ToList(),
                },
                new Question
                {
                    Code = DefaultQuestionnaire.Codes.SatisfactionGlobale, Order = 2, Text = "Globalement, êtes-vous satisfait(e) ?", Kind = QuestionKind.SatisfactionScale, IsRequired = true,
                    Translations = [new QuestionTranslation { Language = Arabic, Text = Questions[DefaultQuestionnaire.Codes.SatisfactionGlobale].Text }],
                    Options = DefaultQuestionnaire.ScaleOptions.Select((o, i) => new QuestionOption
                    {
                        Code = o.Code, Label = o.Label, Score = o.Score, Order = i + 1,
                        Translations = [new QuestionOptionTranslation { Language = Arabic, Label = Options[o.Code] }],
                    }).ToList(),
                },
            ],
        };
        db.QuestionnaireVersions.Add(version);
        await db.SaveChangesAsync();
        var prefectureId = await db.Sites.Where(s => s.PublicCode == TestData.OpenSiteCode).Select(s => s.PrefectureId).SingleAsync();
        await db.SurveyCampaigns.Where(c => c.PrefectureId == prefectureId).ExecuteUpdateAsync(u => u.SetProperty(c => c.QuestionnaireVersionId, version.Id));
        return version.Id;
    }
}
