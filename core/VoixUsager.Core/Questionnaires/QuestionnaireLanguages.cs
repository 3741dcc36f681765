using System.Globalization;

namespace VoixUsager.Questionnaires;

/// <summary>
/// The languages a questionnaire can carry. French is every version's own language; any other is a
/// BCP 47 tag, so that teams are not limited to a list chosen here.
/// </summary>
public static class QuestionnaireLanguages
{
    public const string French = "fr";

    /// <summary>Long enough for "zh-hans-cn" and the like; the column length of every language tag.</summary>
    public const int TagMaxLength = 35;

    /// <summary>Scripts written right to left, by language subtag or script subtag.</summary>
    private static readonly HashSet<string> RightToLeft = new(StringComparer.OrdinalIgnoreCase)
    {
        "ar", "fa", "prs", "ps", "he", "ur", "yi", "ku", "ckb", "sd", "ug", "dv", "arab", "hebr", "thaa", "syrc",
    };

    /// <summary>
    /// The tag in the form stored and put in URLs (lower case, hyphens), or null when it is not a
    /// well-formed language tag: 2 to 3 letters, then subtags of 2 to 8 letters or digits.
    /// </summary>
    public static string? Normalise(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag) || tag.Length > TagMaxLength)
        {
            return null;
        }

        var parts = tag.Trim().Replace('_', '-').ToLowerInvariant().Split('-');
        if (parts[0].Length is < 2 or > 3 || !parts[0].All(c => c is >= 'a' and <= 'z'))
        {
            return null;
        }

        return parts.Skip(1).All(p => p.Length is >= 2 and <= 8 && p.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9')))
            ? string.Join('-', parts)
            : null;
    }

    /// <summary>"rtl" for Arabic, Dari, Persian, Hebrew, Urdu and the like, else "ltr".</summary>
    public static string Direction(string tag)
    {
        var parts = tag.Split('-');
        return parts.Any(RightToLeft.Contains) ? "rtl" : "ltr";
    }

    /// <summary>The language's name in itself ("English", "العربية"), as a language selector shows it.</summary>
    public static string NativeName(string tag)
    {
        if (string.Equals(tag, "prs", StringComparison.OrdinalIgnoreCase) || string.Equals(tag, "fa-af", StringComparison.OrdinalIgnoreCase))
        {
            return "دری";
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(tag);
            var name = culture.NativeName;
            return name.Length == 0 || culture.ThreeLetterISOLanguageName == "ivl" ? tag : char.ToUpper(name[0], culture) + name[1..];
        }
        catch (CultureNotFoundException)
        {
            return tag;
        }
    }

    private static readonly Dictionary<string, string> FrenchNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fr"] = "français", ["en"] = "anglais", ["ar"] = "arabe", ["es"] = "espagnol", ["pt"] = "portugais",
        ["ru"] = "russe", ["ro"] = "roumain", ["tr"] = "turc", ["zh"] = "chinois", ["prs"] = "dari", ["fa-af"] = "dari",
        ["fa"] = "persan", ["ps"] = "pachto", ["uk"] = "ukrainien", ["de"] = "allemand", ["it"] = "italien",
        ["ka"] = "géorgien", ["sq"] = "albanais", ["hy"] = "arménien", ["ta"] = "tamoul", ["bn"] = "bengali", ["ur"] = "ourdou",
    };

    /// <summary>The language's name in French ("anglais", "arabe"), as the editor shows it; its own name when not listed.</summary>
    public static string FrenchName(string tag) =>
        FrenchNames.TryGetValue(tag, out var name) || FrenchNames.TryGetValue(tag.Split('-')[0], out name) ? name : NativeName(tag);
}
