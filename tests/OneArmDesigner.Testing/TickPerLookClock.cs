namespace OneArmDesigner.Testing;

/// <summary>
/// A clock that moves one tick (100 ns) each time it is read, and not otherwise: an analysis's time budget measured on
/// it stops after so many looks at the clock, wherever and however fast the test runs.
/// </summary>
public sealed class TickPerLookClock : TimeProvider
{
    private long _looks;

    public long Looks => Interlocked.Read(ref _looks);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Increment(ref _looks);
}
