using System.Diagnostics;

namespace OneArmDesigner.Conformance.Tests.Kernel;

/// <summary>Runs the commands the lab is built with (ip, iptables, python3), and fails loudly with what they said.</summary>
internal static class Shell
{
    public static string Run(string file, params string[] arguments)
    {
        using var process = Start(file, arguments);
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {error.Trim()}");
    }

    /// <summary>Runs a command inside a network namespace.</summary>
    public static string In(string ns, params string[] command) => Run("ip", ["netns", "exec", ns, .. command]);

    /// <summary>Whether a command runs at all here (installed, and allowed for this user).</summary>
    public static bool Works(string file, params string[] arguments)
    {
        try
        {
            Run(file, arguments);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public static Process Start(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
    }
}
