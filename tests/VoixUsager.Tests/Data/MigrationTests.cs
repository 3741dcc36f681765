using Microsoft.EntityFrameworkCore;
using Npgsql;
using VoixUsager.Data;
using VoixUsager.Questionnaires;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Data;

[Trait("Category", "OwnDatabase")]
public class MigrationTests
{
    private static AppDbContext CreateContext(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseRegistration.Configure(builder, provider, connectionString);
        return new AppDbContext(builder.Options);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.SqlServer, "Server=localhost;Database=voixusager;Trusted_Connection=True")]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=voixusager")]
    public void No_provider_has_pending_model_changes(DatabaseProvider provider, string connectionString)
    {
        using var db = CreateContext(provider, connectionString);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes that no {provider} migration captures: run infra/add-migration.sh <Name>.");
    }

    [Fact]
    public void Every_provider_has_the_same_migrations()
    {
        string[] Names(DatabaseProvider provider, string cs)
        {
            using var db = CreateContext(provider, cs);
            return db.Database.GetMigrations().Select(m => m[15..]).ToArray();
        }

        var sqlite = Names(DatabaseProvider.Sqlite, "Data Source=:memory:");
        Assert.Equal(sqlite, Names(DatabaseProvider.SqlServer, "Server=localhost;Database=x"));
        Assert.Equal(sqlite, Names(DatabaseProvider.Postgres, "Host=localhost;Database=x"));
    }

    [Fact]
    public async Task Sqlite_database_is_migrated_at_start_up_in_wal_mode()
    {
        using var app = new VoixUsagerAppFactory();
        _ = app.Server;

        var (journalMode, pending, questionnaires) = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            var mode = (string)(await command.ExecuteScalarAsync())!;
            return (mode, (await db.Database.GetPendingMigrationsAsync()).Count(), await db.QuestionnaireVersions.CountAsync(v => v.Key == DefaultQuestionnaire.Key));
        });

        Assert.Equal("wal", journalMode);
        Assert.Equal(0, pending);
        Assert.Equal(1, questionnaires);
    }

    [Fact]
    public async Task Postgres_migrations_apply_to_a_real_server()
    {
        var server = PostgresServer.ConnectionString;
        var database = "voixusager_migrations_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false }.ConnectionString;
            await using (var db = CreateContext(DatabaseProvider.Postgres, connectionString))
            {
                await db.Database.MigrateAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());

                // The schema works, not only exists: the default questionnaire round-trips.
                var version = await DefaultQuestionnaire.EnsureCreatedAsync(db, TimeProvider.System);
                db.ChangeTracker.Clear();
                var questions = await db.Questions.Where(q => q.QuestionnaireVersionId == version.Id).Include(q => q.Options).ToListAsync();
                Assert.Equal(7, questions.Count);
                Assert.Equal(5, questions.Single(q => q.Code == DefaultQuestionnaire.Codes.SatisfactionGlobale).Options.Count);
            }
        }
        finally
        {
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
