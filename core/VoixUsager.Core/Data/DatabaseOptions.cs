using System.ComponentModel.DataAnnotations;

namespace VoixUsager.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    Postgres,
}

/// <summary>Bound from the <c>Database</c> section.</summary>
public class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// For SQL Server and PostgreSQL, the server's connection string. For SQLite it may be left empty:
    /// the database is then a file in <see cref="DataDirectory"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the embedded SQLite file lives, relative to the content root unless absolute.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";
}
