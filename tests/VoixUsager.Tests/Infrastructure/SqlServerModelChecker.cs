using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using VoixUsager.Data;

namespace VoixUsager.Tests.Infrastructure;

/// <summary>
/// What SQL Server refuses (or accepts with a warning and then fails on at insert time) that SQLite and
/// PostgreSQL accept, computed from the model of the SQL Server provider, without a server. Used by the
/// test of the real model and by the tests that feed it deliberately bad models, so both run the same code.
/// </summary>
public static partial class SqlServerModelChecker
{
    /// <summary>SQL Server's limits on an index key (since SQL Server 2016).</summary>
    public const int ClusteredKeyMaxBytes = 900;

    public const int NonclusteredKeyMaxBytes = 1700;

    /// <summary>The model as migrations see it: every annotation, and the relational model with store types.</summary>
    public static IModel DesignTimeModel(DbContext db) => db.GetService<IDesignTimeModel>().Model;

    /// <summary>The application's model on the SQL Server provider, as its migrations project builds it.</summary>
    public static AppDbContext SqlServerContext()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        // Never opened: building the model and generating scripts need no connection.
        DatabaseRegistration.Configure(builder, DatabaseProvider.SqlServer, "Server=localhost;Database=VoixUsager;Trusted_Connection=True;TrustServerCertificate=True");
        return new AppDbContext(builder.Options);
    }

    /// <summary>Every problem of the kinds below, text lengths apart (they need the list of exceptions).</summary>
    public static List<string> Check(IModel model) =>
        [.. CascadePaths(model), .. IndexKeySizes(model), .. ForeignKeyTypes(model)];

    /// <summary>
    /// The SQL Server migrations in order, each with the schema before it (the previous migration's target
    /// model) and its operations, for <see cref="ColumnsAlteredUnderKeys"/>.
    /// </summary>
    public static List<(string Migration, IRelationalModel? Before, IReadOnlyList<MigrationOperation> Operations)> Migrations(DbContext db)
    {
        var assembly = db.GetService<IMigrationsAssembly>();
        var initializer = db.GetService<IModelRuntimeInitializer>();
        var steps = new List<(string, IRelationalModel?, IReadOnlyList<MigrationOperation>)>();
        IRelationalModel? before = null;
        foreach (var (id, type) in assembly.Migrations.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var migration = assembly.CreateMigration(type, db.Database.ProviderName!);
            steps.Add((id, before, migration.UpOperations));
            before = initializer.Initialize(migration.TargetModel!, designTime: true, validationLogger: null).GetRelationalModel();
        }

        return steps;
    }

    /// <summary>
    /// SQL Server refuses to ALTER COLUMN a column that a primary key, an alternate key or a foreign key
    /// (on either side) depends on, and EF Core's SQL Server migrations rebuild only the indexes around
    /// such a change: each of those constraints must be dropped earlier in the same migration.
    /// </summary>
    public static List<string> ColumnsAlteredUnderKeys(IEnumerable<(string Migration, IRelationalModel? Before, IReadOnlyList<MigrationOperation> Operations)> migrations)
    {
        var found = new List<string>();
        foreach (var (migration, before, operations) in migrations)
        {
            var dropped = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var operation in operations)
            {
                switch (operation)
                {
                    case DropPrimaryKeyOperation drop:
                        dropped.Add($"{drop.Table}.{drop.Name}");
                        break;
                    case DropUniqueConstraintOperation drop:
                        dropped.Add($"{drop.Table}.{drop.Name}");
                        break;
                    case DropForeignKeyOperation drop:
                        dropped.Add($"{drop.Table}.{drop.Name}");
                        break;
                    case AlterColumnOperation alter when before is not null && ChangesDefinition(alter)
                                                         && before.FindTable(alter.Table, alter.Schema)?.FindColumn(alter.Name) is { } column:
                        var table = column.Table;
                        var dependants = table.UniqueConstraints.Where(k => k.Columns.Contains(column)).Select(k => (Table: table.Name, k.Name))
                            .Concat(table.ForeignKeyConstraints.Where(fk => fk.Columns.Contains(column)).Select(fk => (Table: table.Name, fk.Name)))
                            .Concat(table.ReferencingForeignKeyConstraints.Where(fk => fk.PrincipalColumns.Contains(column)).Select(fk => (Table: fk.Table.Name, fk.Name)));
                        found.AddRange(dependants
                            .Where(d => !dropped.Contains($"{d.Table}.{d.Name}"))
                            .Select(d => $"{migration}: ALTER COLUMN {alter.Table}.{alter.Name} while {d.Table}.{d.Name} depends on it"));
                        break;
                }
            }
        }

        return found;
    }

    /// <summary>Whether EF Core writes an ALTER COLUMN for it (a comment or a default alone does not).</summary>
    private static bool ChangesDefinition(AlterColumnOperation alter) =>
        alter.ClrType != alter.OldColumn.ClrType
        || !string.Equals(alter.ColumnType, alter.OldColumn.ColumnType, StringComparison.OrdinalIgnoreCase)
        || alter.MaxLength != alter.OldColumn.MaxLength
        || alter.IsNullable != alter.OldColumn.IsNullable
        || alter.IsUnicode != alter.OldColumn.IsUnicode
        || alter.IsFixedLength != alter.OldColumn.IsFixedLength;

    /// <summary>
    /// SQL Server refuses a foreign key whose columns differ in type or length from the key they refer to
    /// (error 1753: nvarchar(450) referring to nvarchar(128)); PostgreSQL and SQLite accept it.
    /// </summary>
    public static List<string> ForeignKeyTypes(IModel model)
    {
        var found = new List<string>();
        foreach (var fk in model.GetRelationalModel().Tables.SelectMany(t => t.ForeignKeyConstraints))
        {
            foreach (var (column, principal) in fk.Columns.Zip(fk.PrincipalColumns))
            {
                if (!string.Equals(column.StoreType, principal.StoreType, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add($"{Name(fk.Table)}.{fk.Name}: {column.Name} is {column.StoreType}, the {Name(fk.PrincipalTable)}.{principal.Name} it refers to is {principal.StoreType}");
                }
            }
        }

        return found;
    }

    /// <summary>
    /// SQL Server refuses a foreign key whose referential action (CASCADE, SET NULL, SET DEFAULT) would
    /// let one delete reach a table by two paths, or come back to a table it started from (error 1785).
    /// Every cascading path from each table is followed; a table reached twice, or a path that loops, is reported.
    /// </summary>
    public static List<string> CascadePaths(IModel model)
    {
        var tables = model.GetRelationalModel().Tables.ToList();
        // Principal table → the foreign keys that act on its dependants when one of its rows is deleted.
        var cascading = tables
            .SelectMany(t => t.ForeignKeyConstraints)
            .Where(fk => fk.OnDeleteAction is ReferentialAction.Cascade or ReferentialAction.SetNull or ReferentialAction.SetDefault)
            .ToLookup(fk => Name(fk.PrincipalTable));

        var found = new List<string>();
        foreach (var start in tables.Select(Name))
        {
            var paths = new Dictionary<string, List<string>>();
            var cycles = new List<string>();
            Walk(start, [start], []);

            foreach (var (target, reaching) in paths.Where(p => p.Value.Count > 1).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                found.Add($"multiple cascade paths from {start} to {target}: {string.Join(" | ", reaching)}");
            }

            found.AddRange(cycles.Distinct().Select(c => $"cascade cycle from {start}: {c}"));

            void Walk(string table, List<string> onPath, List<string> constraints)
            {
                foreach (var fk in cascading[table])
                {
                    var dependant = Name(fk.Table);
                    var via = new List<string>(constraints) { $"{fk.Name} ({fk.OnDeleteAction})" };
                    if (onPath.Contains(dependant))
                    {
                        cycles.Add($"{string.Join(" → ", onPath)} → {dependant} via {string.Join(", ", via)}");
                        continue;
                    }

                    if (!paths.TryGetValue(dependant, out var list))
                    {
                        paths[dependant] = list = [];
                    }

                    list.Add($"{string.Join(" → ", onPath)} → {dependant}");
                    Walk(dependant, [.. onPath, dependant], via);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Every key SQL Server builds an index for — primary key, alternate key, index — within 900 bytes when
    /// clustered (the primary key unless said otherwise) and 1,700 when not, counted at the columns'
    /// largest size; an unbounded column (nvarchar(max)…) cannot be an index key at all.
    /// </summary>
    public static List<string> IndexKeySizes(IModel model)
    {
        var found = new List<string>();
        foreach (var table in model.GetRelationalModel().Tables)
        {
            foreach (var key in table.UniqueConstraints)
            {
                var clustered = key.MappedKeys.First().IsClustered() ?? key.GetIsPrimaryKey();
                CheckKey(Name(table), key.Name, key.Columns, clustered, found);
            }

            foreach (var index in table.Indexes)
            {
                var clustered = index.MappedIndexes.First().IsClustered() ?? false;
                CheckKey(Name(table), index.Name, index.Columns, clustered, found);
            }
        }

        return found;
    }

    private static void CheckKey(string table, string name, IReadOnlyList<IColumn> columns, bool clustered, List<string> found)
    {
        var total = 0;
        foreach (var column in columns)
        {
            switch (StoreTypeBytes(column.StoreType))
            {
                case StoreSize.UnboundedSize:
                    found.Add($"{table}.{name}: column {column.Name} is {column.StoreType}, which cannot be an index key");
                    return;
                case StoreSize.UnknownSize:
                    found.Add($"{table}.{name}: column {column.Name} has a store type this check does not know ({column.StoreType}); add it");
                    return;
                case StoreSize.Bytes bytes:
                    total += bytes.Value;
                    break;
            }
        }

        var limit = clustered ? ClusteredKeyMaxBytes : NonclusteredKeyMaxBytes;
        if (total > limit)
        {
            found.Add($"{table}.{name}: {(clustered ? "clustered" : "nonclustered")} key of {total} bytes ({string.Join(" + ", columns.Select(c => $"{c.Name} {c.StoreType}"))}) over SQL Server's {limit}");
        }
    }

    public abstract record StoreSize
    {
        public sealed record Bytes(int Value) : StoreSize;

        public sealed record UnboundedSize : StoreSize;

        public sealed record UnknownSize : StoreSize;

        public static readonly StoreSize Unbounded = new UnboundedSize();

        public static readonly StoreSize Unknown = new UnknownSize();
    }

    /// <summary>The largest number of bytes a value of this SQL Server type takes in an index key.</summary>
    public static StoreSize StoreTypeBytes(string storeType)
    {
        var match = StoreTypePattern().Match(storeType.Trim());
        if (!match.Success)
        {
            return StoreSize.Unknown;
        }

        var type = match.Groups["type"].Value.ToLowerInvariant();
        var argument = match.Groups["first"].Value;
        if (argument.Equals("max", StringComparison.OrdinalIgnoreCase) || type is "text" or "ntext" or "image" or "xml")
        {
            return StoreSize.Unbounded;
        }

        int? first = argument.Length > 0 ? int.Parse(argument, CultureInfo.InvariantCulture) : null;
        return type switch
        {
            "nvarchar" or "nchar" => new StoreSize.Bytes(2 * (first ?? 1)),
            "varchar" or "char" or "varbinary" or "binary" => new StoreSize.Bytes(first ?? 1),
            "bit" or "tinyint" => new StoreSize.Bytes(1),
            "smallint" => new StoreSize.Bytes(2),
            "int" or "real" or "smalldatetime" or "smallmoney" => new StoreSize.Bytes(4),
            "bigint" or "float" or "money" or "datetime" or "rowversion" or "timestamp" => new StoreSize.Bytes(8),
            "date" => new StoreSize.Bytes(3),
            "time" => new StoreSize.Bytes(TimeBytes(first ?? 7)),
            "datetime2" => new StoreSize.Bytes(TimeBytes(first ?? 7) + 3),
            "datetimeoffset" => new StoreSize.Bytes(TimeBytes(first ?? 7) + 5),
            "uniqueidentifier" => new StoreSize.Bytes(16),
            "decimal" or "numeric" => new StoreSize.Bytes((first ?? 18) switch { <= 9 => 5, <= 19 => 9, <= 28 => 13, _ => 17 }),
            _ => StoreSize.Unknown,
        };
    }

    private static int TimeBytes(int fractionalPrecision) => fractionalPrecision switch { <= 2 => 3, <= 4 => 4, _ => 5 };

    [GeneratedRegex(@"^(?<type>[a-zA-Z0-9_]+)\s*(\(\s*(?<first>max|\d+)\s*(,\s*\d+\s*)?\))?$", RegexOptions.IgnoreCase)]
    private static partial Regex StoreTypePattern();

    private static string Name(ITable table) => table.Schema is null ? table.Name : $"{table.Schema}.{table.Name}";

    /// <summary>
    /// Every text column has a length — the one of its configuration constant when the entity is the
    /// application's — unless it is listed in <paramref name="unbounded"/> with the reason why not. On
    /// SQL Server the store type is checked too, since that is what refuses a longer value.
    /// </summary>
    public static List<string> TextColumnLengths(IModel model, IReadOnlyDictionary<string, string> unbounded, Func<IEntityType, IProperty, int?> constant)
    {
        var found = new List<string>();
        foreach (var entity in model.GetEntityTypes())
        {
            var table = entity.GetTableName() is { } tableName ? StoreObjectIdentifier.Table(tableName, entity.GetSchema()) : (StoreObjectIdentifier?)null;
            foreach (var property in entity.GetDeclaredProperties().Where(p => (p.GetTypeMapping().Converter?.ProviderClrType ?? p.ClrType) == typeof(string)))
            {
                var name = $"{EntityName(entity.ClrType)}.{property.Name}";
                var max = property.GetMaxLength();
                if (unbounded.ContainsKey(name))
                {
                    if (max is not null)
                    {
                        found.Add($"{name} is listed as unbounded but has a length of {max}");
                    }

                    continue;
                }

                if (max is null)
                {
                    found.Add($"{name} has no length");
                    continue;
                }

                if (constant(entity, property) is { } expected && expected != max)
                {
                    found.Add($"{name} is {max} long, its constant says {expected}");
                }

                if (table is { } t && property.GetColumnType(t) is { } storeType && SqlServerTextType().Match(storeType) is { Success: true } text
                    && text.Groups["length"].Value != max.Value.ToString(CultureInfo.InvariantCulture))
                {
                    found.Add($"{name} is {max} long but its column is {storeType}");
                }
            }
        }

        return found;
    }

    /// <summary>SQL Server's text types with a length; other providers' types (TEXT, character varying) do not match.</summary>
    [GeneratedRegex(@"^n?(var)?char\s*\(\s*(?<length>\d+|max)\s*\)$", RegexOptions.IgnoreCase)]
    private static partial Regex SqlServerTextType();

    /// <summary><c>IdentityUserRole&lt;string&gt;</c> for generic entity types, the plain name otherwise.</summary>
    public static string EntityName(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(",", type.GetGenericArguments().Select(a => a.Name.ToLowerInvariant()))}>"
        : type.Name;
}
