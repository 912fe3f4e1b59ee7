namespace OneArmDesigner.Engine.Packets;

[Flags]
public enum TcpFlags : byte
{
    None = 0,
    Syn = 1,
    Ack = 2,
    Rst = 4,
    Fin = 8,
}

public static class TcpFlagNames
{
    /// <summary>The flags the way ASA logs print them: "SYN ACK".</summary>
    public static string ToLogText(this TcpFlags flags)
    {
        return flags switch
        {
            TcpFlags.Syn => "SYN",
            TcpFlags.Syn | TcpFlags.Ack => "SYN ACK",
            TcpFlags.Ack => "ACK",
            TcpFlags.Rst => "RST",
            TcpFlags.Rst | TcpFlags.Ack => "RST ACK",
            TcpFlags.Fin | TcpFlags.Ack => "FIN ACK",
            _ => flags.ToString().ToUpperInvariant().Replace(", ", " ", StringComparison.Ordinal),
        };
    }
}
