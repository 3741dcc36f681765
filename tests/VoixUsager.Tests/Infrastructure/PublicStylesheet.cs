using System.Text;
using System.Text.RegularExpressions;

namespace VoixUsager.Tests.Infrastructure;

/// <summary>
/// Generates the public pages' part of the design system's stylesheet (<c>web/wwwroot/css/dsfr-public.css</c>)
/// from <c>lib/dsfr/dsfr.min.css</c>: the pages shown to visitors who are not signed in use a small part of
/// the DSFR, and on a phone on a weak signal the whole stylesheet delays their first paint. Kept: the
/// <c>@font-face</c> rules, the rules without classes (elements, attributes, <c>:root</c> variables) and the
/// selectors whose every class is one the public pages' sources name (a class inside <c>:not()</c> does not
/// count: an unused class there always matches); <c>@media</c> and <c>@supports</c> blocks are filtered the
/// same way and dropped when emptied. Relative addresses are rewritten for the file's place in
/// <c>css/</c>. Run by <c>infra/update-public-css.sh</c>; a test fails when the committed file differs.
/// </summary>
public static partial class PublicStylesheet
{
    /// <summary>
    /// The sources of the pages a visitor who is not signed in is shown (their page models and the partials
    /// they render included). Every token of these files that looks like a class name counts as used, as
    /// PurgeCSS does: a class written in a C# string or a condition is kept too.
    /// </summary>
    public static readonly string[] PublicSources =
    [
        "web/Pages/Shared/_Layout.cshtml",
        "web/Pages/Shared/_Champ.cshtml",
        "web/Pages/Shared/_ErrorSummary.cshtml",
        "web/Pages/Shared/_SurveyQuestions.cshtml",
        "web/Pages/Index.cshtml",
        "web/Pages/Accessibilite.cshtml",
        "web/Pages/DonneesPersonnelles.cshtml",
        "web/Pages/Avis",
        "web/Pages/Erreur",
        "web/Pages/Suggestions",
        "web/Pages/ResultatsPublics",
        "web/Pages/Connexion",
        "web/Pages/Clu/Reponse.cshtml",
        "web/Pages/Clu/Reponse.cshtml.cs",
        "web/Pages/Compte/Deconnexion.cshtml",
    ];

    /// <summary>
    /// Classes the layout renders only for signed-in staff (the header's menu and tools), who get the whole
    /// stylesheet: left out although the layout's source names them. The browser test of the public pages'
    /// classes fails if a page shown to visitors uses one.
    /// </summary>
    public static readonly string[] SignedInOnly =
    [
        "fr-header__navbar", "fr-btn--menu", "fr-header__tools", "fr-header__tools-links", "fr-header__menu",
        "fr-modal", "fr-btn--close", "fr-header__menu-links",
    ];

    public const string FullPath = "web/wwwroot/lib/dsfr/dsfr.min.css";

    public const string SubsetPath = "web/wwwroot/css/dsfr-public.css";

    public static string Root()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "VoixUsager.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new InvalidOperationException("Solution root not found.");
        }

        return root;
    }

    /// <summary>The subset as the committed file should hold it, from the repository's current sources.</summary>
    public static string Generate(string root)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in PublicSources)
        {
            var path = Path.Combine(root, source);
            var files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                : File.Exists(path) ? [path] : throw new FileNotFoundException($"A public page's source is missing: {source}", path);
            foreach (var file in files.Order(StringComparer.Ordinal))
            {
                used.UnionWith(Token().Matches(File.ReadAllText(file)).Select(m => m.Value));
            }
        }

        used.ExceptWith(SignedInOnly);
        var sources = string.Concat(PublicSources.Select(s => Path.Combine(root, s)).Where(File.Exists).Select(File.ReadAllText));
        var siteSheets = File.ReadAllText(Path.Combine(root, "web/wwwroot/css/site.css")) + File.ReadAllText(Path.Combine(root, "web/wwwroot/css/icons.css"));
        return Subset(File.ReadAllText(Path.Combine(root, FullPath)), used, siteSheets + sources);
    }

    /// <summary>
    /// The rules of <paramref name="css"/> that elements with only the <paramref name="used"/> classes can
    /// match, and the custom properties those rules (or <paramref name="otherSheets"/>, the site's own
    /// stylesheets) read, directly or through another property.
    /// </summary>
    public static string Subset(string css, IReadOnlySet<string> used, string otherSheets = "")
    {
        var position = 0;
        var kept = Parse(css, ref position, nested: false).Select(n => Filter(n, used)).OfType<Node>().ToList();

        // Custom properties: those read outside a declaration of one, then those their values read, and so on.
        var declarations = kept.SelectMany(Blocks).SelectMany(Declarations).ToList();
        var read = new HashSet<string>(VariableReference().Matches(otherSheets).Select(m => m.Groups[1].Value), StringComparer.Ordinal);
        read.UnionWith(declarations.Where(d => !d.StartsWith("--", StringComparison.Ordinal)).SelectMany(d => VariableReference().Matches(d).Select(m => m.Groups[1].Value)));
        var custom = declarations.Where(d => d.StartsWith("--", StringComparison.Ordinal)).Select(d => (Name: d[..d.IndexOf(':', StringComparison.Ordinal)], Value: d)).ToList();
        for (var grown = true; grown;)
        {
            grown = false;
            foreach (var (name, value) in custom.Where(c => read.Contains(c.Name)).ToList())
            {
                foreach (Match reference in VariableReference().Matches(value[(name.Length + 1)..]))
                {
                    grown |= read.Add(reference.Groups[1].Value);
                }
            }
        }

        var output = new StringBuilder();
        foreach (var node in kept)
        {
            Write(output, Prune(node, read));
        }

        return output.ToString();
    }

    private static IEnumerable<string> Blocks(Node node) => node switch
    {
        StyleRule rule => [rule.Block],
        GroupRule group => group.Children.SelectMany(Blocks),
        _ => [],
    };

    private static IEnumerable<string> Declarations(string block) => SplitTopLevel(block, ';').Select(d => d.Trim()).Where(d => d.Length > 0);

    private static Node? Prune(Node node, HashSet<string> read)
    {
        switch (node)
        {
            case StyleRule rule:
                var declarations = Declarations(rule.Block).Where(d => !d.StartsWith("--", StringComparison.Ordinal) || read.Contains(d[..d.IndexOf(':', StringComparison.Ordinal)])).ToList();
                return declarations.Count == 0 ? null : rule with { Block = string.Join(';', declarations) };
            case GroupRule group:
                var children = group.Children.Select(c => Prune(c, read)).OfType<Node>().ToList();
                return children.Count == 0 ? null : group with { Children = children };
            default:
                return node;
        }
    }

    private static void Write(StringBuilder output, Node? node)
    {
        switch (node)
        {
            case null:
                return;
            case Raw raw:
                output.Append(raw.Text);
                return;
            case StyleRule rule:
                output.Append(rule.Prelude).Append('{').Append(rule.Block).Append('}');
                return;
            case GroupRule group:
                output.Append(group.Prelude).Append('{');
                foreach (var child in group.Children)
                {
                    Write(output, child);
                }

                output.Append('}');
                return;
        }
    }

    /// <summary>The classes a selector list (or any selector text) requires, unescaped; the ones inside <c>:not()</c> left out.</summary>
    public static IEnumerable<string> RequiredClasses(string selector)
    {
        var text = Strip(selector);
        return ClassName().Matches(text).Select(m => Unescape(m.Groups[1].Value));
    }

    /// <summary>
    /// For each selector of <paramref name="css"/>, the classes it requires (outside <c>:not()</c>); the
    /// dark theme's left out (the design system's script sets it, the public pages have none).
    /// </summary>
    public static List<string[]> SelectorClasses(string css)
    {
        var position = 0;
        return Parse(css, ref position, nested: false).SelectMany(Selectors).SelectMany(s => SplitTopLevel(s))
            .Where(s => !s.Contains("[data-fr-theme=dark]", StringComparison.Ordinal))
            .Select(s => RequiredClasses(s).Distinct(StringComparer.Ordinal).ToArray())
            .Where(c => c.Length > 0)
            .ToList();
    }

    private static IEnumerable<string> Selectors(Node node) => node switch
    {
        StyleRule rule => [rule.Prelude],
        GroupRule group => group.Children.SelectMany(Selectors),
        _ => [],
    };

    private abstract record Node;

    /// <summary>Copied as is: comments kept, <c>@charset</c>, <c>@font-face</c> and other at-rules without nested rules.</summary>
    private sealed record Raw(string Text) : Node;

    private sealed record StyleRule(string Prelude, string Block) : Node;

    private sealed record GroupRule(string Prelude, List<Node> Children) : Node;

    private static Node? Filter(Node node, IReadOnlySet<string> used)
    {
        switch (node)
        {
            case StyleRule rule:
                // The dark theme is the design system script's (data-fr-theme): the public pages have none.
                var kept = SplitTopLevel(rule.Prelude)
                    .Where(s => !s.Contains("[data-fr-theme=dark]", StringComparison.Ordinal) && RequiredClasses(s).All(used.Contains))
                    .ToList();
                return kept.Count == 0 ? null : new StyleRule(string.Join(',', kept), RewriteUrls(rule.Block));
            case GroupRule group:
                var children = group.Children.Select(c => Filter(c, used)).OfType<Node>().ToList();
                return children.Count == 0 ? null : group with { Children = children };
            case Raw raw when raw.Text.StartsWith("@font-face", StringComparison.Ordinal):
                // A font that comes after the first paint is not swapped in (the text would move): the
                // first page of a first visit keeps the fallback font, the next pages have Marianne.
                return new Raw(raw.Text.Replace("font-display:swap", "font-display:optional", StringComparison.Ordinal));
            default:
                return node;
        }
    }

    // The design system's relative addresses (fonts/, icons/) as seen from css/.
    private static string RewriteUrls(string block) =>
        RelativeUrl().Replace(block, m => $"url({m.Groups[1].Value}../lib/dsfr/{m.Groups[2].Value}");

    private static List<Node> Parse(string css, ref int i, bool nested)
    {
        var nodes = new List<Node>();
        while (true)
        {
            while (i < css.Length && char.IsWhiteSpace(css[i]))
            {
                i++;
            }

            if (i >= css.Length)
            {
                if (nested)
                {
                    throw new FormatException("A block is not closed.");
                }

                return nodes;
            }

            if (css[i] == '}')
            {
                if (!nested)
                {
                    throw new FormatException($"Unexpected '}}' at {i}.");
                }

                i++;
                return nodes;
            }

            if (css.AsSpan(i).StartsWith("/*"))
            {
                var end = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                var comment = css[i..(end + 2)];
                // The licence notice stays; the build's markers (/*! media sm */) go.
                if (comment.Contains("License", StringComparison.Ordinal))
                {
                    nodes.Add(new Raw(comment + "\n"));
                }

                i = end + 2;
                continue;
            }

            var start = i;
            var stop = SkipTo(css, ref i, '{', ';');
            var prelude = css[start..i].Trim();
            if (stop == ';')
            {
                i++;
                nodes.Add(new Raw(prelude + ";"));
                continue;
            }

            i++; // '{'
            if (prelude.StartsWith('@') && GroupingRule().IsMatch(prelude))
            {
                nodes.Add(new GroupRule(prelude, Parse(css, ref i, nested: true)));
            }
            else
            {
                var blockStart = i;
                SkipBlock(css, ref i);
                var block = css[blockStart..(i - 1)];
                nodes.Add(prelude.StartsWith('@') ? new Raw($"{prelude}{{{RewriteUrls(block)}}}") : new StyleRule(prelude, block));
            }
        }
    }

    /// <summary>Moves to the first of <paramref name="stops"/> outside strings, brackets and parentheses.</summary>
    private static char SkipTo(string css, ref int i, params char[] stops)
    {
        var depth = 0;
        for (; i < css.Length; i++)
        {
            var c = css[i];
            if (c is '"' or '\'')
            {
                SkipString(css, ref i);
            }
            else if (c == '\\')
            {
                i++;
            }
            else if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']')
            {
                depth--;
            }
            else if (depth == 0 && stops.Contains(c))
            {
                return c;
            }
        }

        throw new FormatException("Unexpected end of the stylesheet.");
    }

    /// <summary>From just inside a block to just past its closing brace.</summary>
    private static void SkipBlock(string css, ref int i)
    {
        var depth = 1;
        for (; i < css.Length; i++)
        {
            var c = css[i];
            if (c is '"' or '\'')
            {
                SkipString(css, ref i);
            }
            else if (c == '\\')
            {
                i++;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                i++;
                return;
            }
        }

        throw new FormatException("A block is not closed.");
    }

    private static void SkipString(string css, ref int i)
    {
        var quote = css[i];
        for (i++; i < css.Length && css[i] != quote; i++)
        {
            if (css[i] == '\\')
            {
                i++;
            }
        }
    }

    /// <summary>The selectors of a list, split at the commas outside parentheses, brackets and strings.</summary>
    public static List<string> SplitTopLevel(string selectorList, char separator = ',')
    {
        var parts = new List<string>();
        var i = 0;
        var start = 0;
        while (i < selectorList.Length)
        {
            try
            {
                SkipTo(selectorList, ref i, separator);
            }
            catch (FormatException)
            {
                break;
            }

            parts.Add(selectorList[start..i]);
            start = ++i;
        }

        parts.Add(selectorList[start..]);
        return parts;
    }

    /// <summary>The selector without strings, attribute selectors and <c>:not()</c> arguments, where a dot is not a class.</summary>
    private static string Strip(string selector)
    {
        var text = new StringBuilder();
        for (var i = 0; i < selector.Length; i++)
        {
            var c = selector[i];
            if (c is '"' or '\'')
            {
                SkipString(selector, ref i);
            }
            else if (c == '\\' && i + 1 < selector.Length)
            {
                text.Append(c).Append(selector[++i]);
            }
            else if (c == '[' || selector.AsSpan(i).StartsWith(":not("))
            {
                var open = selector.IndexOfAny(['[', '('], i);
                i = open;
                var depth = 0;
                for (; i < selector.Length; i++)
                {
                    if (selector[i] is '"' or '\'')
                    {
                        SkipString(selector, ref i);
                    }
                    else if (selector[i] is '[' or '(')
                    {
                        depth++;
                    }
                    else if (selector[i] is ']' or ')' && --depth == 0)
                    {
                        break;
                    }
                }
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static string Unescape(string name) => Regex.Replace(name, @"\\(.)", "$1");

    [GeneratedRegex(@"var\((--[A-Za-z0-9_-]+)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"^@(media|supports|-moz-document|layer|container)\b")]
    private static partial Regex GroupingRule();

    [GeneratedRegex(@"\.((?:[A-Za-z0-9_-]|\\.)+)")]
    private static partial Regex ClassName();

    [GeneratedRegex(@"-?[A-Za-z_][A-Za-z0-9_-]*(?:@[a-z]+)?")]
    private static partial Regex Token();

    [GeneratedRegex(@"url\((['""]?)(?!data:|/|https?:|#|\.\./)([^)'""]+)")]
    private static partial Regex RelativeUrl();
}
