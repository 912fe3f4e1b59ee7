using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace OneArmDesigner.Testing;

/// <summary>
/// The web app as its users run it: a separate <c>dotnet</c> process started from a build or publish output folder,
/// in the environment given (Production unless told), on a free 127.0.0.1 port, with its own SQLite file. Unlike
/// <see cref="RunningApp"/> nothing of the test host is inside it, so static files, error pages and logging behave
/// exactly as they do for a user. Killed, with its folder deleted, on disposal.
/// </summary>
public sealed partial class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _folder;
    private readonly bool _ownsFolder;

    private AppProcess(Process process, string folder, bool ownsFolder, string baseUrl)
    {
        _process = process;
        _folder = folder;
        _ownsFolder = ownsFolder;
        BaseUrl = baseUrl;
    }

    /// <summary>For example <c>http://127.0.0.1:40123</c>, without a trailing slash.</summary>
    public string BaseUrl { get; private set; }

    /// <summary>Everything the process wrote to stdout and stderr so far (its logs).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = new Uri(BaseUrl + "/") };

    /// <summary>The folder the process runs in, which holds its database file.</summary>
    public string Folder => _folder;

    /// <summary>Starts <c>OneArmDesigner.Web.dll</c> from <paramref name="appFolder"/> and waits until it listens.</summary>
    /// <param name="folder">
    /// A folder to run in, whose database to reuse (to start the app again after killing it); it is left in place. By
    /// default a new temporary folder, deleted on disposal.
    /// </param>
    /// <param name="port">The port to listen on; by default a free one. Give the port of a killed instance to restart it.</param>
    public static async Task<AppProcess> StartAsync(string appFolder, string environment = "Production",
        IReadOnlyDictionary<string, string>? settings = null, string? folder = null, int port = 0)
    {
        var ownsFolder = folder is null;
        folder ??= Directory.CreateTempSubdirectory("onearm-process-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            // A working folder of its own: the content root is then not the source tree, as for a deployed app.
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(appFolder, "OneArmDesigner.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(folder, "onearm.db")}";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var app = new AppProcess(process, folder, ownsFolder, "");
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Capture(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (app._output)
            {
                app._output.AppendLine(line);
            }

            if (ListeningOn().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(match.Groups["url"].Value);
            }
        }

        process.OutputDataReceived += (_, e) => Capture(e.Data);
        process.ErrorDataReceived += (_, e) => Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(
            new InvalidOperationException($"The app exited with code {process.ExitCode} before it listened:\n{app.Output}"));

        try
        {
            app.BaseUrl = (await listening.Task.WaitAsync(TimeSpan.FromSeconds(60))).TrimEnd('/');
        }
        catch
        {
            app.Dispose();
            throw;
        }

        return app;
    }

    /// <summary>Ends the process at once, as a crash or a power cut would: nothing is flushed or said goodbye to.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>The port the process listens on.</summary>
    public int Port => new Uri(BaseUrl).Port;

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        if (!_ownsFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningOn();
}
