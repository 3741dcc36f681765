namespace VoixUsager.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server that infra/test.sh starts on loopback for the run. A test that needs it fails
/// (rather than skips) without it, so a green run always means PostgreSQL was really exercised.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "VOIXUSAGER_TEST_POSTGRES";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: run the tests with infra/test.sh, which starts PostgreSQL.");
}
