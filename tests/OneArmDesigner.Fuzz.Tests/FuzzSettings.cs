using System.Globalization;

namespace OneArmDesigner.Fuzz.Tests;

/// <summary>
/// How much to fuzz. CI runs a fixed seed and a few thousand cases; before a release, run it longer with another
/// seed: <c>ONEARM_FUZZ_CASES=100000 ONEARM_FUZZ_SEED=$RANDOM dotnet test tests/OneArmDesigner.Fuzz.Tests</c>.
/// </summary>
public static class FuzzSettings
{
    /// <summary>Documents sent to the REST API; a quarter as many go through the hub and through the CLI.</summary>
    public static int Cases { get; } = Read("ONEARM_FUZZ_CASES", 2_000);

    public static int Seed { get; } = Read("ONEARM_FUZZ_SEED", 20261130);

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
