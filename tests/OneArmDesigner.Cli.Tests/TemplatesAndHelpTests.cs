using System.Diagnostics;
using OneArmDesigner.Domain.Documents;

namespace OneArmDesigner.Cli.Tests;

public sealed class TemplatesAndHelpTests
{
    [Fact]
    public void Templates_list_names_both_seed_templates()
    {
        var run = Cli.Run("templates", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("one-arm-asymmetric", run.Output);
        Assert.Contains("one-arm-transit-vlan", run.Output);
    }

    [Fact]
    public void An_exported_template_loads_back_as_a_valid_design()
    {
        var run = Cli.Run("templates", "export", "one-arm-asymmetric");

        Assert.Equal(0, run.ExitCode);
        var loaded = DesignDocument.Load(run.Output);
        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Problems));
        Assert.Equal("one-arm-asymmetric", loaded.Design!.Name);
    }

    [Fact]
    public void Unknown_commands_and_subcommands_are_bad_input()
    {
        Assert.Equal(2, Cli.Run("frobnicate").ExitCode);
        Assert.Equal(2, Cli.Run("templates", "export", "nope").ExitCode);
        Assert.Equal(2, Cli.Run("templates").ExitCode);
    }

    [Fact]
    public void Help_lists_the_commands_and_each_command_explains_itself()
    {
        Assert.Contains("simulate", Cli.Run("--help").Output);
        Assert.Contains("--from HOST --to HOST[:PORT]", Cli.Run("simulate", "--help").Output);
        Assert.Equal(0, Cli.Run("--version").ExitCode);
    }

    [Fact]
    public void The_built_tool_runs_as_a_real_process_with_the_documented_exit_code()
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "onearm.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { tool, "simulate", "--template", "one-arm-asymmetric", "--from", "LaptopA", "--to", "LaptopB:3389", "--format", "json" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000));

        Assert.Equal(1, process.ExitCode);
        Assert.StartsWith("{\"verdict\":\"failed\"", output, StringComparison.Ordinal);
    }
}
