namespace VoixUsager.Web.Hosting;

/// <summary>Bound from the <c>ReverseProxy</c> section.</summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>
    /// Networks of the load balancers in front of the web (CIDR, e.g. "10.0.0.0/24"), whose
    /// X-Forwarded-For and X-Forwarded-Proto are believed. Without it, every usager behind the balancer
    /// would share one rate-limit bucket and the session cookie would not know the request was HTTPS.
    /// </summary>
    public List<string> KnownNetworks { get; set; } = [];
}
