using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using VoixUsager.Data;

namespace VoixUsager.Migrations.SqlServer;

/// <summary>
/// Used by 'dotnet ef' only. Creating a migration never connects, so the connection string is a
/// placeholder; it can be overridden with VOIXUSAGER_DESIGN_CONNECTION to run 'database update'.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("VOIXUSAGER_DESIGN_CONNECTION")
            ?? "Server=localhost;Database=VoixUsager;Trusted_Connection=True;TrustServerCertificate=True";
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseRegistration.Configure(builder, DatabaseProvider.SqlServer, connectionString);
        return new AppDbContext(builder.Options);
    }
}
