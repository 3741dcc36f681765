using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Data;

/// <summary>
/// No SQL Server runs on the development machines or in CI: the whole migration script of the SQL Server
/// migrations project — the one a DBA would run, and the idempotent one a deployment runs again safely —
/// is generated without a connection and parsed by Microsoft's own T-SQL parser.
/// </summary>
[Trait("Category", "Logic")]
public sealed class SqlServerScriptTests
{
    private static string Script(MigrationsSqlGenerationOptions options)
    {
        using var db = SqlServerModelChecker.SqlServerContext();
        return db.GetService<IMigrator>().GenerateScript(fromMigration: null, toMigration: null, options);
    }

    [Theory]
    [InlineData(MigrationsSqlGenerationOptions.Default)]
    [InlineData(MigrationsSqlGenerationOptions.Idempotent)]
    public void The_full_migration_script_parses_as_SQL_Server_2022_T_SQL(MigrationsSqlGenerationOptions options)
    {
        var script = Script(options);

        var parsed = SqlServerScript.Parse(script);

        Assert.True(parsed.Errors.Count == 0, string.Join('\n', parsed.Errors));
        // One batch per migration at least (EF Core ends each with GO): the script was really cut and read.
        using var db = SqlServerModelChecker.SqlServerContext();
        Assert.True(parsed.Batches.Count >= db.Database.GetMigrations().Count(), $"{parsed.Batches.Count} lots pour {db.Database.GetMigrations().Count()} migrations");
    }

    [Theory]
    [InlineData(MigrationsSqlGenerationOptions.Default)]
    [InlineData(MigrationsSqlGenerationOptions.Idempotent)]
    public void The_script_creates_every_table_of_the_model(MigrationsSqlGenerationOptions options)
    {
        var parsed = SqlServerScript.Parse(Script(options));
        using var db = SqlServerModelChecker.SqlServerContext();
        var tables = SqlServerModelChecker.DesignTimeModel(db).GetRelationalModel().Tables
            .Select(t => t.Schema is null ? t.Name : $"{t.Schema}.{t.Name}")
            .Append("__EFMigrationsHistory");

        var created = SqlServerScript.CreatedTables(parsed);

        var missing = tables.Where(t => !created.Contains(t)).ToList();
        Assert.True(missing.Count == 0, "Tables jamais créées par le script : " + string.Join(", ", missing));
    }

    [Fact]
    public void A_syntax_error_in_one_batch_is_reported_with_its_line()
    {
        const string script = "CREATE TABLE [A] ([Id] int NOT NULL);\nGO\n\nCREATE TABLE [B] ([Id] int NOT NULL,, [X] int);\nGO\n";

        var parsed = SqlServerScript.Parse(script);

        Assert.Equal(2, parsed.Batches.Count);
        var error = Assert.Single(parsed.Errors);
        Assert.Contains("lot n° 2, ligne 4 du script", error, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [B]", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_inside_dynamic_sql_is_reported()
    {
        const string script = "IF 1 = 1\nBEGIN\n    EXEC(N'CREATE INDEX [IX] ON [A] ([X]) WHERE [X] IS NOT NULL AND;');\nEND;\nGO\n";

        var parsed = SqlServerScript.Parse(script);

        Assert.Contains(parsed.Errors, e => e.Contains("dans EXEC", StringComparison.Ordinal));
    }

    [Fact]
    public void Batches_are_cut_at_GO_lines_only()
    {
        const string script = "SELECT N'\nGO\n' AS [A]; -- GO\n/* GO */\ngo 2\nSELECT 1 AS [Go];\n  GO  \nSELECT 2;";

        var batches = SqlServerScript.SplitBatches(script);

        Assert.Equal(3, batches.Count);
        Assert.Contains("N'\nGO\n'", batches[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("2", batches[1].Text.Replace("SELECT 1 AS [Go];", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("SELECT 2;", batches[2].Text.Trim());
        Assert.Empty(SqlServerScript.Parse(script).Errors);
    }

    [Fact]
    public void A_statement_that_must_start_its_batch_is_refused_when_the_batches_are_not_cut()
    {
        // CREATE VIEW must be alone in its batch: the proof that batches are parsed apart, as SQL Server runs them.
        Assert.Empty(SqlServerScript.Parse("SELECT 1;\nGO\nCREATE VIEW [V] AS SELECT 1 AS [X];\nGO\n").Errors);
        Assert.NotEmpty(SqlServerScript.Parse("SELECT 1;\nCREATE VIEW [V] AS SELECT 1 AS [X];\nGO\n").Errors);
    }
}
