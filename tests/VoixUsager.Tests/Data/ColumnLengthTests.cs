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
    /// <summary>Text columns without a length, on purpose, each with the reason.</summary>
    internal static readonly Dictionary<string, string> Unbounded = new()
    {
        ["ResultsSnapshot.FiguresJson"] = "written by the application only (the frozen figures), as long as they need to be",
        ["QuestionnaireDraft.ContentJson"] = "written by the questionnaire editor only, the draft's whole content, each text in it checked against its own column",
        ["DataProtectionKeyRecord.Xml"] = "written by ASP.NET Core data protection only, a key ring entry of its own size",
        ["AppUser.PasswordHash"] = "ASP.NET Core Identity's own column, written by Identity",
        ["AppUser.SecurityStamp"] = "ASP.NET Core Identity's own column, written by Identity",
        ["AppUser.ConcurrencyStamp"] = "ASP.NET Core Identity's own column, written by Identity",
        ["AppUser.PhoneNumber"] = "ASP.NET Core Identity's own column, never filled by the application",
        ["IdentityRole.ConcurrencyStamp"] = "ASP.NET Core Identity's own column, written by Identity",
        ["IdentityRoleClaim<string>.ClaimType"] = "ASP.NET Core Identity's own column, not used by the application",
        ["IdentityRoleClaim<string>.ClaimValue"] = "ASP.NET Core Identity's own column, not used by the application",
        ["IdentityUserClaim<string>.ClaimType"] = "ASP.NET Core Identity's own column, not used by the application",
        ["IdentityUserClaim<string>.ClaimValue"] = "ASP.NET Core Identity's own column, not used by the application",
        ["IdentityUserLogin<string>.ProviderDisplayName"] = "ASP.NET Core Identity's own column, not used by the application",
        ["IdentityUserToken<string>.Value"] = "ASP.NET Core Identity's own column: the authenticator key and recovery codes, written by Identity",
        // Foreign keys of Identity's tables: their columns take the length of the key they refer to
        // (AppUserConfiguration.IdMaxLength); SqlServerModelTests holds each foreign key's store type to its key's.
        ["IdentityRoleClaim<string>.RoleId"] = "foreign key to an account role, as long as the role id",
        ["IdentityUserClaim<string>.UserId"] = "foreign key to an account, as long as the account id",
        ["IdentityUserLogin<string>.UserId"] = "foreign key to an account, as long as the account id",
        ["IdentityUserRole<string>.UserId"] = "foreign key to an account, as long as the account id",
        ["IdentityUserRole<string>.RoleId"] = "foreign key to an account role, as long as the role id",
        ["IdentityUserToken<string>.UserId"] = "foreign key to an account, as long as the account id",
    };

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
        ["ModifierModel.StartsOn"] = "parsed to a date",
        ["ModifierModel.EndsOn"] = "parsed to a date",
        ["ModifierModel.ScenarioLines"] = "split into scenarios, each part checked against its column",
        ["ModifierModel.ReferentIds"] = "account ids, checked against the accounts",
        ["ExportModel.ModuleFilter"] = "action plan filter, parsed to an id or a status, never stored",
        ["ExportModel.StatusFilter"] = "action plan filter, parsed to an id or a status, never stored",
        ["ExportModel.ServiceFilter"] = "action plan filter, parsed to an id or a status, never stored",
        ["ExportModel.OriginFilter"] = "action plan filter, parsed to an id or a status, never stored",
        ["IndexModel.ModuleFilter"] = "action plan filter, parsed to an id or a status, never stored",
        ["IndexModel.StatusFilter"] = "action plan filter, parsed to an id or a status, never stored",
        ["IndexModel.ServiceFilter"] = "action plan filter, parsed to an id or a status, never stored",
        ["IndexModel.OriginFilter"] = "action plan filter, parsed to an id or a status, never stored",
        ["ModifierModel.Reason"] = "reopening reason, checked by MysteryCampaignEditing against its own limit, kept in the journal",
        ["SurveyCampaignInput.StartsOn"] = "parsed to a date",
        ["SurveyCampaignInput.EndsOn"] = "parsed to a date",
        ["CluInput.MeetingOn"] = "parsed to a date",
        ["CluInput.DaysBefore"] = "parsed to a number",
        ["CampagnesQuestionnairesModel.SiteField"] = "parsed to a site id of the préfecture",
        ["CampagnesQuestionnairesModel.ChannelField"] = "matched against the channel names",
        ["CampagnesQuestionnairesModel.QuestionnaireField"] = "parsed to a published questionnaire version id",
        ["CampagnesQuestionnairesModel.ConfirmationField"] = "a confirmation box, compared with its one value",
    };

    private VoixUsagerAppFactory? _appFactory;

    // Created on first use: the SQL Server model test needs no application.
    private VoixUsagerAppFactory App => _appFactory ??= new VoixUsagerAppFactory();

    public void Dispose() => _appFactory?.Dispose();

    /// <summary>The configuration constant of the application's own entities' columns; none for Identity's.</summary>
    private static int? Constant(Microsoft.EntityFrameworkCore.Metadata.IEntityType entity, Microsoft.EntityFrameworkCore.Metadata.IProperty property) =>
        (property.PropertyInfo?.DeclaringType ?? entity.ClrType).Assembly == typeof(AppDbContext).Assembly
            ? ColumnLengthAttribute.MaxLengthOf(entity.ClrType, property.Name)
            : null;

    [Fact]
    public async Task Every_text_column_has_the_length_of_its_configuration_constant()
    {
        var problems = await App.WithDbAsync(db =>
            Task.FromResult(SqlServerModelChecker.TextColumnLengths(SqlServerModelChecker.DesignTimeModel(db), Unbounded, Constant)));

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>
    /// The same on the SQL Server model, which is the one that refuses a longer value in production: every
    /// nvarchar(n) is the constant's n, and no column the application fills is nvarchar(max).
    /// </summary>
    [Fact]
    [Trait("Category", "Logic")]
    public void Every_SQL_Server_text_column_has_the_length_of_its_configuration_constant()
    {
        using var db = SqlServerModelChecker.SqlServerContext();
        var model = SqlServerModelChecker.DesignTimeModel(db);

        var problems = SqlServerModelChecker.TextColumnLengths(model, Unbounded, Constant);

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Contains(model.GetEntityTypes().SelectMany(e => e.GetProperties()), p => p.ClrType == typeof(string) && p.GetMaxLength() is not null);
    }

    [Fact]
    public async Task Every_input_limited_to_a_column_names_a_column_of_that_length()
    {
        var inputs = InputProperties().Select(p => (Property: p, Attribute: p.GetCustomAttribute<ColumnLengthAttribute>())).Where(p => p.Attribute is not null).ToList();
        Assert.NotEmpty(inputs);

        var problems = await App.WithDbAsync(db => Task.FromResult(inputs
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
        var staffFolders = new[] { ".Administration", ".Compte", ".Qualite", ".Referent", ".Resultats", ".Espace", ".Shared", ".Registre" };
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
