using System.Diagnostics;
using System.Text.Json;
using OneArmDesigner.Testing;

namespace OneArmDesigner.Web.Tests.ScaleOut;

/// <summary>
/// A classroom follower on the official JavaScript SignalR client (tests/classroom-js/follow.mjs under node), as a
/// browser would follow: every event it receives comes back as a JSON object. Killed on disposal if still running.
/// </summary>
internal sealed class JavaScriptFollower : IDisposable
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "classroom-js");

    private readonly Process _process;
    private readonly List<JsonElement> _received = [];
    private readonly Dictionary<string, int> _taken = [];
    private readonly List<string> _output = [];

    private JavaScriptFollower(Process process) => _process = process;

    /// <summary>Everything it wrote, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public static JavaScriptFollower Start(string baseUrl, string code, int untilStep)
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "@microsoft", "signalr")))
        {
            throw new InvalidOperationException("The JavaScript SignalR client is not installed: run `npm ci --prefix tests/classroom-js` (.ci/prerequisites does).");
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "follow.mjs", "--url", baseUrl, "--code", code, "--until", untilStep.ToString(System.Globalization.CultureInfo.InvariantCulture), "--timeout", "60" })
        {
            start.ArgumentList.Add(argument);
        }

        var follower = new JavaScriptFollower(Process.Start(start) ?? throw new InvalidOperationException("node could not be started."));
        follower._process.OutputDataReceived += (_, e) => follower.Read(e.Data, json: true);
        follower._process.ErrorDataReceived += (_, e) => follower.Read(e.Data, json: false);
        follower._process.BeginOutputReadLine();
        follower._process.BeginErrorReadLine();
        return follower;
    }

    /// <summary>
    /// The next event named <paramref name="name"/> not yet returned, whatever arrived in between (a Join's first
    /// step event comes before Join's own result); fails with the follower's output after 30 s.
    /// </summary>
    public async Task<JsonElement> NextAsync(string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            lock (_received)
            {
                var seen = _taken.GetValueOrDefault(name);
                var matching = _received.Where(e => e.GetProperty("event").GetString() == name).Skip(seen).ToList();
                if (matching.Count > 0)
                {
                    _taken[name] = seen + 1;
                    return matching[0];
                }

                if (_received.Any(e => e.GetProperty("event").GetString() is "error" or "timeout"))
                {
                    throw new InvalidOperationException($"The JavaScript follower stopped before '{name}':\n{Output}");
                }
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The JavaScript follower saw no more '{name}' events in 30 s:\n{Output}");
    }

    /// <summary>Waits for it to end by itself (it does once it has seen its last step); its exit code.</summary>
    public async Task<int> ExitCodeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5_000);
        }

        _process.Dispose();
    }

    private void Read(string? line, bool json)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (json && line.StartsWith('{'))
        {
            lock (_received)
            {
                _received.Add(JsonDocument.Parse(line).RootElement.Clone());
            }
        }
    }
}
