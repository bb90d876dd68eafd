using System.Diagnostics;
using MimeKit;

namespace EmergencyWorkflows.Emergency.Tests.Notifications.Smtp;

/// <summary>
/// Starts smtp_sink.py (aiosmtpd) on a free loopback port for the test class and reads what it received.
/// Needs Debian's python3-aiosmtpd: scripts/install-test-deps.sh installs it. The interpreter is
/// $EMERGENCY_TEST_PYTHON if set, else /usr/bin/python3 (Debian's, where apt puts aiosmtpd), else python3 on PATH.
/// </summary>
public sealed class SmtpSinkFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupDeadline = TimeSpan.FromSeconds(30);
    private Process? _process;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "ew-smtp-" + Guid.NewGuid().ToString("N"));

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var script = Path.Combine(AppContext.BaseDirectory, "Notifications", "Smtp", "smtp_sink.py");
        var start = new ProcessStartInfo(Python(), [script, Directory])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the SMTP sink.");

        using var deadline = new CancellationTokenSource(StartupDeadline);
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            line = null;
        }

        if (!int.TryParse(line, out var port))
        {
            var error = "(no port printed in time)";
            if (line is null && !deadline.IsCancellationRequested)
            {
                // Stdout closed: the sink died at start (typically "No module named 'aiosmtpd'"); its stderr says why.
                await _process.WaitForExitAsync(deadline.Token);
                error = await _process.StandardError.ReadToEndAsync(deadline.Token);
            }

            throw new InvalidOperationException(
                $"The SMTP sink did not start: {error.Trim()}{Environment.NewLine}" +
                "Install Debian's python3-aiosmtpd with scripts/install-test-deps.sh (as root), " +
                "or point EMERGENCY_TEST_PYTHON at an interpreter that has aiosmtpd.");
        }

        Port = port;
    }

    public async Task DisposeAsync()
    {
        if (_process is { } process)
        {
            // Closing stdin ends the sink by itself; Kill covers a sink that is stuck.
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>The message whose envelope names <paramref name="recipient"/>, waiting (event-driven, with a deadline)
    /// until the sink has written it.</summary>
    public async Task<ReceivedMail> WaitForMessageToAsync(string recipient, TimeSpan deadline)
    {
        // The sink writes the message before it answers 250, so after a successful send this first look finds it;
        // the watcher (an inotify handle, a limited resource) is only needed when a test waits for a slower sender.
        if (Find(recipient) is { } already)
        {
            return already;
        }

        using var signal = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(Directory, "*.eml") { EnableRaisingEvents = true };
        watcher.Renamed += (_, _) => signal.Release();
        watcher.Created += (_, _) => signal.Release();

        var until = Stopwatch.StartNew();
        while (true)
        {
            if (Find(recipient) is { } found)
            {
                return found;
            }

            var remaining = deadline - until.Elapsed;
            if (remaining <= TimeSpan.Zero || !await signal.WaitAsync(remaining))
            {
                throw new TimeoutException($"No message to {recipient} reached the SMTP sink within {deadline}.");
            }
        }
    }

    public bool HasMessageTo(string recipient) => Find(recipient) is not null;

    private ReceivedMail? Find(string recipient)
    {
        foreach (var eml in System.IO.Directory.EnumerateFiles(Directory, "*.eml"))
        {
            var envelope = File.ReadAllLines(Path.ChangeExtension(eml, ".env"));
            if (envelope.Skip(1).Contains(recipient, StringComparer.OrdinalIgnoreCase))
            {
                return new ReceivedMail(envelope[0], envelope.Skip(1).ToArray(), MimeMessage.Load(eml));
            }
        }

        return null;
    }

    private static string Python()
    {
        var configured = Environment.GetEnvironmentVariable("EMERGENCY_TEST_PYTHON");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    }
}
