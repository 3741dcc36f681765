using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace VoixUsager.Data;

/// <summary>
/// A form input stored in a text column: it accepts at most the column's length, read from the
/// <c>{Property}MaxLength</c> constant of the entity's configuration class, the one the mapping uses.
/// The entity and property named here also tell the model test which column the input is checked against.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ColumnLengthAttribute(Type entity, string property) : StringLengthAttribute(MaxLengthOf(entity, property))
{
    private static readonly ConcurrentDictionary<(Type, string), int> Lengths = new();

    public Type Entity { get; } = entity;

    public string Property { get; } = property;

    /// <summary>The length as the form's hint writes it too (« 4 000 »), whatever the request's culture.</summary>
    public override string FormatErrorMessage(string name) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, ErrorMessage ?? "Ce champ compte {1} caractères au plus.", name, Results.Statistics.FrenchFormat.Count(MaximumLength));

    /// <summary>The length of <paramref name="entity"/>'s column for <paramref name="property"/>, or the base type's.</summary>
    public static int MaxLengthOf(Type entity, string property) => Lengths.GetOrAdd((entity, property), key =>
    {
        for (var type = key.Item1; type is not null && type != typeof(object); type = type.BaseType)
        {
            var configuration = typeof(AppDbContext).Assembly.GetTypes().SingleOrDefault(t =>
                t.GetInterfaces().Contains(typeof(IEntityTypeConfiguration<>).MakeGenericType(type)));
            if (configuration?.GetField(key.Item2 + "MaxLength", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field)
            {
                return (int)field.GetRawConstantValue()!;
            }
        }

        throw new InvalidOperationException($"Aucune constante {key.Item2}MaxLength dans la configuration de {key.Item1.Name}.");
    });
}
