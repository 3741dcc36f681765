namespace VoixUsager.Web.Hosting;

public static partial class SecurityHeaders
{
    // No inline script anywhere, and no inline style but the public pages' stylesheets (PublicStylesheets),
    // allowed by their hash. data: images are needed by the DSFR stylesheet's embedded icons.
    private static string ContentSecurityPolicy(string publicStylesheetsHash) =>
        $"default-src 'self'; script-src 'self'; style-src 'self' {publicStylesheetsHash}; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // Hangfire's dashboard, for administrators only, writes inline scripts and styles it cannot do without.
    private const string DashboardContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Headers for a document shown in a sandboxed frame of our own pages (the CLU summary preview): it
    /// may be framed by the site alone, runs no script, loads nothing but its own data: images, and
    /// may use the inline styles it carries, each allowed by its hash, and no other.
    /// </summary>
    public static void ForFramedDocument(HttpResponse response, string html)
    {
        var styles = StyleAttribute().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))
            .Concat(StyleElement().Matches(html).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .Select(style => $"'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style)))}'")
            .ToList();
        var styleSource = styles.Count == 0 ? "'none'" : "'unsafe-hashes' " + string.Join(' ', styles);
        response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; style-src {styleSource}; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";
        response.Headers.XFrameOptions = "SAMEORIGIN";
        response.Headers.CacheControl = "no-store";
    }

    [System.Text.RegularExpressions.GeneratedRegex("\\sstyle=\"([^\"]*)\"")]
    private static partial System.Text.RegularExpressions.Regex StyleAttribute();

    [System.Text.RegularExpressions.GeneratedRegex("<style[^>]*>(.*?)</style>", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex StyleElement();

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/hangfire") ? DashboardContentSecurityPolicy
            : ContentSecurityPolicy(context.RequestServices.GetRequiredService<PublicStylesheets>().For(context.Request.PathBase).HashSource);
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    });
}
