using System.Text.RegularExpressions;

namespace VoixUsager.Results;

/// <summary>
/// Masks e-mail addresses and phone numbers in usagers' free-text suggestions before anyone reads them:
/// usagers often leave their contact details hoping to be called back, and the agents who read results
/// must not receive personal data the survey never asked for.
/// </summary>
/// <remarks>
/// Phone numbers are recognised by their shape, not by a loose "ten digits" rule, so that years, postcodes,
/// opening hours, prices and dates stay readable. A national number is 0, a digit from 1 to 9, then eight
/// digits, written in one block, as pairs each preceded by one space, dot or hyphen, or as 4-2-2-2 the way
/// overseas mobiles are often written (0692 12 34 56). An international one starts with +33, 0033 or an
/// overseas code (+262, +590, +594, +596), optionally followed by (0) or a stray 0, then nine digits however
/// grouped. Other countries' numbers (+41 22 123 45 67) are masked too, since préfectures receive many
/// foreign usagers. Requiring pairs is what keeps "le 03 12 2025 10 h" from being taken for a number.
/// </remarks>
public static partial class PersonalDataMasker
{
    public const string MaskedEmail = "[adresse masquée]";
    public const string MaskedPhone = "[téléphone masqué]";

    /// <summary>What replaces the whole text if the check takes too long: better lost than leaked.</summary>
    public const string Unverifiable = "[texte masqué : il n'a pas pu être vérifié]";

    private const int TimeoutMilliseconds = 1000;

    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            // E-mails first: "0612345678@orange.fr" is an address, not a phone number followed by text.
            var masked = Email().Replace(text, MaskedEmail);
            masked = InternationalPhone().Replace(masked, MaskedPhone);
            return NationalPhone().Replace(masked, MaskedPhone);
        }
        catch (RegexMatchTimeoutException)
        {
            return Unverifiable;
        }
    }

    // The local part may not start right after another address character, so that each run of such
    // characters is tried once: without it a long run with no "@" would be rescanned from every position.
    // "[at]", "(at)" and "arobase" catch addresses written to dodge spam robots; a bare "at" is left
    // alone, as it would also match English phrases.
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-]+(?:@|\s?[\[(]at[\])]\s?|\s?\(?arobase\)?\s?)(?:[\p{L}\p{N}\-]+\.)+\p{L}{2,}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeoutMilliseconds)]
    private static partial Regex Email();

    // Separators: space, no-break space, narrow no-break space, dot, hyphen. Other countries' numbers
    // need the "+": a bare "00" followed by digits is as likely to be a file number.
    [GeneratedRegex(
        @"(?<![\d+])(?:(?:\+|00)(?:33|262|590|594|596)[ \u00A0\u202F.\-]?(?:(?:\(0\)|0)[ \u00A0\u202F.\-]?)?[1-9](?:[ \u00A0\u202F.\-]?\d){8}|\+[1-9]\d{0,2}[ \u00A0\u202F.\-]?(?:\(0\)[ \u00A0\u202F.\-]?)?\d(?:[ \u00A0\u202F.\-]?\d){7,11})(?!\d)",
        RegexOptions.CultureInvariant,
        TimeoutMilliseconds)]
    private static partial Regex InternationalPhone();

    [GeneratedRegex(
        @"(?<!\d)0[1-9](?:\d{8}|(?:[ \u00A0\u202F.\-]\d\d){4}|\d\d(?:[ \u00A0\u202F.\-]\d\d){3})(?!\d)",
        RegexOptions.CultureInvariant,
        TimeoutMilliseconds)]
    private static partial Regex NationalPhone();
}
