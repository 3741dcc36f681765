using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace VoixUsager.Tests.Infrastructure;

public static class Accessibility
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static async Task AssertNoWcag21AAViolationAsync(IPage page, string what)
    {
        var result = await page.RunAxe(Wcag21AA);
        var violations = string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        Assert.True(result.Violations.Length == 0, $"axe-core found WCAG 2.1 AA violations on {what}:\n{violations}");
    }
}
