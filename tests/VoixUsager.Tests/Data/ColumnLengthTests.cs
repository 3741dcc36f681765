using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Data;

/// <summary>
/// Each text column's length is one constant, used by the mapping and by the validation of the form
/// inputs stored in it; SQLite ignores lengths, SQL Server and PostgreSQL refuse longer values.
/// </summary>
public sealed class ColumnLengthTests : IDisposable
{
    /// <summary>Text columns without a length, on purpose.</summary>
    private static readonly HashSet<string> Unbounded =
    [
        // Written by the application only, and as long as they need to be.
        "ResultsSnapshot.FiguresJson",
        "DataProtectionKeyRecord.Xml",
        // ASP.NET Core Identity's own columns.
        "AppUser.PasswordHash", "AppUser.SecurityStamp", "AppUser.ConcurrencyStamp", "AppUser.PhoneNumber",
        "IdentityRole.ConcurrencyStamp",
        "IdentityRoleClaim<string>.ClaimType", "IdentityRoleClaim<string>.ClaimValue",
        "IdentityUserClaim<string>.ClaimType", "IdentityUserClaim<string>.ClaimValue",
        "IdentityUserLogin<string>.ProviderDisplayName",
        "IdentityUserToken<string>.Value",
        // Identity's keys: each provider gives a string key the length its indexes allow (nvarchar(450) on SQL Server).
        "AppUser.Id", "IdentityRole.Id",
        "IdentityRoleClaim<string>.RoleId", "IdentityUserClaim<string>.UserId",
        "IdentityUserLogin<string>.LoginProvider", "IdentityUserLogin<string>.ProviderKey", "IdentityUserLogin<string>.UserId",
        "IdentityUserRole<string>.UserId", "IdentityUserRole<string>.RoleId",
        "IdentityUserToken<string>.UserId", "IdentityUserToken<string>.LoginProvider", "IdentityUserToken<string>.Name",
    ];

    /// <summary>Staff form inputs that are not stored as typed, and why a column length does not apply.</summary>
    private static readonly Dictionary<string, string> NotStoredAsText = new()
    {
        ["MotDePasseModel.Current"] = "password, checked by Identity",
        ["MotDePasseModel.Password"] = "password, stored as a hash",
        ["MotDePasseModel.Confirmation"] = "password, compared only",
        ["DoubleAuthentificationModel.Code"] = "six-digit code, parsed",
        ["SuggestionsModel.Search"] = "search term, never stored",
        ["FrequentationModel.Month"] = "parsed to a date",
        ["FrequentationModel.Visitors"] = "parsed to a number",
        ["InstantanesModel.Cutoff"] = "parsed to a date and time",
        ["NouvelleModel.StartsOn"] = "parsed to a date",
        ["NouvelleModel.EndsOn"] = "parsed to a date",
        ["NouvelleModel.ScenarioLines"] = "split into scenarios, each part checked against its column",
        ["NouvelleModel.ReferentIds"] = "account ids, checked against the accounts",
        ["SurveyCampaignInput.StartsOn"] = "parsed to a date",
        ["SurveyCampaignInput.EndsOn"] = "parsed to a date",
        ["CluInput.MeetingOn"] = "parsed to a date",
        ["CluInput.DaysBefore"] = "parsed to a number",
    };

    private readonly VoixUsagerAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static string Name(Type type) => type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(",", type.GetGenericArguments().Select(a => a.Name.ToLowerInvariant()))}>" : type.Name;

    [Fact]
    public async Task Every_text_column_has_the_length_of_its_configuration_constant()
    {
        var problems = await _app.WithDbAsync(db =>
        {
            var found = new List<string>();
            foreach (var entity in db.Model.GetEntityTypes())
            {
                foreach (var property in entity.GetDeclaredProperties().Where(p => (p.GetTypeMapping().Converter?.ProviderClrType ?? p.ClrType) == typeof(string)))
                {
                    var name = $"{Name(entity.ClrType)}.{property.Name}";
                    var max = property.GetMaxLength();
                    if (Unbounded.Contains(name))
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
                    }
                    else if ((property.PropertyInfo?.DeclaringType ?? entity.ClrType).Assembly == typeof(AppDbContext).Assembly
                             && ColumnLengthAttribute.MaxLengthOf(entity.ClrType, property.Name) != max)
                    {
                        found.Add($"{name} is {max} long, its constant says otherwise");
                    }
                }
            }

            return Task.FromResult(found);
        });

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task Every_input_limited_to_a_column_names_a_column_of_that_length()
    {
        var inputs = InputProperties().Select(p => (Property: p, Attribute: p.GetCustomAttribute<ColumnLengthAttribute>())).Where(p => p.Attribute is not null).ToList();
        Assert.NotEmpty(inputs);

        var problems = await _app.WithDbAsync(db => Task.FromResult(inputs
            .Select(i => (i.Property, i.Attribute, Column: db.Model.FindEntityType(i.Attribute!.Entity)?.FindProperty(i.Attribute.Property)))
            .Where(i => i.Column?.GetMaxLength() != i.Attribute!.MaximumLength)
            .Select(i => $"{i.Property.DeclaringType!.Name}.{i.Property.Name} accepts {i.Attribute!.MaximumLength} characters, its column {i.Attribute.Entity.Name}.{i.Attribute.Property} takes {i.Column?.GetMaxLength()?.ToString() ?? "(no such column)"}")
            .ToList()));

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Every_text_input_of_a_staff_form_has_a_length_limit()
    {
        var missing = InputProperties()
            .Where(p => p.PropertyType == typeof(string) || p.PropertyType == typeof(List<string>))
            .Where(p => p.GetCustomAttribute<StringLengthAttribute>() is null && p.GetCustomAttribute<MaxLengthAttribute>() is null)
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .Where(name => !NotStoredAsText.ContainsKey(name))
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, "Inputs without a length: " + string.Join(", ", missing));
    }

    /// <summary>The properties the staff pages bind, and those of the input classes they bind.</summary>
    private static IEnumerable<PropertyInfo> InputProperties()
    {
        var staffFolders = new[] { ".Administration", ".Compte", ".Qualite", ".Referent", ".Resultats", ".Espace", ".Shared" };
        foreach (var page in typeof(VoixUsager.Web.Pages.Shared.StaffPageModel).Assembly.GetTypes()
                     .Where(t => typeof(PageModel).IsAssignableFrom(t) && staffFolders.Any(f => t.Namespace!.Contains(f, StringComparison.Ordinal))))
        {
            foreach (var property in page.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null))
            {
                if (property.PropertyType.IsClass && property.PropertyType != typeof(string) && property.PropertyType.Namespace!.StartsWith("VoixUsager", StringComparison.Ordinal))
                {
                    foreach (var inner in property.PropertyType.GetProperties().Where(p => p.CanWrite))
                    {
                        yield return inner;
                    }
                }
                else
                {
                    yield return property;
                }
            }
        }
    }
}
