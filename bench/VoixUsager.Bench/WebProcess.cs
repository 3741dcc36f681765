using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

/// <summary>The web app as a process of its own, started the way both benchmarks measure it.</summary>
internal static class WebProcess
{
    public static Process Start(string webDll, string provider, string connectionString, string baseUrl)
    {
        if (!File.Exists(webDll))
        {
            throw new FileNotFoundException($"Build the web app first ({webDll}).");
        }

        var start = new ProcessStartInfo("dotnet", [webDll, "--urls", baseUrl])
        {
            // The content root (wwwroot, the static assets' manifest) is the folder the app runs from.
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Production answers only the hosts it is configured for; the benchmark calls it by its loopback address.
        start.Environment["AllowedHosts"] = "127.0.0.1";
        start.Environment["Database__Provider"] = provider;
        start.Environment["Database__ConnectionString"] = connectionString;
        start.Environment["Demo__Seed"] = "true";
        // Every client comes from 127.0.0.1: the per-client limit would otherwise stop the benchmark at 10.
        start.Environment["SurveyRateLimit__PermitLimit"] = "1000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[web] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task WaitForHealthAsync(HttpClient http, Process web)
    {
        for (var i = 0; i < 360 && !web.HasExited; i++)
        {
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("The web app did not become healthy (exited or 3 minutes passed: the demo seeding on a loaded machine); its errors are above.");
    }

    /// <summary>VmHWM: the resident set's high-water mark of <paramref name="process"/>, read from the kernel, in MB.</summary>
    public static long PeakMegabytes(Process process)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>The resident set now, split as the kernel counts it: anonymous (heaps), file-backed (the mapped code), shared.</summary>
    public static string ResidentNow(Process process) => string.Join(", ", File.ReadLines($"/proc/{process.Id}/status")
        .Where(l => l.StartsWith("RssAnon:", StringComparison.Ordinal) || l.StartsWith("RssFile:", StringComparison.Ordinal) || l.StartsWith("RssShmem:", StringComparison.Ordinal))
        .Select(l => l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries) is var f ? $"{f[0].TrimEnd(':')} {long.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture) / 1024} MB" : l));

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string FindRoot()
    {
        var directory = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(directory, "VoixUsager.sln")))
        {
            directory = Path.GetDirectoryName(directory.TrimEnd('/')) ?? throw new InvalidOperationException("Solution root not found.");
        }

        return directory;
    }
}
