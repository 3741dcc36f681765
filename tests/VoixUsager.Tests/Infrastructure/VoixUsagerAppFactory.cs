using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Data;

namespace VoixUsager.Tests.Infrastructure;

/// <summary>
/// The real web application on a real database of its own (a SQLite file, or a PostgreSQL database when
/// the run asks for it: see <see cref="TestDatabase"/>), migrated at start-up exactly as in production.
/// Each instance owns a fresh database, deleted on dispose.
/// </summary>
public class VoixUsagerAppFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "voixusager-tests", Guid.NewGuid().ToString("N"));

    static VoixUsagerAppFactory()
    {
        // Every test application watches its content and web roots; dozens alive at once in one test
        // process (and several test processes on one machine) exhaust the user's 128 inotify
        // instances and fail a page render. Polling watchers use none.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public VoixUsagerAppFactory()
    {
        Directory.CreateDirectory(_directory);
        DatabasePath = Path.Combine(_directory, "voixusager.db");
        EmailDirectory = Path.Combine(_directory, "emails");
        Provider = TestDatabase.Provider;
        ConnectionString = Provider == DatabaseProvider.Postgres
            ? PostgresTestDatabases.Create()
            : DatabaseRegistration.SqliteConnectionString(DatabasePath);
        _ownsDatabase = Provider == DatabaseProvider.Postgres;
    }

    /// <summary>The application on a database the test made itself (and drops itself), whatever the run's provider.</summary>
    protected VoixUsagerAppFactory(DatabaseProvider provider, string connectionString)
    {
        Directory.CreateDirectory(_directory);
        DatabasePath = Path.Combine(_directory, "voixusager.db");
        EmailDirectory = Path.Combine(_directory, "emails");
        Provider = provider;
        ConnectionString = connectionString;
    }

    private readonly bool _ownsDatabase;

    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite file (only meaningful when <see cref="Provider"/> is SQLite).</summary>
    public string DatabasePath { get; }

    public string ConnectionString { get; }

    /// <summary>A connection outside EF Core, for tests that read what is really stored.</summary>
    public System.Data.Common.DbConnection OpenRawConnection()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        return PostgresTestDatabases.OpenRaw(Provider, ConnectionString);
    }

    /// <summary>
    /// Takes the database away from under the running app, as an outage would, until
    /// <see cref="RestoreDatabase"/>: the SQLite file's folder is moved away; PostgreSQL refuses new
    /// connections to the database and ends the open ones.
    /// </summary>
    public void BreakDatabase()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            PostgresTestDatabases.SetAvailable(ConnectionString, available: false);
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Move(_directory, _directory + "-hors-service");
        }

        _broken = true;
    }

    public void RestoreDatabase()
    {
        if (!_broken)
        {
            return;
        }

        if (Provider == DatabaseProvider.Postgres)
        {
            PostgresTestDatabases.SetAvailable(ConnectionString, available: true);
        }
        else
        {
            Directory.Move(_directory + "-hors-service", _directory);
        }

        _broken = false;
    }

    private bool _broken;

    /// <summary>Where the app writes its emails as .eml files (no SMTP host is configured in tests).</summary>
    public string EmailDirectory { get; }

    public IReadOnlyList<MimeKit.MimeMessage> Emails() =>
        Directory.Exists(EmailDirectory)
            ? Directory.GetFiles(EmailDirectory, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeKit.MimeMessage.Load(f)).ToList()
            : [];

    /// <summary>High by default so that tests posting many forms are not limited; the rate-limit test lowers it.</summary>
    public int SurveyPermitLimit { get; init; } = 100_000;

    public long MaxRequestBodyBytes { get; init; } = 64 * 1024;

    /// <summary>When set, the app sends its emails to this SMTP port on loopback instead of writing .eml files.</summary>
    public int? SmtpPort { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // The build's compressed copies of the static files live outside wwwroot until publish; this maps
        // them in, as Development does on its own, so tests see what a published app serves.
        builder.UseStaticWebAssets();
        // A build's (not a publish's) manifest is served with caching turned off, for edits to show at
        // once; the published app caches fingerprinted files as immutable, and so do the tests.
        builder.UseSetting("EnableStaticAssetsDevelopmentCaching", "true");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Email:PickupDirectory", EmailDirectory);
        builder.UseSetting("Email:Smtp:Host", SmtpPort is null ? "" : "127.0.0.1");
        if (SmtpPort is { } port)
        {
            builder.UseSetting("Email:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Email:Smtp:Security", "None");
            builder.UseSetting("Email:Smtp:TimeoutSeconds", "10");
        }

        builder.UseSetting("Jobs:WorkerCount", "1");
        builder.UseSetting("Jobs:RunServerInWeb", "false");
        builder.UseSetting("SurveyRateLimit:PermitLimit", SurveyPermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("SurveyRateLimit:WindowSeconds", "60");
        builder.UseSetting("RequestLimits:MaxRequestBodyBytes", MaxRequestBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await action(db);
    }

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            RestoreDatabase();
            if (_ownsDatabase)
            {
                PostgresTestDatabases.Drop(ConnectionString);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the OS is left in the temp folder rather than failing the test.
            }
        }
    }
}
