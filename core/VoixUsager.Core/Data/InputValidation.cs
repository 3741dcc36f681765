using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Auditing;

namespace VoixUsager.Data;

/// <summary>What the core services share to check what people typed and to store a change with its audit entry.</summary>
public static class InputValidation
{
    /// <summary>The presence and length rules declared on <paramref name="input"/>'s properties, first message per field.</summary>
    public static Dictionary<string, string> Check(object input)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                errors.TryAdd(member, result.ErrorMessage ?? "Cette valeur n’est pas valide.");
            }
        }

        return errors;
    }

    public static void TryAddIfNotNull(this Dictionary<string, string> errors, string field, string? message)
    {
        if (message is not null)
        {
            errors.TryAdd(field, message);
        }
    }

    /// <summary>
    /// Saves the pending change, then its audit entry (which may need the new row's id), in one
    /// transaction: a change is never stored without the entry that says who made it.
    /// </summary>
    public static async Task SaveWithAuditAsync(this AppDbContext db, Func<AuditEntry> audit, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.AuditEntries.Add(audit());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
