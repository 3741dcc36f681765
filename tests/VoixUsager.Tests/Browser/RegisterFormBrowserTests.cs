using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VoixUsager.Register;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Browser;

/// <summary>The three préfectures of the staff data, each with its public site.</summary>
public sealed class RegisterFormFixture : BrowserFixture
{
    public StaffTestData Data { get; private set; } = null!;

    protected override async Task SeedAsync() => Data = await StaffTestData.SeedAsync(App);
}

/// <summary>
/// The public register form, end to end in real Chromium on a 1280-pixel monitor and a 375-pixel phone:
/// every refusal is a French message beside its field with nothing stored; a valid message reaches staff.
/// </summary>
public sealed class RegisterFormBrowserTests(RegisterFormFixture fixture) : BrowserTest, IClassFixture<RegisterFormFixture>
{
    protected override BrowserFixture Browser => fixture;

    private const string FormPath = "/suggestions-reclamations/site-cantal";

    // The smallest real PNG: signature, IHDR of a 1×1 image, IDAT, IEND.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private Task<int> CasesAsync() => fixture.App.WithDbAsync(db => db.RegisterCases.CountAsync());

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static async Task ShotAsync(IPage page, string name)
    {
        var shots = Path.Combine(Path.GetTempPath(), "voixusager-screenshots");
        Directory.CreateDirectory(shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, name + ".png"), FullPage = true });
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, int width, string what)
    {
        var documentWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(documentWidth <= width, $"{what} is {documentWidth} px wide at {width} px");
    }

    private async Task<IPage> OpenFormAsync(int width)
    {
        var page = await fixture.NewPageAsync(width, 900);
        await page.GotoAsync(fixture.BaseUrl + FormPath);
        return page;
    }

    private static async Task FillValidAsync(IPage page, string text)
    {
        await page.Locator("label[for='Kind-Reclamation']").ClickAsync();
        await page.Locator("#Subject").SelectOptionAsync("Signaletique");
        await page.Locator("#Text").FillAsync(text);
    }

    private static async Task SubmitAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    [BrowserTheory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Public_form_refuses_each_bad_input_beside_its_field_then_a_valid_message_with_a_photo_reaches_staff(int width)
    {
        var page = await OpenFormAsync(width);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Faire une suggestion ou une réclamation");
        await Expect(page.Locator("label[for=Text] .fr-hint-text")).ToContainTextAsync("4\u202F000 caractères au plus.");
        await Expect(page.Locator("label[for=Attachment] .fr-hint-text")).ToContainTextAsync(AttachmentCheck.AcceptedDescription);
        await AssertNoSidewaysScrollAsync(page, width, "the form");
        await ShotAsync(page, $"registre-public-{width}");
        await Accessibility.AssertNoWcag21AAViolationAsync(page, $"the public register form at {width} px");
        var before = await CasesAsync();

        // Nothing filled in: a message beside each required field, and in the summary.
        await SubmitAsync(page);
        await Expect(page.Locator("#erreurs")).ToBeVisibleAsync();
        await Expect(page.Locator("#Kind-messages .fr-message--error")).ToHaveTextAsync("Indiquez s’il s’agit d’une suggestion ou d’une réclamation.");
        await Expect(page.Locator("#Subject-messages .fr-message--error")).ToHaveTextAsync("Choisissez le sujet de votre message.");
        await Expect(page.Locator("#Text-messages .fr-message--error")).ToHaveTextAsync("Écrivez votre suggestion ou votre réclamation.");
        Assert.StartsWith("Erreur", await page.TitleAsync(), StringComparison.Ordinal);
        await AssertNoSidewaysScrollAsync(page, width, "the form with its errors");
        await ShotAsync(page, $"registre-public-erreurs-{width}");
        await Accessibility.AssertNoWcag21AAViolationAsync(page, $"the public register form with its errors at {width} px");

        // Too long a text: refused with the same number the hint gives.
        await FillValidAsync(page, new string('a', 4001));
        await SubmitAsync(page);
        await Expect(page.Locator("#Text-messages .fr-message--error")).ToHaveTextAsync("Votre message compte 4\u202F000 caractères au plus.");

        // A forbidden type, then files whose content is not what their name says.
        foreach (var (name, mime, content, message) in new[]
                 {
                     ("programme.exe", "application/octet-stream", new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, AttachmentCheck.WrongTypeMessage),
                     ("page.html", "text/html", "<html><script>alert(1)</script></html>"u8.ToArray(), AttachmentCheck.WrongTypeMessage),
                     ("courrier.pdf", "application/pdf", "Ceci est un simple texte."u8.ToArray(), AttachmentCheck.MismatchMessage),
                     ("panneau.png", "image/png", "<html><script>alert(1)</script></html>"u8.ToArray(), AttachmentCheck.MismatchMessage),
                 })
        {
            await FillValidAsync(page, "Le panneau vers le point d’accueil numérique est caché.");
            await page.Locator("#Attachment").SetInputFilesAsync(new FilePayload { Name = name, MimeType = mime, Buffer = content });
            await SubmitAsync(page);
            await Expect(page.Locator("#Attachment-messages .fr-message--error")).ToHaveTextAsync(message);
        }

        await ShotAsync(page, $"registre-public-fichier-refuse-{width}");
        await Accessibility.AssertNoWcag21AAViolationAsync(page, $"the public register form refusing a file at {width} px");

        // A site of another préfecture, put in the list by hand: refused.
        var dromeSite = await fixture.App.WithDbAsync(db => db.Sites.Where(s => s.PrefectureId == fixture.Data.DromeId).Select(s => s.Id).FirstAsync());
        await FillValidAsync(page, "Message pour un autre département.");
        await page.EvaluateAsync("id => { const o = document.createElement('option'); o.value = id; o.text = 'Ailleurs'; document.getElementById('SiteId').append(o); }",
            dromeSite.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#SiteId").SelectOptionAsync(dromeSite.ToString(CultureInfo.InvariantCulture));
        await SubmitAsync(page);
        await Expect(page.Locator("#SiteId-messages .fr-message--error")).ToHaveTextAsync("Choisissez un site de la liste.");
        Assert.Equal(before, await CasesAsync());

        // A valid message with a real photo.
        var text = $"Le panneau du hall est illisible depuis l’entrée ({width} px).";
        await FillValidAsync(page, text);
        await page.Locator("#SiteId").SelectOptionAsync(new SelectOptionValue { Label = "Préfecture Cantal" });
        await page.Locator("#Attachment").SetInputFilesAsync(new FilePayload { Name = "panneau.png", MimeType = "image/png", Buffer = Png });
        await SubmitAsync(page);
        await page.WaitForURLAsync("**/merci**");
        var reference = (await page.Locator("#reference").InnerTextAsync()).Trim();
        await ShotAsync(page, $"registre-public-merci-{width}");
        await Accessibility.AssertNoWcag21AAViolationAsync(page, $"the thank-you page at {width} px");
        Assert.Equal(before + 1, await CasesAsync());
        var stored = await fixture.App.WithDbAsync(db => db.RegisterCases.Include(c => c.Attachment).SingleAsync(c => c.Text == text));
        Assert.Equal((fixture.Data.CantalId, CaseChannel.FormulaireEnLigne, "image/png"), (stored.PrefectureId, stored.Channel, stored.Attachment!.ContentType));
        Assert.Equal(Png, stored.Attachment.Content);
        await page.Context.CloseAsync();

        // The quality team finds it in the register, with its attachment as a download.
        var staff = await fixture.SignedInPageAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password, StaffTestData.AuthenticatorKey, width);
        await staff.GotoAsync($"{fixture.BaseUrl}/registre");
        await staff.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Expect(staff.Locator("h1")).ToHaveTextAsync($"Dossier {reference}");
        await Expect(staff.Locator("main")).ToContainTextAsync(text);
        await Expect(staff.Locator("main a[download]")).ToContainTextAsync("panneau.png");
        await AssertNoSidewaysScrollAsync(staff, width, "the case page");
        await ShotAsync(staff, $"registre-dossier-public-{width}");
        await staff.Context.CloseAsync();
    }
}
