namespace VoixUsager.Web.Hosting;

/// <summary>
/// Hangfire's dashboard reads a form from its statistics endpoint and its batch commands whatever the
/// request is: a GET, or a POST that is not a form, made it throw (500). Such requests get the status
/// that says what is wrong with them instead; the dashboard's own requests are form POSTs and pass.
/// </summary>
public static class HangfireDashboardGuard
{
    public const string PathPrefix = "/hangfire";

    public static IApplicationBuilder UseHangfireDashboardGuard(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments(PathPrefix, out var rest))
        {
            return next(context);
        }

        if (rest.Equals("/stats", StringComparison.OrdinalIgnoreCase) && !HttpMethods.IsPost(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = HttpMethods.Post;
            return Task.CompletedTask;
        }

        if (HttpMethods.IsPost(request.Method) && !request.HasFormContentType)
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return Task.CompletedTask;
        }

        return next(context);
    });
}
