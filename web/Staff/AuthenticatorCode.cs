namespace VoixUsager.Web.Staff;

/// <summary>The 6-digit code an authenticator app shows, as people type it (with spaces or a dash).</summary>
public static class AuthenticatorCode
{
    public const string Invalid = "Saisissez les 6 chiffres affichés par votre application d’authentification.";

    public static bool TryNormalise(string? typed, out string code)
    {
        code = (typed ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return code.Length == 6 && code.All(char.IsAsciiDigit);
    }
}
