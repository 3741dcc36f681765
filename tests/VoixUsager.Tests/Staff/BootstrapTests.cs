using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Accounts;
using VoixUsager.Tests.Infrastructure;
using VoixUsager.Web.Staff;

namespace VoixUsager.Tests.Staff;

public sealed class BootstrapTests
{
    private sealed class FreshProductionApp : VoixUsagerAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Bootstrap:AdministratorEmail", "premier@interieur.test");
        }
    }

    [Fact]
    public async Task Empty_database_gets_one_invitation_for_the_first_administrator_and_only_one()
    {
        using var app = new FreshProductionApp();
        _ = app.Server;

        var invitations = await app.WithDbAsync(db => db.Invitations.ToListAsync());
        var invitation = Assert.Single(invitations);
        Assert.Equal(("premier@interieur.test", Roles.Administrateur, (int?)null), (invitation.Email, invitation.Role, invitation.PrefectureId));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await AdministratorBootstrap.EnsureFirstAdministratorAsync(scope.ServiceProvider);
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.Invitations.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task No_invitation_once_an_administrator_exists()
    {
        using var app = new FreshProductionApp();
        await StaffTestData.SeedAsync(app);
        await app.WithDbAsync(async db =>
        {
            db.Invitations.RemoveRange(db.Invitations);
            return await db.SaveChangesAsync();
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await AdministratorBootstrap.EnsureFirstAdministratorAsync(scope.ServiceProvider);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.Invitations.CountAsync()));
    }
}
