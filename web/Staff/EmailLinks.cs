using Microsoft.Extensions.Options;

namespace VoixUsager.Web.Staff;

/// <summary>
/// Absolute links for emails and posters (QR codes). The address always comes from <c>App:PublicBaseUrl</c>, never from the
/// request: a forged Host header must not put an attacker's site in a password-reset or invitation email.
/// </summary>
public sealed class EmailLinks(LinkGenerator links, IOptions<AppOptions> app)
{
    public string ToPage(string page, object? values = null) =>
        app.Value.Link(links.GetPathByPage(page, handler: null, values: values)
            ?? throw new InvalidOperationException($"No route to the page {page}."));
}
