using Microsoft.AspNetCore.Identity;
using VoixUsager.Accounts;

namespace VoixUsager.Web.Staff;

public static class RoleSeeder
{
    /// <summary>The three roles exist in every database; accounts are created only by invitation (or the demo).</summary>
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
