using System.Text.Json;
using Microsoft.Playwright;

namespace VoixUsager.Tests.Infrastructure;

/// <summary>
/// Checks, on a page a visitor who is not signed in is shown, that the public part of the design system's
/// stylesheet styles it as the whole stylesheet would: every class of the page that a selector of the whole
/// stylesheet styles (the other classes that selector requires being on the page too) is styled by the part, and every element (and its ::before and ::after) has the same computed
/// style once the page's stylesheets are replaced by the whole DSFR, the icons and the site's own.
/// States the page is not in (hover, focus) are not compared: the pages' sources decide those rules.
/// </summary>
public static class PublicStylesheetCoverage
{
    private static readonly Lazy<(List<string[]> Full, List<string[]> Subset)> Selectors = new(() =>
    {
        var root = PublicStylesheet.Root();
        return (PublicStylesheet.SelectorClasses(File.ReadAllText(Path.Combine(root, PublicStylesheet.FullPath))),
            PublicStylesheet.SelectorClasses(File.ReadAllText(Path.Combine(root, PublicStylesheet.SubsetPath))));
    });

    /// <summary>The classes of <paramref name="classes"/> some selector styles, those it requires being all there.</summary>
    public static HashSet<string> StyledClasses(IReadOnlyCollection<string> classes, List<string[]> selectors)
    {
        var present = classes.ToHashSet(StringComparer.Ordinal);
        return selectors.Where(s => s.All(present.Contains)).SelectMany(s => s).ToHashSet(StringComparer.Ordinal);
    }

    // Used values that follow the text's width and height, which the font in use decides (the whole
    // stylesheet's fonts swap in where the public one's may not: font-display optional): compared through the
    // properties that make them instead. That includes a positioned element's offsets, which
    // getComputedStyle gives as laid out (a run at 375 px differed by 3 px when Marianne came late), and
    // horizontal margins that centre an element (auto on both sides: equal on both sides in both renders),
    // which are what the container's width leaves over the element's (a footer's differed by 18 px).
    private const string Snapshot = """
        async ({ hrefs }) => {
          const skip = new Set(['width', 'height', 'inline-size', 'block-size', 'perspective-origin', 'transform-origin',
            'top', 'right', 'bottom', 'left', 'inset-block-start', 'inset-block-end', 'inset-inline-start', 'inset-inline-end']);
          const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : '');
          const snap = () => {
            const out = [];
            for (const e of document.querySelectorAll('body, body *')) {
              for (const pseudo of [null, '::before', '::after']) {
                const s = getComputedStyle(e, pseudo);
                const values = {};
                for (let i = 0; i < s.length; i++) {
                  const p = s[i];
                  if (!p.startsWith('--') && !skip.has(p)) values[p] = s.getPropertyValue(p);
                }
                out.push([name(e) + (pseudo || ''), values]);
              }
            }
            return out;
          };
          await document.fonts.ready;
          const mine = snap();
          for (const n of [...document.querySelectorAll('style, link[rel=stylesheet]')]) n.remove();
          for (const href of hrefs) {
            await new Promise((ok, ko) => {
              const l = document.createElement('link');
              l.rel = 'stylesheet'; l.href = href; l.onload = ok; l.onerror = () => ko(new Error(href));
              document.head.append(l);
            });
          }
          await document.fonts.ready;
          const full = snap();
          const differences = [];
          const horizontalMargins = new Set(['margin-left', 'margin-right', 'margin-inline-start', 'margin-inline-end']);
          const centred = v => v['margin-left'] === v['margin-right'];
          for (let i = 0; i < mine.length && differences.length < 30; i++) {
            for (const p of Object.keys(full[i][1])) {
              if (horizontalMargins.has(p) && centred(mine[i][1]) && centred(full[i][1])) continue;
              if (mine[i][1][p] !== full[i][1][p]) differences.push(`${mine[i][0]} ${p}: ${mine[i][1][p]} instead of ${full[i][1][p]}`);
            }
          }
          return { count: mine.length, differences };
        }
        """;

    public static async Task AssertStyledAsWithTheWholeStylesheetAsync(IPage page, string what)
    {
        Assert.Equal(0, await page.Locator("link[rel=stylesheet][href*='dsfr.min']").CountAsync());
        var classes = await page.EvaluateAsync<string[]>("() => [...new Set([...document.querySelectorAll('[class]')].flatMap(e => [...e.classList]))]");
        var (full, subset) = Selectors.Value;
        var styled = StyledClasses(classes, subset);
        var missing = StyledClasses(classes, full).Where(c => !styled.Contains(c)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{what} uses classes the public stylesheet lacks (run infra/update-public-css.sh, or add the page's sources to PublicStylesheet.PublicSources): {string.Join(", ", missing)}");

        var result = await page.EvaluateAsync<JsonElement>(Snapshot, new { hrefs = new[] { "/lib/dsfr/dsfr.min.css", "/css/icons.css", "/css/site.css" } });
        Assert.True(result.GetProperty("count").GetInt32() > 50, $"{what}: too few elements compared.");
        var differences = result.GetProperty("differences").EnumerateArray().Select(d => d.GetString()).ToList();
        Assert.True(differences.Count == 0, $"{what} is not styled as with the whole stylesheet:\n{string.Join("\n", differences)}");
    }
}
