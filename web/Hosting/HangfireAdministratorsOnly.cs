using Hangfire.Dashboard;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Hosting;

/// <summary>The Hangfire dashboard shows job arguments and errors: national administrators only, second factor proven.</summary>
public sealed class HangfireAdministratorsOnly : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => TwoFactorRequirement.IsProvenAdministrator(context.GetHttpContext().User);
}
