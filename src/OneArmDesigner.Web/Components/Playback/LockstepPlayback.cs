namespace OneArmDesigner.Web.Components.Playback;

/// <summary>
/// Two playbacks of the same flow (a broken design and its fix) moved together, packet by packet: each tick moves
/// both one step within the current packet; when one has finished that packet it waits for the other, and then both
/// start the next packet together. So the two SYNs travel side by side, then the two SYN-ACKs: one dies at the
/// firewall while the other goes on.
/// </summary>
public sealed class LockstepPlayback(PlaybackState left, PlaybackState right)
{
    private int _packet;

    public PlaybackState Left { get; } = left;

    public PlaybackState Right { get; } = right;

    /// <summary>How many ticks from the start.</summary>
    public int Tick { get; private set; }

    public bool AtStart => Tick == 0;

    public bool AtEnd => Left.AtEnd && Right.AtEnd;

    public bool Forward()
    {
        var moved = StepWithin(Left) | StepWithin(Right);
        if (!moved && !AtEnd)
        {
            _packet++;
            moved = StepWithin(Left) | StepWithin(Right);
        }

        if (moved)
        {
            Tick++;
        }

        return moved;
    }

    public bool Back()
    {
        if (AtStart)
        {
            return false;
        }

        ReplayTo(Tick - 1);
        return true;
    }

    public void Reset() => ReplayTo(0);

    public void End()
    {
        while (Forward())
        {
        }
    }

    /// <summary>Ticks are cheap to replay; going back is replaying from the start.</summary>
    private void ReplayTo(int tick)
    {
        Left.Reset();
        Right.Reset();
        (_packet, Tick) = (0, 0);
        while (Tick < tick && Forward())
        {
        }
    }

    private bool StepWithin(PlaybackState side) =>
        !side.AtEnd && side.Steps[side.Current + 1].PacketIndex == _packet && side.Forward();
}
