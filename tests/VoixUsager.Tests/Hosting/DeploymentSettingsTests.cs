using System.Net;
using System.Net.Sockets;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VoixUsager.Data;
using VoixUsager.Jobs;
using VoixUsager.Tests.Infrastructure;
using VoixUsager.Web.Hosting;

namespace VoixUsager.Tests.Hosting;

/// <summary>
/// The settings the compose file, the Dockerfiles, the appsettings files and the READMEs name are the
/// ones the application reads; the Hangfire storage and the data-protection keys use the application's
/// database as documented. No container and no SQL Server is started.
/// </summary>
[Trait("Category", "Logic")]
public sealed class DeploymentSettingsTests
{
    private static readonly string Root = SettingNames.RepositoryRoot();

    private static string Read(string path) => File.ReadAllText(Path.Combine(Root, path));

    public static TheoryData<string> Files() =>
    [
        "infra/compose.yaml", "infra/web.Dockerfile", "infra/worker.Dockerfile", "infra/README.md", "README.md",
        "web/appsettings.json", "web/appsettings.Production.json", "web/appsettings.Development.json", "worker/appsettings.json",
    ];

    private static List<string> SettingsOf(string path) => Path.GetFileName(path) switch
    {
        "compose.yaml" => SettingNames.ComposeApplicationVariables(Read(path)),
        var name when name.EndsWith(".Dockerfile", StringComparison.Ordinal) => SettingNames.DockerfileVariables(Read(path)),
        var name when name.EndsWith(".json", StringComparison.Ordinal) => SettingNames.JsonSettings(Read(path)),
        _ => SettingNames.DocumentedSettings(Read(path)),
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_setting_a_deployment_file_names_binds_to_an_options_property(string path)
    {
        if (!File.Exists(Path.Combine(Root, path)))
        {
            Assert.Fail($"{path} est introuvable : retirez-le de la liste ou rétablissez-le.");
        }

        var sections = SettingNames.BoundOptions();
        var settings = SettingsOf(path);

        var problems = settings.Distinct().Select(s => SettingNames.Problem(s, sections)).OfType<string>().ToList();

        Assert.NotEmpty(settings);
        Assert.True(problems.Count == 0, $"{path}:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void The_compose_file_sets_the_settings_production_needs()
    {
        var variables = SettingNames.ComposeApplicationVariables(Read("infra/compose.yaml"));

        Assert.Contains("Database__Provider", variables);
        Assert.Contains("Database__ConnectionString", variables);
        Assert.Contains("App__PublicBaseUrl", variables);
        Assert.Contains("Email__Smtp__Host", variables);
        // The services' own variables are not taken for the application's.
        Assert.DoesNotContain("MSSQL_SA_PASSWORD", variables);
        Assert.DoesNotContain("MP_SMTP_TLS_CERT", variables);
    }

    [Fact]
    public void Every_options_class_the_deployment_documents_is_found_bound()
    {
        var sections = SettingNames.BoundOptions();

        foreach (var section in new[] { "Database", "App", "Email", "Jobs", "Retention", "Results", "SurveyRateLimit", "RequestLimits", "ReverseProxy", "Demo", "Bootstrap" })
        {
            Assert.True(sections.ContainsKey(section), $"No options class bound to {section}; found: {string.Join(", ", sections.Keys)}");
        }
    }

    [Theory]
    [InlineData("Database__Provder")]
    [InlineData("Email__Smtp__Hots")]
    [InlineData("ConnectionStrings__Default")]
    [InlineData("Jobs__WorkerCount__Extra")]
    [InlineData("Email__Smtp")]
    [InlineData("ReverseProxy__KnownNetworks__first")]
    [InlineData("Database:ConectionString")]
    public void A_misspelt_or_unknown_setting_is_reported(string setting) =>
        Assert.NotNull(SettingNames.Problem(setting, SettingNames.BoundOptions()));

    [Theory]
    [InlineData("Database__Provider")]
    [InlineData("database__connectionstring")]
    [InlineData("Email__Smtp__Host")]
    [InlineData("ReverseProxy__KnownNetworks__0")]
    [InlineData("Jobs:WorkerCount")]
    [InlineData("AllowedHosts")]
    public void A_setting_the_application_reads_is_accepted(string setting) =>
        Assert.Null(SettingNames.Problem(setting, SettingNames.BoundOptions()));

    [Fact]
    public void Readers_find_settings_where_they_are_written()
    {
        const string compose = "x-app-environment: &app\n  Database__Provider: SqlServer\n  # Jobs__Nope: 1\nservices:\n  sql:\n    environment:\n      ACCEPT_EULA: \"Y\"\n  web:\n    environment:\n      <<: *app\n      Demo__Seed: false\n    ports:\n      - \"8080:8080\"\n  worker:\n    environment:\n      Jobs__WorkerCount: 2\n";
        Assert.Equal(["Database__Provider", "Demo__Seed", "Jobs__WorkerCount"], SettingNames.ComposeApplicationVariables(compose));

        Assert.Equal(["A", "B", "C"], SettingNames.DockerfileVariables("FROM x\nENV A=1 \\\n    B=2\nRUN echo D=3\nENV C=4\n"));

        Assert.Equal(
            ["Email__Smtp__Port", "Jobs:WorkerCount", "Jobs:PollSeconds", "Email:Smtp:Host"],
            SettingNames.DocumentedSettings("Set `Email__Smtp__Port`.\n| `Jobs:WorkerCount` / `PollSeconds` | 4 | see `Email:Smtp:Host`, `Sqlite` |\n"));
    }

    /// <summary>A web configured for SQL Server, built but never started: registering connects to nothing but the closed port below.</summary>
    private static (WebApplication App, string ConnectionString) SqlServerWeb()
    {
        // A loopback port nobody listens on: Hangfire's storage tries to prepare its schema when it is
        // created, fails at once, and is built all the same.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var connectionString = $"Server=127.0.0.1,{port};Database=VoixUsagerVerification;User Id=voixusager;Password=x;TrustServerCertificate=True;Connect Timeout=1;Pooling=false";

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = Path.GetTempPath() });
        builder.Configuration["Database:Provider"] = "SqlServer";
        builder.Configuration["Database:ConnectionString"] = connectionString;
        builder.AddVoixUsagerWeb();
        return (builder.Build(), connectionString);
    }

    [Fact]
    public async Task Hangfire_and_the_data_protection_keys_use_the_application_database_as_documented()
    {
        var (app, connectionString) = SqlServerWeb();
        await using var _ = app;
        var expected = new SqlConnectionStringBuilder(connectionString);
        string keysTable;

        // The application's tables, the data-protection keys among them, on the configured database.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.True(db.Database.IsSqlServer());
            var used = new SqlConnectionStringBuilder(db.Database.GetConnectionString());
            Assert.Equal((expected.DataSource, expected.InitialCatalog, expected.UserID), (used.DataSource, used.InitialCatalog, used.UserID));
            var keys = db.Model.FindEntityType(typeof(DataProtectionKeyRecord))!;
            keysTable = keys.GetTableName()!;
            // The default schema (dbo): the key table is one of the application's, created by its migrations.
            Assert.Null(keys.GetSchema());
        }

        // Data protection reads and writes its key ring through that context.
        Assert.IsType<DatabaseXmlRepository>(app.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);

        // Hangfire's storage on the same server and database, in its own schema.
        var storage = app.Services.GetRequiredService<JobStorage>();
        Assert.IsType<Hangfire.SqlServer.SqlServerStorage>(storage);
        Assert.Equal($"SQL Server: {expected.DataSource}@{expected.InitialCatalog}", storage.ToString());
        Assert.Equal(HangfireRegistration.Schema, HangfireRegistration.SqlServerOptions(new JobsOptions()).SchemaName);

        // What the READMEs say about it is what the code does.
        var readme = Read("README.md");
        var infra = Read("infra/README.md");
        Assert.Contains($"schema `{HangfireRegistration.Schema}`", readme, StringComparison.Ordinal);
        Assert.Contains($"schema `{HangfireRegistration.Schema}`", infra, StringComparison.Ordinal);
        Assert.Contains($"table `{keysTable}`", infra, StringComparison.Ordinal);
    }
}
