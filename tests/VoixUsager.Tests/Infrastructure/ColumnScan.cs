using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using VoixUsager.Data;

namespace VoixUsager.Tests.Infrastructure;

/// <summary>
/// SQLite stores any length in any column; SQL Server and PostgreSQL refuse a value longer than its
/// column. This finds on SQLite what the other two would have refused.
/// </summary>
public static class ColumnScan
{
    public static async Task<List<string>> OverLengthAsync(AppDbContext db)
    {
        var found = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var property in entity.GetDeclaredProperties())
            {
                if (property.GetMaxLength() is not { } max || (property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType) != typeof(string))
                {
                    continue;
                }

                var column = property.GetColumnName(table);
                // Names come from the model, not from input.
                var sql = $"SELECT COUNT(*) AS \"Value\" FROM \"{table.Name}\" WHERE length(\"{column}\") > {max}";
                var count = await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
                if (count > 0)
                {
                    found.Add($"{table.Name}.{column} ({max} caractères) : {count} valeur(s) plus longue(s)");
                }
            }
        }

        return found;
    }
}
