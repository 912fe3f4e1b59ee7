using OneArmDesigner.Cli.Commands;
using OneArmDesigner.Engine.Analysis;

namespace OneArmDesigner.Cli.Tests;

public sealed class ProgressBarTests
{
    [Fact]
    public void On_a_terminal_a_long_run_draws_its_progress_on_one_line_and_rubs_it_out_before_the_result()
    {
        var terminal = new StringWriter();
        var output = new StringWriter();
        var matrix = new MatrixCommand(new AnalysisConsole(terminal, showAfter: TimeSpan.Zero, ctrlCCancels: false));

        var code = new CliApp([matrix]).Run(["matrix", "--template", "one-arm-asymmetric"], output, new StringWriter());

        Assert.Equal(1, code);
        var drawn = terminal.ToString();
        Assert.Contains("analysing [", drawn, StringComparison.Ordinal);
        Assert.Matches(@"100%  (\d+) of \1 host pairs", drawn);
        Assert.EndsWith("\r", drawn, StringComparison.Ordinal);
        Assert.DoesNotContain("analysing", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_shorter_than_the_delay_draws_nothing()
    {
        var terminal = new StringWriter();
        var quiet = new TerminalProgressBar(terminal, showAfter: TimeSpan.FromHours(1));

        quiet.Report(new AnalysisProgress(1, 2));
        quiet.Clear();

        Assert.Equal("", terminal.ToString());
    }

    [Fact]
    public void When_stderr_is_not_a_terminal_validate_and_matrix_print_nothing_on_it()
    {
        Assert.Equal("", Cli.Run("validate", "--template", "one-arm-asymmetric").Error);
        Assert.Equal("", Cli.Run("matrix", "--template", "one-arm-asymmetric").Error);
    }
}
