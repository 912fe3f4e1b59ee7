namespace OneArmDesigner.Web.Components.Playback;

/// <summary>Each packet of an exchange has its own colour, the same on the canvas, in the event list and the legend.</summary>
public static class PacketColors
{
    /// <summary>The outer (ESP in UDP) packet's colour: the tunnel a packet rides in between two MX units.</summary>
    public const string Tunnel = "#00897b";

    /// <summary>A drop.</summary>
    public const string Drop = "#c62828";

    public static string For(string? kind) => kind switch
    {
        "SYN" => "#2e7d32",
        "SYN-ACK" => "#1565c0",
        "ACK" => "#8e24aa",
        "RST" or "PORT-UNREACHABLE" => "#c62828",
        "UDP" or "ECHO" => "#ef6c00",
        "UDP-REPLY" or "ECHO-REPLY" => "#00838f",
        _ => "#546e7a",
    };
}
