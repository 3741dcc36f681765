using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace VoixUsager.Tests.Email;

/// <summary>
/// A message as the test SMTP server received it: the envelope recipients, the raw message parsed back,
/// and the client's port, which tells messages sent over one connection from those sent over several.
/// </summary>
public sealed record ReceivedEmail(IReadOnlyList<string> EnvelopeRecipients, MimeMessage Message, int ClientPort);

/// <summary>
/// A real SMTP server on loopback: Python's aiosmtpd (Debian's python3-aiosmtpd, which infra/test.sh
/// installs) run as a child process. It saves each message into a folder of its own before answering
/// 250, so once the sender returns, everything the server accepted is already on disk. It offers AUTH
/// (user <see cref="UserName"/>, password <see cref="Password"/>) without requiring it, never offers
/// STARTTLS, and refuses every recipient whose address starts with "refuse".
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    public const string UserName = "agent";
    public const string Password = "secret";

    private const string Script = """
        import asyncio, os, sys, threading, uuid
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult, LoginPassword

        out_dir, port = sys.argv[1], int(sys.argv[2])

        class Handler:
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.lower().startswith("refuse"):
                    return "550 5.1.1 Mailbox unavailable"
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, server, session, envelope):
                for address in envelope.rcpt_tos:
                    hold = os.path.join(os.path.dirname(out_dir), "hold-" + address.lower())
                    if os.path.exists(hold):
                        # Held once: never answered nor saved, as a server that stalls mid-message.
                        os.replace(hold, os.path.join(os.path.dirname(out_dir), "held-" + address.lower()))
                        await asyncio.sleep(3600)
                name = uuid.uuid4().hex
                with open(os.path.join(out_dir, name + ".rcpt"), "w") as f:
                    f.write("\n".join(envelope.rcpt_tos))
                with open(os.path.join(out_dir, name + ".peer"), "w") as f:
                    f.write(str(session.peer[1]))
                temporary = os.path.join(out_dir, name + ".tmp")
                with open(temporary, "wb") as f:
                    f.write(envelope.original_content)
                os.replace(temporary, os.path.join(out_dir, name + ".eml"))
                return "250 OK"

        def authenticate(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"agent" and auth_data.password == b"secret"
            # handled=False: aiosmtpd then answers 535 itself instead of leaving the client waiting.
            return AuthResult(success=ok, handled=False)

        controller = Controller(Handler(), hostname="127.0.0.1", port=port,
                                authenticator=authenticate, auth_require_tls=False)
        controller.start()
        print("READY", flush=True)
        threading.Event().wait()
        """;

    private static readonly Lazy<string> Python = new(FindPython);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "voixusager-tests", "smtp-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    private SmtpTestServer()
    {
        Directory.CreateDirectory(ReceivedDirectory);
        File.WriteAllText(ScriptPath, Script);
        Port = FreePort();
    }

    public int Port { get; }

    private string ReceivedDirectory => Path.Combine(_directory, "received");

    private string ScriptPath => Path.Combine(_directory, "smtp_server.py");

    public static async Task<SmtpTestServer> StartNewAsync()
    {
        var server = new SmtpTestServer();
        try
        {
            await server.StartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts (again) on the same port, keeping what was already received.</summary>
    public async Task StartAsync()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("The SMTP test server is already running.");
        }

        var start = new ProcessStartInfo(Python.Value, [ScriptPath, ReceivedDirectory, Port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONUNBUFFERED"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        _process = process;
        var errors = process.StandardError.ReadToEndAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            line = null;
        }

        if (line != "READY")
        {
            await StopAsync();
            throw new InvalidOperationException($"The SMTP test server did not start on port {Port}: {await errors}");
        }
    }

    /// <summary>Kills the server process, as a crash or an outage would stop it.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    /// <summary>
    /// The next message to <paramref name="address"/> is held: the server takes it in but never answers
    /// nor keeps it, so the sender waits with that message in hand (a worker can be killed there).
    /// </summary>
    public void Hold(string address) => File.WriteAllText(Path.Combine(_directory, "hold-" + address.ToLowerInvariant()), "");

    /// <summary>Whether a message held by <see cref="Hold"/> has reached the server.</summary>
    public bool IsHolding(string address) => File.Exists(Path.Combine(_directory, "held-" + address.ToLowerInvariant()));

    public IReadOnlyList<ReceivedEmail> Received() =>
        Directory.EnumerateFiles(ReceivedDirectory, "*.eml")
            .Order(StringComparer.Ordinal)
            .Select(path => new ReceivedEmail(
                File.ReadAllLines(Path.ChangeExtension(path, ".rcpt")),
                MimeMessage.Load(path),
                int.Parse(File.ReadAllText(Path.ChangeExtension(path, ".peer")), System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover folder in /tmp is harmless; failing the test for it is not.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Debian installs python3-aiosmtpd for /usr/bin/python3, which may not be the python3 first on the
    /// PATH (pyenv, virtualenvs): take the first interpreter that can import it.
    /// </summary>
    private static string FindPython()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                using var probe = Process.Start(new ProcessStartInfo(candidate, ["-c", "import aiosmtpd"])
                {
                    RedirectStandardError = true,
                    UseShellExecute = false,
                });
                if (probe is null)
                {
                    continue;
                }

                probe.StandardError.ReadToEnd();
                probe.WaitForExit();
                if (probe.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed under that name: try the next one.
            }
        }

        throw new InvalidOperationException("No python3 can import aiosmtpd: install Debian's python3-aiosmtpd (infra/test.sh does).");
    }
}
