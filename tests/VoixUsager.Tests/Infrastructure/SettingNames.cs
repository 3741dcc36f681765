using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VoixUsager.Web.Hosting;

namespace VoixUsager.Tests.Infrastructure;

/// <summary>
/// The setting names that deployment files and documentation give (<c>Database__Provider</c>,
/// <c>Email:Smtp:Host</c>…), and whether each reaches a property of an options class the application
/// binds: a misspelt name is silently ignored by the configuration binder, so only this finds it.
/// </summary>
public static partial class SettingNames
{
    /// <summary>Settings read by .NET, ASP.NET Core or the system rather than by an options class of the application.</summary>
    public static readonly IReadOnlyDictionary<string, string> Framework = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["AllowedHosts"] = "ASP.NET Core's host filtering",
        ["ASPNETCORE_ENVIRONMENT"] = "the web host's environment",
        ["DOTNET_ENVIRONMENT"] = "the generic host's environment (worker)",
        ["ASPNETCORE_HTTP_PORTS"] = "Kestrel's listening ports",
        ["SSL_CERT_DIR"] = "OpenSSL's trusted roots, read by .NET on Linux",
        ["Logging"] = "Microsoft.Extensions.Logging's levels",
    };

    /// <summary>Names the documentation uses as examples of the naming, not as settings.</summary>
    public static readonly IReadOnlyDictionary<string, string> Placeholders = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Section__Key"] = "infra/README.md's example of how environment variables name a setting",
    };

    public static string RepositoryRoot()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "VoixUsager.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new InvalidOperationException("Solution root not found.");
        }

        return root;
    }

    /// <summary>
    /// The application's options classes bound to configuration, keyed by section, found in the services
    /// the web registers (the worker registers a subset of the same core registrations). Registering does not
    /// connect anywhere: the embedded SQLite default is used.
    /// </summary>
    public static Dictionary<string, Type> BoundOptions()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = Path.GetTempPath() });
        builder.AddVoixUsagerWeb();
        var sections = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var descriptor in builder.Services.Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>)))
        {
            var options = descriptor.ServiceType.GetGenericArguments()[0];
            if (options.Namespace?.StartsWith("VoixUsager", StringComparison.Ordinal) != true)
            {
                continue;
            }

            var section = options.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
                ?? throw new InvalidOperationException($"{options.Name} is bound to configuration but has no Section constant.");
            sections[section] = options;
        }

        return sections;
    }

    /// <summary>Null when <paramref name="setting"/> (":" or "__" separated) sets a value the application reads, otherwise why not.</summary>
    public static string? Problem(string setting, IReadOnlyDictionary<string, Type> sections)
    {
        var parts = setting.Replace("__", ":", StringComparison.Ordinal).Split(':');
        if (Framework.ContainsKey(parts[0]) || Placeholders.ContainsKey(setting))
        {
            return null;
        }

        var section = sections.Keys
            .Where(s => s.Split(':') is var sp && sp.Length <= parts.Length && sp.Zip(parts).All(p => p.First.Equals(p.Second, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(s => s.Length)
            .FirstOrDefault();
        if (section is null)
        {
            return $"{setting} : aucune classe d'options n'est liée à la section « {parts[0]} »";
        }

        var type = sections[section];
        var rest = parts.Skip(section.Split(':').Length).ToList();
        if (rest.Count == 0)
        {
            return $"{setting} désigne toute la section {section}, pas une valeur";
        }

        foreach (var part in rest)
        {
            if (DictionaryValue(type) is { } value)
            {
                type = value;
            }
            else if (ElementType(type) is { } element)
            {
                if (!int.TryParse(part, out _))
                {
                    return $"{setting} : « {part} » devrait être un indice de la liste";
                }

                type = element;
            }
            else
            {
                var property = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                if (property is null || (!property.CanWrite && IsScalar(property.PropertyType)) || property.GetSetMethod() is null && property.GetGetMethod() is null)
                {
                    return $"{setting} : {type.Name} n'a pas de propriété « {part} »";
                }

                type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            }
        }

        return IsScalar(type) ? null : $"{setting} désigne un objet ({type.Name}), pas une valeur";
    }

    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
               || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(Uri);
    }

    private static Type? DictionaryValue(Type type) =>
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))?.GetGenericArguments()[1];

    private static Type? ElementType(Type type) => type == typeof(string)
        ? null
        : type.IsArray
            ? type.GetElementType()
            : typeof(IEnumerable).IsAssignableFrom(type)
                ? type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0]
                : null;

    /// <summary>
    /// The environment variables compose.yaml gives the application: the shared block and the web's and
    /// workers' own (not those of SQL Server or the mail catcher, which are theirs).
    /// </summary>
    public static List<string> ComposeApplicationVariables(string compose)
    {
        var found = new List<string>();
        string? service = null;
        var blockIndent = -1;
        var inApplicationBlock = false;
        foreach (var raw in compose.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith('#') || line.Trim().Length == 0)
            {
                continue;
            }

            var indent = line.Length - line.TrimStart().Length;
            if (inApplicationBlock && indent > blockIndent)
            {
                if (YamlKey().Match(line) is { Success: true } key && key.Groups["key"].Value != "<<")
                {
                    found.Add(key.Groups["key"].Value);
                }

                continue;
            }

            inApplicationBlock = false;

            if (indent == 0)
            {
                service = line.StartsWith("x-app-environment:", StringComparison.Ordinal) ? "x-app-environment" : null;
                if (service is not null)
                {
                    inApplicationBlock = true;
                    blockIndent = 0;
                }

                continue;
            }

            if (indent == 2 && YamlKey().Match(line) is { Success: true } serviceKey)
            {
                service = serviceKey.Groups["key"].Value;
                continue;
            }

            if (service is "web" or "worker" && line.Trim() == "environment:")
            {
                inApplicationBlock = true;
                blockIndent = indent;
            }
        }

        return found;
    }

    [GeneratedRegex(@"^\s*(?<key>[A-Za-z_<][A-Za-z0-9_<\-]*)\s*:")]
    private static partial Regex YamlKey();

    /// <summary>The variables of the ENV instructions of a Dockerfile (continuation lines included).</summary>
    public static List<string> DockerfileVariables(string dockerfile)
    {
        var joined = dockerfile.Replace("\\\r\n", " ", StringComparison.Ordinal).Replace("\\\n", " ", StringComparison.Ordinal);
        return joined.Split('\n')
            .Where(l => l.TrimStart().StartsWith("ENV ", StringComparison.Ordinal))
            .SelectMany(l => DockerEnvPair().Matches(l).Select(m => m.Groups["key"].Value))
            .ToList();
    }

    [GeneratedRegex(@"(?<key>[A-Za-z_][A-Za-z0-9_]*)=")]
    private static partial Regex DockerEnvPair();

    /// <summary>
    /// Setting names in a document: environment variable forms (<c>Email__Smtp__Host</c>) anywhere, and
    /// <c>Section:Key</c> forms in backticks, with the siblings a table row abbreviates
    /// (« `Email:Smtp:Host`, `Port` » names Email:Smtp:Port too).
    /// </summary>
    public static List<string> DocumentedSettings(string markdown)
    {
        var found = EnvironmentForm().Matches(markdown).Select(m => m.Value).ToList();
        foreach (var line in markdown.Split('\n'))
        {
            string? parent = null;
            var cells = line.TrimStart().StartsWith('|') ? line.Split('|', StringSplitOptions.RemoveEmptyEntries) : [line];
            foreach (var (cell, index) in cells.Select((c, i) => (c, i)))
            {
                parent = null;
                // Only a table's first column abbreviates siblings; elsewhere a bare word is just a value.
                var abbreviates = cells.Length > 1 && index == 0;
                foreach (Match token in Backticked().Matches(cell))
                {
                    var value = token.Groups["text"].Value;
                    if (ColonForm().IsMatch(value))
                    {
                        found.Add(value);
                        parent = value[..value.LastIndexOf(':')];
                    }
                    else if (parent is not null && abbreviates && SiblingForm().IsMatch(value))
                    {
                        found.Add($"{parent}:{value}");
                    }
                    else
                    {
                        parent = null;
                    }
                }
            }
        }

        return found;
    }

    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9]*(?:__[A-Za-z0-9]+)+\b")]
    private static partial Regex EnvironmentForm();

    [GeneratedRegex(@"`(?<text>[^`\n]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*(?::[A-Za-z0-9]+)+$")]
    private static partial Regex ColonForm();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex SiblingForm();

    /// <summary>Every key of an appsettings file, as a configuration path.</summary>
    public static List<string> JsonSettings(string json)
    {
        var found = new List<string>();
        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement, "");
        return found;

        void Walk(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}:{property.Name}");
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}:{i++}");
                }
            }
            else
            {
                found.Add(path);
            }
        }
    }
}
