using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace VoixUsager.Data;

public static class DatabaseRegistration
{
    public static string MigrationsAssembly(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "VoixUsager.Migrations.Sqlite",
        DatabaseProvider.SqlServer => "VoixUsager.Migrations.SqlServer",
        DatabaseProvider.Postgres => "VoixUsager.Migrations.Postgres",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>Registers <see cref="AppDbContext"/> on the provider named by configuration.</summary>
    public static IServiceCollection AddVoixUsagerDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Provider == DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString est obligatoire pour SQL Server et PostgreSQL.")
            .ValidateOnStart();

        services.AddDbContextPool<AppDbContext>((sp, builder) =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var environment = sp.GetRequiredService<IHostEnvironment>();
            Configure(builder, options.Provider, ResolveConnectionString(options, environment.ContentRootPath));
        });
        return services;
    }

    /// <summary>Shared by the application, the design-time factories and the tests, so all agree on the model.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        var migrations = MigrationsAssembly(provider);
        return provider switch
        {
            DatabaseProvider.Sqlite => builder
                .UseSqlite(connectionString, o => o.MigrationsAssembly(migrations))
                .AddInterceptors(SqliteConnectionTuning.Instance),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(migrations)),
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(migrations)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
    }

    public static string ResolveConnectionString(DatabaseOptions options, string contentRoot)
    {
        if (options.Provider == DatabaseProvider.Postgres)
        {
            return PostgresConnectionString(options.ConnectionString!);
        }

        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return options.ConnectionString!;
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        var directory = Path.GetFullPath(Path.Combine(contentRoot, options.DataDirectory));
        Directory.CreateDirectory(directory);
        return SqliteConnectionString(Path.Combine(directory, "voixusager.db"));
    }

    /// <summary>Statements a PostgreSQL connection prepares once it has sent them twice, unless the connection string says otherwise.</summary>
    public const int PostgresAutoPreparedStatements = 64;

    /// <summary>
    /// The configured PostgreSQL connection string, with Npgsql's automatic preparation turned on unless it
    /// names it. The application sends the same few statements again and again (a survey response is
    /// nine INSERTs); prepared, the server parses and plans each once per connection instead of every time,
    /// which took the survey benchmark from about 750 to about 1,000 submissions a second on PostgreSQL.
    /// A connection string can still set "Max Auto Prepare=0", for a pooler in transaction mode that does
    /// not carry prepared statements (PgBouncer before 1.21).
    /// </summary>
    public static string PostgresConnectionString(string configured)
    {
        var named = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured };
        if (named.ContainsKey("Max Auto Prepare") || named.ContainsKey("MaxAutoPrepare"))
        {
            return configured;
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(configured) { MaxAutoPrepare = PostgresAutoPreparedStatements, AutoPrepareMinUsages = 2 }.ConnectionString;
    }

    public static string SqliteConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Pooling = true,
        // Microsoft.Data.Sqlite retries a locked database for this many seconds before giving up.
        DefaultTimeout = 30,
    }.ToString();
}
