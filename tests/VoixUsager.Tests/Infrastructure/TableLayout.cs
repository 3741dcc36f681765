using Microsoft.Playwright;

namespace VoixUsager.Tests.Infrastructure;

public static class TableLayout
{
    /// <summary>
    /// Every DSFR table of the page shows all its columns without being scrolled sideways: on a phone a
    /// table of several columns must turn into cards (vu-table-empilee), not hide all but the first.
    /// </summary>
    public static async Task AssertEveryColumnInViewAsync(IPage page, string what)
    {
        var scrolling = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.fr-table__container')].filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.getAttribute('aria-label') || c.closest('.fr-table').id || '(sans nom)')");
        Assert.True(scrolling.Length == 0, $"{what}: these tables scroll sideways: {string.Join(", ", scrolling)}");
    }
}
