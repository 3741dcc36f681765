using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace VoixUsager.Tests.Infrastructure;

/// <summary>
/// The W3C's Nu Html Checker (vnu.jar, installed into the clone by infra/test.sh) run on pages as the
/// server sent them. The JVM takes seconds to start, so a batch of pages is checked in one run.
/// Errors fail; so do warnings, except the few listed in <see cref="AcceptedWarnings"/>, each for a
/// stated reason: a warning nobody has looked at is treated as a defect until someone has.
/// </summary>
public static partial class HtmlChecker
{
    /// <summary>Where infra/test.sh installs the checker, relative to the solution's folder.</summary>
    public const string JarInClone = ".test-tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar";

    /// <summary>Set to check with another copy of vnu.jar.</summary>
    public const string JarVariable = "VOIXUSAGER_VNU_JAR";

    public sealed record Message(string Page, string Type, int Line, int Column, string Text, string Extract)
    {
        public override string ToString() => $"{Page}:{Line}:{Column}: {Type}: {Text}\n    «{Extract.ReplaceLineEndings(" ")}»";
    }

    /// <summary>
    /// The DSFR's header, main, footer and navigation markup carries its landmark roles explicitly (as the
    /// design system prescribes, for assistive technologies that do not map the elements themselves);
    /// the checker notes them as redundant, which they are by design.
    /// </summary>
    private static readonly Regex[] AcceptedWarnings =
    [
        RedundantLandmarkRole(),
    ];

    [GeneratedRegex("^The “(banner|main|contentinfo|navigation)” role is unnecessary for element “(header|main|footer|nav)”\\.$")]
    private static partial Regex RedundantLandmarkRole();

    public static string JarPath()
    {
        if (Environment.GetEnvironmentVariable(JarVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "VoixUsager.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new InvalidOperationException("Solution root not found.");
        }

        return Path.Combine(root, JarInClone);
    }

    /// <summary>Every message the checker gives on <paramref name="pages"/> (name → HTML), in one run of the checker.</summary>
    public static async Task<IReadOnlyList<Message>> CheckAsync(IReadOnlyDictionary<string, string> pages)
    {
        var jar = JarPath();
        if (!File.Exists(jar))
        {
            throw new InvalidOperationException($"The W3C checker is not installed at {jar}: infra/test.sh installs it (npm package vnu-jar into .test-tools/vnu), or set {JarVariable}.");
        }

        var folder = Directory.CreateTempSubdirectory("voixusager-vnu-");
        try
        {
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var (name, html) in pages)
            {
                var file = Path.Combine(folder.FullName, $"page-{index++:D3}.html");
                await File.WriteAllTextAsync(file, html);
                files[file] = name;
            }

            var start = new ProcessStartInfo("java")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // A modest heap: the machine is shared, and a few dozen pages need little.
            foreach (var argument in new[] { "-Xmx512m", "-Xss1024k", "-jar", jar, "--format", "json", "--stdout", "--exit-zero-always" }.Concat(files.Keys))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("java could not be started.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(timeout.Token);
            var json = await output;
            if (process.ExitCode != 0 || json.Length == 0)
            {
                throw new InvalidOperationException($"The W3C checker failed (exit {process.ExitCode}): {await error}");
            }

            using var document = JsonDocument.Parse(json);
            var messages = new List<Message>();
            foreach (var message in document.RootElement.GetProperty("messages").EnumerateArray())
            {
                var url = message.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
                var path = url.StartsWith("file:", StringComparison.Ordinal) ? "/" + url["file:".Length..].TrimStart('/') : url;
                var type = message.GetProperty("type").GetString()!;
                if (message.TryGetProperty("subType", out var subType))
                {
                    type += "/" + subType.GetString();
                }

                messages.Add(new Message(
                    files.GetValueOrDefault(path, path),
                    type,
                    message.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0,
                    message.TryGetProperty("firstColumn", out var column) ? column.GetInt32() : message.TryGetProperty("lastColumn", out var last) ? last.GetInt32() : 0,
                    message.GetProperty("message").GetString()!,
                    message.TryGetProperty("extract", out var extract) ? extract.GetString()! : ""));
            }

            return messages;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>What fails a page: an error, a document the checker could not read, or a warning not accepted above.</summary>
    public static bool Fails(Message message) =>
        message.Type.StartsWith("error", StringComparison.Ordinal)
        || message.Type.StartsWith("non-document-error", StringComparison.Ordinal)
        || (message.Type == "info/warning" && !AcceptedWarnings.Any(w => w.IsMatch(message.Text)));

    /// <summary>Fails with every error and unaccepted warning of every page, after checking them all in one run.</summary>
    public static async Task AssertValidAsync(IReadOnlyDictionary<string, string> pages)
    {
        Assert.NotEmpty(pages);
        var failures = (await CheckAsync(pages)).Where(Fails).ToList();
        Assert.True(failures.Count == 0, $"The W3C checker found {failures.Count} problem(s) in {pages.Count} page(s):\n{string.Join("\n", failures)}");
    }
}
