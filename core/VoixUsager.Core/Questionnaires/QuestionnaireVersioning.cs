using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;

namespace VoixUsager.Questionnaires;

/// <summary>
/// How a questionnaire changes: never in place. The next version is a copy of the latest one, edited
/// before it is saved, so that every stored answer keeps pointing at the wording the usager read.
/// </summary>
public static class QuestionnaireVersioning
{
    public static async Task<QuestionnaireVersion> CreateNextVersionAsync(
        AppDbContext db,
        string key,
        int? prefectureId,
        Action<QuestionnaireVersion> edit,
        TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        var latest = await db.QuestionnaireVersions
            .AsNoTracking()
            .Include(v => v.Questions).ThenInclude(q => q.Options)
            .Where(v => v.Key == key)
            .OrderByDescending(v => v.VersionNumber)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Aucun questionnaire « {key} » n'existe.");

        var next = new QuestionnaireVersion
        {
            Key = latest.Key,
            VersionNumber = latest.VersionNumber + 1,
            Title = latest.Title,
            PrefectureId = prefectureId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Questions = latest.Questions.OrderBy(q => q.Order).Select(q => new Question
            {
                Code = q.Code,
                Order = q.Order,
                Text = q.Text,
                HelpText = q.HelpText,
                Kind = q.Kind,
                IsRequired = q.IsRequired,
                MaxLength = q.MaxLength,
                Options = q.Options.OrderBy(o => o.Order).Select(o => new QuestionOption { Code = o.Code, Order = o.Order, Label = o.Label, Score = o.Score }).ToList(),
            }).ToList(),
        };
        edit(next);
        db.QuestionnaireVersions.Add(next);
        await db.SaveChangesAsync(cancellationToken);
        return next;
    }
}
