using System.Diagnostics;

namespace OneArmDesigner.Testing;

/// <summary>
/// A PostgreSQL and a Redis of one's own on 127.0.0.1, started by <c>.ci/services</c> in a temporary folder: what
/// <see cref="TestServices"/> starts when CI has not handed any over, and what a test that stops the services on
/// purpose (to see the app recover) uses, so the shared pair stays up for everyone else.
/// </summary>
public sealed class PrivateServices : IDisposable
{
    private readonly string _folder;

    private PrivateServices(string folder, string postgres, string redis)
    {
        _folder = folder;
        Postgres = postgres;
        Redis = redis;
    }

    /// <summary>A connection string to a superuser on the server's 'postgres' database.</summary>
    public string Postgres { get; }

    /// <summary>host:port.</summary>
    public string Redis { get; }

    /// <summary>Starts a pair, or returns why it could not.</summary>
    public static (PrivateServices? Services, string? Problem) Start()
    {
        var folder = Directory.CreateTempSubdirectory("onearm-services-").FullName;
        var (code, output) = Run("start", folder);
        if (code != 0)
        {
            Delete(folder);
            return (null, ".ci/services could not start PostgreSQL and Redis: " + output);
        }

        string Read(string name) => File.ReadLines(Path.Combine(folder, "env"))
            .Where(l => l.StartsWith($"export {name}=", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim('\''))
            .First();
        return (new PrivateServices(folder, Read("ONEARM_TEST_POSTGRES"), Read("ONEARM_TEST_REDIS")), null);
    }

    /// <summary>Stops both servers, keeping their data and ports for <see cref="Resume"/>.</summary>
    public void Stop() => Check(Run("stop", _folder));

    public void Resume() => Check(Run("resume", _folder));

    public void Dispose()
    {
        Run("stop", _folder);
        Delete(_folder);
    }

    private static void Check((int Code, string Output) result)
    {
        if (result.Code != 0)
        {
            throw new InvalidOperationException(".ci/services failed: " + result.Output);
        }
    }

    private static (int Code, string Output) Run(string command, string folder)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(RepositoryPaths.Root, ".ci", "services"), command, folder })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }

    private static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The OS cleans the temp folder.
        }
    }
}
