using Npgsql;
using VoixUsager.Data;

namespace VoixUsager.Tests.Data;

/// <summary>The PostgreSQL connection string the application uses: automatic preparation on unless the configuration names it.</summary>
public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void Automatic_preparation_is_added_to_a_connection_string_that_does_not_name_it()
    {
        var resolved = new NpgsqlConnectionStringBuilder(DatabaseRegistration.ResolveConnectionString(
            new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=db.interne;Port=5432;Username=voixusager;Password=s3cret;Database=voixusager" }, "/"));

        Assert.Equal(DatabaseRegistration.PostgresAutoPreparedStatements, resolved.MaxAutoPrepare);
        Assert.Equal(2, resolved.AutoPrepareMinUsages);
        Assert.Equal("db.interne", resolved.Host);
        Assert.Equal("s3cret", resolved.Password);
        Assert.Equal("voixusager", resolved.Database);
    }

    [Theory]
    [InlineData("Host=db;Username=u;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Username=u;MaxAutoPrepare=10", 10)]
    [InlineData("Host=db;Username=u;max auto prepare=5", 5)]
    public void A_connection_string_that_names_it_is_kept_as_written(string configured, int expected)
    {
        Assert.Equal(configured, DatabaseRegistration.PostgresConnectionString(configured));
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DatabaseRegistration.PostgresConnectionString(configured)).MaxAutoPrepare);
    }
}
