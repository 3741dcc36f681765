using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Data;

/// <summary>
/// What SQL Server refuses at migration time, or at the first long value, that SQLite and PostgreSQL
/// accept, checked on the SQL Server model without a server; each check is shown to fail on a small
/// model built to break it.
/// </summary>
[Trait("Category", "Logic")]
public sealed class SqlServerModelTests
{
    [Fact]
    public void The_application_model_has_no_multiple_cascade_paths_nor_cascade_cycles()
    {
        using var db = SqlServerModelChecker.SqlServerContext();

        var problems = SqlServerModelChecker.CascadePaths(SqlServerModelChecker.DesignTimeModel(db));

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void The_application_model_has_no_index_key_over_SQL_Server_limits_nor_unbounded()
    {
        using var db = SqlServerModelChecker.SqlServerContext();

        var problems = SqlServerModelChecker.IndexKeySizes(SqlServerModelChecker.DesignTimeModel(db));

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void The_application_model_has_foreign_keys_of_the_type_they_refer_to()
    {
        using var db = SqlServerModelChecker.SqlServerContext();

        var problems = SqlServerModelChecker.ForeignKeyTypes(SqlServerModelChecker.DesignTimeModel(db));

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void A_foreign_key_longer_than_the_key_it_refers_to_is_reported()
    {
        using var db = new BadModels.MismatchedForeignKey();

        var problems = SqlServerModelChecker.Check(SqlServerModelChecker.DesignTimeModel(db));

        var problem = Assert.Single(problems);
        Assert.Contains("AccountId is nvarchar(450), the Accounts.Id it refers to is nvarchar(36)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void No_SQL_Server_migration_alters_a_column_a_key_depends_on()
    {
        using var db = SqlServerModelChecker.SqlServerContext();
        var migrations = SqlServerModelChecker.Migrations(db);

        var problems = SqlServerModelChecker.ColumnsAlteredUnderKeys(migrations);

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        // The check saw the migrations that alter key columns, with the schema before them.
        Assert.Contains(migrations, m => m.Before is not null && m.Operations.OfType<AlterColumnOperation>().Any(a => a.Table == "AspNetUsers" && a.Name == "Id"));
    }

    [Fact]
    public void Altering_a_key_column_without_dropping_its_keys_first_is_reported()
    {
        using var db = new BadModels.MismatchedForeignKey();
        var before = SqlServerModelChecker.DesignTimeModel(db).GetRelationalModel();
        var alter = new AlterColumnOperation
        {
            Table = "Accounts", Name = "Id", ClrType = typeof(string), ColumnType = "nvarchar(20)", MaxLength = 20,
            OldColumn = new AddColumnOperation { Table = "Accounts", Name = "Id", ClrType = typeof(string), ColumnType = "nvarchar(36)", MaxLength = 36 },
        };
        var dropForeignKey = new DropForeignKeyOperation { Table = "Logins", Name = "FK_Logins_Accounts_AccountId" };
        var dropPrimaryKey = new DropPrimaryKeyOperation { Table = "Accounts", Name = "PK_Accounts" };

        var nothingDropped = SqlServerModelChecker.ColumnsAlteredUnderKeys([("Bad", before, [alter])]);
        var foreignKeyOnly = SqlServerModelChecker.ColumnsAlteredUnderKeys([("Bad", before, [dropForeignKey, alter])]);
        var droppedAfter = SqlServerModelChecker.ColumnsAlteredUnderKeys([("Bad", before, [alter, dropForeignKey, dropPrimaryKey])]);
        var bothDropped = SqlServerModelChecker.ColumnsAlteredUnderKeys([("Bad", before, [dropForeignKey, dropPrimaryKey, alter])]);

        Assert.Equal(2, nothingDropped.Count);
        Assert.Contains(nothingDropped, p => p.Contains("while Logins.FK_Logins_Accounts_AccountId depends on it", StringComparison.Ordinal));
        Assert.Equal(["Bad: ALTER COLUMN Accounts.Id while Accounts.PK_Accounts depends on it"], foreignKeyOnly);
        Assert.Equal(2, droppedAfter.Count);
        Assert.Empty(bothDropped);
    }

    [Fact]
    public void The_application_model_has_cascading_foreign_keys_and_indexes_to_check()
    {
        // Guards the two tests above against passing on an empty relational model.
        using var db = SqlServerModelChecker.SqlServerContext();
        var tables = SqlServerModelChecker.DesignTimeModel(db).GetRelationalModel().Tables.ToList();

        Assert.Contains(tables.SelectMany(t => t.ForeignKeyConstraints), fk => fk.OnDeleteAction == ReferentialAction.Cascade);
        Assert.Contains(tables.SelectMany(t => t.Indexes), i => i.Columns.Any(c => c.StoreType.StartsWith("nvarchar(", StringComparison.Ordinal)));
    }

    [Fact]
    public void Two_cascade_paths_to_one_table_are_reported()
    {
        using var db = new BadModels.TwoCascadePaths();

        var problems = SqlServerModelChecker.Check(SqlServerModelChecker.DesignTimeModel(db));

        var problem = Assert.Single(problems);
        Assert.Contains("multiple cascade paths from Owners to Leaves", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_cascading_foreign_keys_between_the_same_tables_are_reported()
    {
        using var db = new BadModels.TwoForeignKeysToOneParent();

        var problems = SqlServerModelChecker.CascadePaths(SqlServerModelChecker.DesignTimeModel(db));

        Assert.Contains(problems, p => p.Contains("multiple cascade paths from Owners to Transfers", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cascade_cycle_is_reported_set_null_included()
    {
        using var db = new BadModels.CascadeCycle();

        var problems = SqlServerModelChecker.CascadePaths(SqlServerModelChecker.DesignTimeModel(db));

        Assert.Contains(problems, p => p.Contains("cascade cycle from Nodes", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_cascades_with_one_path_made_no_action_pass()
    {
        using var db = new BadModels.OneCascadePath();

        Assert.Empty(SqlServerModelChecker.Check(SqlServerModelChecker.DesignTimeModel(db)));
    }

    [Fact]
    public void Oversized_index_keys_are_reported()
    {
        using var db = new BadModels.OversizedKeys();

        var problems = SqlServerModelChecker.IndexKeySizes(SqlServerModelChecker.DesignTimeModel(db));

        Assert.Contains(problems, p => p.Contains("PK_Wide", StringComparison.Ordinal) && p.Contains("clustered key of 1000 bytes", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("IX_Wide_First_Second", StringComparison.Ordinal) && p.Contains("nonclustered key of 1760 bytes", StringComparison.Ordinal));
        // 850 + 850 = 1,700 bytes: exactly the nonclustered limit, accepted.
        Assert.DoesNotContain(problems, p => p.Contains("IX_Wide_Third_Fourth", StringComparison.Ordinal));
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void An_unbounded_string_in_an_index_is_reported()
    {
        using var db = new BadModels.UnboundedIndexedString();

        var problems = SqlServerModelChecker.IndexKeySizes(SqlServerModelChecker.DesignTimeModel(db));

        var problem = Assert.Single(problems);
        Assert.Contains("IX_Notes_Body", problem, StringComparison.Ordinal);
        Assert.Contains("nvarchar(max)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_column_without_a_length_or_with_another_length_than_its_constant_is_reported()
    {
        using var db = new BadModels.UnboundedIndexedString();
        var model = SqlServerModelChecker.DesignTimeModel(db);

        var problems = SqlServerModelChecker.TextColumnLengths(model, new Dictionary<string, string>(), (_, p) => p.Name == "Title" ? 80 : null);

        Assert.Contains("Note.Body has no length", problems);
        Assert.Contains("Note.Title is 100 long, its constant says 80", problems);
        Assert.Contains("Note.Summary is 50 long but its column is nvarchar(max)", problems);
        // Listed as unbounded with a reason, and without a constant to differ from: accepted.
        var whitelisted = SqlServerModelChecker.TextColumnLengths(model, new Dictionary<string, string> { ["Note.Body"] = "test" }, (_, _) => null);
        Assert.DoesNotContain(whitelisted, p => p.Contains("Body", StringComparison.Ordinal) || p.Contains("Title", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nvarchar(450)", 900)]
    [InlineData("varchar(10)", 10)]
    [InlineData("nchar(3)", 6)]
    [InlineData("int", 4)]
    [InlineData("bigint", 8)]
    [InlineData("bit", 1)]
    [InlineData("datetime2", 8)]
    [InlineData("datetime2(2)", 6)]
    [InlineData("datetimeoffset", 10)]
    [InlineData("date", 3)]
    [InlineData("uniqueidentifier", 16)]
    [InlineData("decimal(18,2)", 9)]
    [InlineData("decimal(5, 2)", 5)]
    [InlineData("varbinary(64)", 64)]
    public void Key_sizes_follow_SQL_Server_storage(string storeType, int bytes) =>
        Assert.Equal(new SqlServerModelChecker.StoreSize.Bytes(bytes), SqlServerModelChecker.StoreTypeBytes(storeType));

    [Theory]
    [InlineData("nvarchar(max)")]
    [InlineData("varbinary(max)")]
    [InlineData("ntext")]
    [InlineData("xml")]
    public void Unbounded_types_have_no_key_size(string storeType) =>
        Assert.Equal(SqlServerModelChecker.StoreSize.Unbounded, SqlServerModelChecker.StoreTypeBytes(storeType));

    [Fact]
    public void An_unknown_store_type_is_not_taken_for_a_small_one() =>
        Assert.Equal(SqlServerModelChecker.StoreSize.Unknown, SqlServerModelChecker.StoreTypeBytes("geography"));
}

/// <summary>Tiny SQL Server models, each broken the way one check looks for. Never connected.</summary>
internal static class BadModels
{
    public abstract class SqlServerContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder options) =>
            options.UseSqlServer("Server=localhost;Database=Bad;Trusted_Connection=True;TrustServerCertificate=True");
    }

    public sealed class Owner
    {
        public int Id { get; set; }
    }

    public sealed class Branch
    {
        public int Id { get; set; }

        public int OwnerId { get; set; }
    }

    public sealed class Leaf
    {
        public int Id { get; set; }

        public int OwnerId { get; set; }

        public int BranchId { get; set; }
    }

    /// <summary>Deleting an owner deletes its leaves directly and through its branches.</summary>
    public sealed class TwoCascadePaths : SqlServerContext
    {
        protected override void OnModelCreating(ModelBuilder builder)
        {
            builder.Entity<Owner>().ToTable("Owners");
            builder.Entity<Branch>().ToTable("Branches").HasOne<Owner>().WithMany().HasForeignKey(b => b.OwnerId).OnDelete(DeleteBehavior.Cascade);
            builder.Entity<Leaf>().ToTable("Leaves").HasOne<Owner>().WithMany().HasForeignKey(l => l.OwnerId).OnDelete(DeleteBehavior.Cascade);
            builder.Entity<Leaf>().HasOne<Branch>().WithMany().HasForeignKey(l => l.BranchId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    /// <summary>The same, with the direct path left to the application (NO ACTION): what SQL Server accepts.</summary>
    public sealed class OneCascadePath : SqlServerContext
    {
        protected override void OnModelCreating(ModelBuilder builder)
        {
            builder.Entity<Owner>().ToTable("Owners");
            builder.Entity<Branch>().ToTable("Branches").HasOne<Owner>().WithMany().HasForeignKey(b => b.OwnerId).OnDelete(DeleteBehavior.Cascade);
            builder.Entity<Leaf>().ToTable("Leaves").HasOne<Owner>().WithMany().HasForeignKey(l => l.OwnerId).OnDelete(DeleteBehavior.Restrict);
            builder.Entity<Leaf>().HasOne<Branch>().WithMany().HasForeignKey(l => l.BranchId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    public sealed class Transfer
    {
        public int Id { get; set; }

        public int FromId { get; set; }

        public int ToId { get; set; }
    }

    /// <summary>Two cascading foreign keys from one table to the same parent.</summary>
    public sealed class TwoForeignKeysToOneParent : SqlServerContext
    {
        protected override void OnModelCreating(ModelBuilder builder)
        {
            builder.Entity<Owner>().ToTable("Owners");
            builder.Entity<Transfer>().ToTable("Transfers").HasOne<Owner>().WithMany().HasForeignKey(t => t.FromId).OnDelete(DeleteBehavior.Cascade);
            builder.Entity<Transfer>().HasOne<Owner>().WithMany().HasForeignKey(t => t.ToId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    public sealed class Node
    {
        public int Id { get; set; }

        public int? ParentId { get; set; }
    }

    /// <summary>A tree whose parent link is SET NULL on delete: SQL Server counts that as a cascade too.</summary>
    public sealed class CascadeCycle : SqlServerContext
    {
        protected override void OnModelCreating(ModelBuilder builder) =>
            builder.Entity<Node>().ToTable("Nodes").HasOne<Node>().WithMany().HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.SetNull);
    }

    public sealed class Wide
    {
        public required string Code { get; set; }

        public required string First { get; set; }

        public required string Second { get; set; }

        public required string Third { get; set; }

        public required string Fourth { get; set; }
    }

    /// <summary>A 1,000-byte clustered primary key and a 1,760-byte nonclustered index.</summary>
    public sealed class OversizedKeys : SqlServerContext
    {
        protected override void OnModelCreating(ModelBuilder builder)
        {
            var wide = builder.Entity<Wide>();
            wide.ToTable("Wide").HasKey(w => w.Code);
            wide.Property(w => w.Code).HasMaxLength(500);
            wide.Property(w => w.First).HasMaxLength(440);
            wide.Property(w => w.Second).HasMaxLength(440);
            wide.Property(w => w.Third).HasMaxLength(425);
            wide.Property(w => w.Fourth).HasMaxLength(425);
            wide.HasIndex(w => new { w.First, w.Second });
            wide.HasIndex(w => new { w.Third, w.Fourth });
        }
    }

    public sealed class Account
    {
        public required string Id { get; set; }
    }

    public sealed class Login
    {
        public int Id { get; set; }

        public required string AccountId { get; set; }
    }

    /// <summary>A string key shortened on one side only.</summary>
    public sealed class MismatchedForeignKey : SqlServerContext
    {
        protected override void OnModelCreating(ModelBuilder builder)
        {
            builder.Entity<Account>().ToTable("Accounts").Property(a => a.Id).HasMaxLength(36);
            builder.Entity<Login>().ToTable("Logins").Property(l => l.AccountId).HasMaxLength(450);
            builder.Entity<Login>().HasOne<Account>().WithMany().HasForeignKey(l => l.AccountId).OnDelete(DeleteBehavior.Restrict);
        }
    }

    public sealed class Note
    {
        public int Id { get; set; }

        public required string Body { get; set; }

        public required string Title { get; set; }

        public required string Summary { get; set; }
    }

    /// <summary>An index on an nvarchar(max) column, and text columns without, or with a wrong, length.</summary>
    public sealed class UnboundedIndexedString : SqlServerContext
    {
        protected override void OnModelCreating(ModelBuilder builder)
        {
            var note = builder.Entity<Note>();
            note.ToTable("Notes");
            // Without the column type EF Core would give an indexed string nvarchar(450): the explicit
            // nvarchar(max) is how an unbounded string ends up in an index.
            note.Property(n => n.Body).HasColumnType("nvarchar(max)");
            note.HasIndex(n => n.Body);
            note.Property(n => n.Title).HasMaxLength(100);
            note.Property(n => n.Summary).HasMaxLength(50).HasColumnType("nvarchar(max)");
        }
    }
}
