using Microsoft.EntityFrameworkCore;
using VoixUsager.Questionnaires;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Data;

public sealed class QuestionnaireVersioningTests : IAsyncLifetime
{
    private readonly VoixUsagerAppFactory _app = new();

    public Task InitializeAsync() => _app.WithDbAsync(TestData.SeedAsync);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Editing_a_saved_version_in_place_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _app.WithDbAsync(async db =>
        {
            var question = await db.Questions.FirstAsync(q => q.Code == DefaultQuestionnaire.Codes.Courtoisie);
            question.Text = "L'agent était-il aimable ?";
            return await db.SaveChangesAsync();
        }));

        Assert.Contains("immuable", error.Message);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Questions.CountAsync(q => q.Text == "L'agent était-il aimable ?")));
    }

    [Fact]
    public async Task A_new_version_leaves_stored_answers_on_the_version_they_answered()
    {
        var client = _app.CreateBrowserLikeClient();
        var form = await SurveyForm.LoadAsync(client, $"/avis/{TestData.OpenSiteCode}");
        await client.PostAsync(form.Action, new FormUrlEncodedContent(form.CompleteAnswers()));
        var firstVersionId = await _app.WithDbAsync(db => db.SurveyResponses.Select(r => r.QuestionnaireVersionId).SingleAsync());

        var next = await _app.WithDbAsync(db => QuestionnaireVersioning.CreateNextVersionAsync(
            db, DefaultQuestionnaire.Key, prefectureId: null,
            version => version.Questions.Single(q => q.Code == DefaultQuestionnaire.Codes.Courtoisie).Text = "L'agent a-t-il été aimable ?",
            TimeProvider.System));

        Assert.Equal(2, next.VersionNumber);
        Assert.NotEqual(firstVersionId, next.Id);
        var (oldText, answeredQuestionVersions) = await _app.WithDbAsync(async db => (
            await db.Questions.Where(q => q.QuestionnaireVersionId == firstVersionId && q.Code == DefaultQuestionnaire.Codes.Courtoisie).Select(q => q.Text).SingleAsync(),
            await db.SurveyAnswers.Select(a => db.Questions.Single(q => q.Id == a.QuestionId).QuestionnaireVersionId).Distinct().ToListAsync()));
        Assert.Equal("L'agent qui vous a reçu ou répondu a-t-il été courtois ?", oldText);
        Assert.Equal([firstVersionId], answeredQuestionVersions);
        Assert.Equal(7, await _app.WithDbAsync(db => db.Questions.CountAsync(q => q.QuestionnaireVersionId == next.Id)));
    }
}
