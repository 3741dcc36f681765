using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Diagnostics;

namespace VoixUsager.Web.Hosting;

/// <summary>
/// A session whose security stamp could not be checked because the database is down is never served a
/// page: its request fails with the outage, which the exception handler turns into the French 503 page.
/// </summary>
public static class SessionCheck
{
    private static readonly object Key = new();

    public static void MarkUnverified(HttpContext context, Exception outage) => context.Items[Key] = ExceptionDispatchInfo.Capture(outage);

    /// <summary>After authentication: rethrows the outage met while checking the session, except while the error page is rendered for it.</summary>
    public static IApplicationBuilder UseSessionCheck(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Items[Key] is ExceptionDispatchInfo outage && context.Features.Get<IExceptionHandlerFeature>() is null)
        {
            outage.Throw();
        }

        return next(context);
    });
}
