using System.Text.Json;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Hosting;

/// <summary>
/// The worker runs its jobs with dynamic PGO off (worker/Runtime.props says why), and the CLU benchmark, which
/// runs the same jobs in its own process, with the same runtime settings; the web keeps PGO. The results
/// benchmark, which computes the dashboards in its own process, runs with the web's (web/Runtime.props).
/// </summary>
public sealed class RuntimeSettingsTests
{
    private static bool? TieredPgo(string project, string assembly) => Setting(project, assembly, "System.Runtime.TieredPGO");

    private static bool? Setting(string project, string assembly, string name)
    {
        var root = SettingNames.RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var file = Path.Combine(root, project, "bin", configuration, "net10.0", assembly + ".runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        return json.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)
            && properties.TryGetProperty(name, out var value) ? value.GetBoolean() : null;
    }

    /// <summary>Each process and the benchmark that measures its work import the same settings file.</summary>
    [Theory]
    [InlineData("worker/VoixUsager.Worker.csproj", "Runtime.props")]
    [InlineData("bench/VoixUsager.CluBench/VoixUsager.CluBench.csproj", "../../worker/Runtime.props")]
    [InlineData("web/VoixUsager.Web.csproj", "Runtime.props")]
    [InlineData("bench/VoixUsager.ResultsBench/VoixUsager.ResultsBench.csproj", "../../web/Runtime.props")]
    public void The_process_and_its_benchmark_import_the_same_runtime_settings(string project, string settings) =>
        Assert.Contains($"<Import Project=\"{settings}\" />", File.ReadAllText(Path.Combine(SettingNames.RepositoryRoot(), project)), StringComparison.Ordinal);

    [Fact]
    public void The_built_worker_runs_without_dynamic_pgo_and_the_web_with_it()
    {
        Assert.False(TieredPgo("worker", "VoixUsager.Worker"));
        Assert.Null(TieredPgo("web", "VoixUsager.Web"));
    }

    [Fact]
    public void The_built_web_runs_the_server_collector()
    {
        Assert.True(Setting("web", "VoixUsager.Web", "System.GC.Server"));
        Assert.True(Setting("web", "VoixUsager.Web", "System.GC.Concurrent"));
    }
}
