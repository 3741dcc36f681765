using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

// Survey submission benchmark: starts the web app (Release, demo data) as its own process, plays
// complete submissions (GET the form, POST the answers) with N concurrent clients for a fixed time,
// then measures a trivial endpoint of the same app as the framework's ceiling.
// Usage: dotnet run -c Release --project bench/VoixUsager.Bench -- [clients=32] [seconds=20] [postgres-server]
// Without the third argument the app runs on a SQLite file; with a PostgreSQL connection string
// ("Host=127.0.0.1;Port=5432;Username=postgres") it runs on a database the benchmark creates there and drops.

if (args is ["dashboard", ..])
{
    // The quality team's dashboard over HTTP on the results benchmark's data: see DashboardBench.
    return await DashboardBench.RunAsync(args[1..]);
}

if (args is ["phone", ..])
{
    // The public pages in a phone's browser on a throttled network, and Lighthouse: see PhoneBench.
    return await PhoneBench.RunAsync(args[1..]);
}

var clients = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 32;
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var postgresServer = args.Length > 2 ? args[2] : null;
var warmUp = TimeSpan.FromSeconds(45);
var root = WebProcess.FindRoot();
var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
var webDll = Path.Combine(root, "web", "bin", configuration, "net10.0", "VoixUsager.Web.dll");
var work = Directory.CreateTempSubdirectory("voixusager-bench-");
var databasePath = Path.Combine(work.FullName, "bench.db");
var postgresDatabase = postgresServer is null ? null : "vu_bench_" + Guid.NewGuid().ToString("N")[..12];
var (provider, connectionString) = postgresServer is null
    ? ("Sqlite", $"Data Source={databasePath};Pooling=True;Default Timeout=30")
    : ("Postgres", new NpgsqlConnectionStringBuilder(postgresServer) { Database = postgresDatabase }.ConnectionString);
if (postgresServer is not null)
{
    ExecutePostgres(postgresServer, $"CREATE DATABASE {postgresDatabase}");
}
var port = WebProcess.FreePort();
var baseUrl = $"http://127.0.0.1:{port}";

Console.WriteLine($"VoixUsager survey benchmark — {configuration}, {Environment.ProcessorCount} cores, {clients} clients, {warmUp.TotalSeconds:F0} s warm-up, {seconds} s per phase");
using var web = WebProcess.Start(webDll, provider, connectionString, baseUrl);
try
{
    using var http = new HttpClient(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = clients * 2,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        UseCookies = false,
    })
    { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
    await WebProcess.WaitForHealthAsync(http, web);
    var seeded = CountResponses(databasePath);

    // Warm-up: a long-running server has its hot paths re-jitted at tier 1, its connection pools filled and
    // SQLite's pages cached; measure that server. Under this load on two cores the runtime's tiered
    // compilation (with dynamic PGO: instrumented code first, then optimised) keeps a core about a quarter
    // busy for some 40 seconds (seen with perf: the "Tiered Compilation" thread in libclrjit); a 10-second
    // warm-up measured that transient instead, at half the steady figure.
    await Load.RunAsync(clients, warmUp, () => SubmitAsync(http));
    await Load.RunAsync(clients, TimeSpan.FromSeconds(3), () => TrivialAsync(http));
    var warmed = CountResponses(databasePath);

    var submissions = await Load.RunAsync(clients, TimeSpan.FromSeconds(seconds), () => SubmitAsync(http));
    var stored = CountResponses(databasePath) - warmed;
    var ceiling = await Load.RunAsync(clients, TimeSpan.FromSeconds(seconds), () => TrivialAsync(http));

    Console.WriteLine();
    Console.WriteLine($"data: {(postgresServer is null ? "SQLite file" : "PostgreSQL database")}, demo préfecture, {seeded} seeded responses, default 7-question questionnaire");
    Console.WriteLine($"submissions (GET form + POST answers): {submissions.Accepted} accepted, {submissions.Failed} failed in {submissions.Elapsed.TotalSeconds:F1} s");
    Console.WriteLine($"  accepted per second : {submissions.PerSecond:F0}");
    Console.WriteLine($"  latency p50 / p99   : {submissions.Percentile(50):F1} ms / {submissions.Percentile(99):F1} ms (whole submission)");
    Console.WriteLine($"  stored vs accepted  : {stored} stored, {submissions.Accepted} accepted, {(stored == submissions.Accepted ? "none lost" : $"MISMATCH {stored - submissions.Accepted}")}");
    Console.WriteLine($"trivial endpoint (GET /health/live): {ceiling.PerSecond:F0} requests/s, p50 {ceiling.Percentile(50):F1} ms, p99 {ceiling.Percentile(99):F1} ms");
    Console.WriteLine($"ratio: {submissions.PerSecond / ceiling.PerSecond:P1} of the framework's ceiling in submissions, {2 * submissions.PerSecond / ceiling.PerSecond:P1} in requests");
    Console.WriteLine($"web process peak working set: {WebProcess.PeakMegabytes(web)} MB");
    return stored == submissions.Accepted && submissions.Failed == 0 ? 0 : 1;
}
finally
{
    web.Kill(entireProcessTree: true);
    await web.WaitForExitAsync();
    SqliteConnection.ClearAllPools();
    NpgsqlConnection.ClearAllPools();
    if (postgresServer is not null)
    {
        ExecutePostgres(postgresServer, $"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)");
    }

    work.Delete(recursive: true);
}

static async Task<bool> SubmitAsync(HttpClient http)
{
    var html = await http.GetStringAsync("/avis/drome-valence?canal=qr");
    var form = SurveyFormShape.Of(html);
    var fields = new List<KeyValuePair<string, string>>(form.Questions.Count + 3)
    {
        new("jeton", SurveyFormShape.SubmissionId(html)),
        new("canal", "qr"),
    };
    foreach (var (name, options) in form.Questions)
    {
        fields.Add(new(name, options[Random.Shared.Next(options.Count)]));
    }

    fields.Add(new(form.FreeText, "Mieux signaler les guichets depuis l'entrée."));
    using var response = await http.PostAsync("/avis/drome-valence", new FormUrlEncodedContent(fields));
    return response.StatusCode == HttpStatusCode.SeeOther;
}

static async Task<bool> TrivialAsync(HttpClient http)
{
    using var response = await http.GetAsync("/health/live");
    return response.IsSuccessStatusCode;
}

long CountResponses(string databasePath)
{
    using System.Data.Common.DbConnection connection = postgresServer is null
        ? new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False")
        : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT COUNT(*) FROM \"SurveyResponses\"";
    return Convert.ToInt64(command.ExecuteScalar()!, CultureInfo.InvariantCulture);
}

static void ExecutePostgres(string server, string sql)
{
    using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
    connection.Open();
    using var command = new NpgsqlCommand(sql, connection);
    command.ExecuteNonQuery();
}

/// <summary>
/// The question and option ids are read from the first form served, since they are the same on every
/// form of a campaign; the one-time id is read from each form. This keeps the load generator, which
/// shares the machine's two cores with the server, from spending them on regular expressions.
/// </summary>
internal sealed partial record SurveyFormShape(IReadOnlyList<(string Name, IReadOnlyList<string> Options)> Questions, string FreeText)
{
    private static SurveyFormShape? _shape;

    public static SurveyFormShape Of(string html) => _shape ??= new SurveyFormShape(
        RadioPattern().Matches(html).GroupBy(m => m.Groups[1].Value)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(m => m.Groups[2].Value).ToList())).ToList(),
        TextareaPattern().Match(html).Groups[1].Value);

    public static string SubmissionId(string html)
    {
        const string marker = "name=\"jeton\" value=\"";
        var start = html.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return html.Substring(start, 36);
    }

    [GeneratedRegex("type=\"radio\" id=\"[^\"]+\" name=\"(q\\d+)\" value=\"(\\d+)\"")]
    private static partial Regex RadioPattern();

    [GeneratedRegex("<textarea[^>]*name=\"(q\\d+)\"")]
    private static partial Regex TextareaPattern();
}
