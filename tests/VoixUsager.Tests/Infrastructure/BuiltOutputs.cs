namespace VoixUsager.Tests.Infrastructure;

/// <summary>Where the solution's own programs were built, for tests that start them as separate processes.</summary>
public static class BuiltOutputs
{
    public static string Path(string projectFolder, string dll)
    {
        var separator = System.IO.Path.DirectorySeparatorChar;
        var configuration = AppContext.BaseDirectory.Contains($"{separator}Release{separator}", StringComparison.Ordinal) ? "Release" : "Debug";
        var root = AppContext.BaseDirectory;
        while (!File.Exists(System.IO.Path.Combine(root, "VoixUsager.sln")))
        {
            root = System.IO.Path.GetDirectoryName(root.TrimEnd(separator)) ?? throw new InvalidOperationException("Solution root not found.");
        }

        return System.IO.Path.Combine(root, projectFolder, "bin", configuration, "net10.0", dll);
    }
}
