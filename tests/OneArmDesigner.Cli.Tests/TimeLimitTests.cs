using System.Text.Json;

namespace OneArmDesigner.Cli.Tests;

/// <summary>`--max-seconds` bounds validate and matrix in a pipeline: what was found is printed, marked incomplete.</summary>
public sealed class TimeLimitTests
{
    /// <summary>Far too short for any design: the analysis runs out at its first check.</summary>
    private const string NoTime = "0.000001";

    /// <summary>A design with no error-level finding and every pair reachable, so only the time limit can fail it.</summary>
    private static readonly string[] Healthy = ["--template", "one-arm-transit-vlan"];

    private static Cli.Outcome Run(string command, params string[] options) => Cli.Run([command, .. Healthy, .. options]);

    [Fact]
    public void Without_a_limit_the_healthy_design_validates_and_every_pair_is_reachable()
    {
        Assert.Equal(0, Run("validate").ExitCode);
        Assert.Equal(0, Run("matrix").ExitCode);
    }

    [Fact]
    public void Validate_that_runs_out_of_time_exits_3_and_says_so_in_text_and_json()
    {
        var text = Run("validate", "--max-seconds", NoTime);
        var json = Run("validate", "--max-seconds", NoTime, "--format", "json");

        Assert.Equal(3, text.ExitCode);
        Assert.Matches(@"Incomplete: over the time budget: .* ran out after [\d,]+ of [\d,]+ host pairs", text.Output);
        Assert.DoesNotContain("the design looks right", text.Output, StringComparison.Ordinal);
        AssertIncompleteJson(json);
    }

    [Fact]
    public void Validate_that_finds_an_error_before_its_time_runs_out_still_exits_1()
    {
        var run = Cli.Run("validate", "--template", "one-arm-asymmetric", "--max-seconds", NoTime);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ASYMMETRIC_ROUTING_STATEFUL", run.Output, StringComparison.Ordinal);
        Assert.Contains("Incomplete: over the time budget", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Matrix_that_runs_out_of_time_exits_3_and_says_it_is_incomplete_after_the_pairs_it_decided()
    {
        var text = Run("matrix", "--max-seconds", NoTime);
        var json = Run("matrix", "--max-seconds", NoTime, "--format", "json");

        Assert.Equal(3, text.ExitCode);
        var lines = text.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Matches(@"^Incomplete: over the time budget: .*\. Pairs not yet decided are not listed\.$", lines[^1]);
        Assert.Matches(@"^(\d+) of \1 pairs reachable\.$", lines[^2]);
        AssertIncompleteJson(json);
    }

    [Fact]
    public void A_complete_matrix_says_so_in_json()
    {
        using var document = JsonDocument.Parse(Run("matrix", "--format", "json", "--max-seconds", "600").Output);

        Assert.True(document.RootElement.GetProperty("complete").GetBoolean());
        Assert.False(document.RootElement.TryGetProperty("incomplete", out _));
    }

    private static void AssertIncompleteJson(Cli.Outcome run)
    {
        Assert.Equal(3, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        Assert.False(document.RootElement.GetProperty("complete").GetBoolean());
        Assert.StartsWith("over the time budget", document.RootElement.GetProperty("incomplete").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1e9")]
    public void A_time_limit_that_is_not_a_positive_number_of_seconds_is_bad_input_named_as_such(string value)
    {
        var run = Run("validate", "--max-seconds", value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--max-seconds: '{value}' is not a number of seconds above 0 and at most 86400", run.Error, StringComparison.Ordinal);
    }
}
