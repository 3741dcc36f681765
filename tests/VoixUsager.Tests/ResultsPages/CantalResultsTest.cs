using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.ResultsPages;

/// <summary>A fresh app with the hand-computed Cantal data set, and Cantal's quality team signed in.</summary>
public abstract class CantalResultsTest : IAsyncLifetime
{
    protected VoixUsagerAppFactory App { get; } = new();

    protected ResultsTestData.Ids Ids { get; private set; } = null!;

    protected StaffClient Cantal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Ids = await ResultsTestData.SeedAsync(App);
        Cantal = StaffClient.For(App);
        await Cantal.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);
    }

    public Task DisposeAsync()
    {
        Cantal.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }
}
