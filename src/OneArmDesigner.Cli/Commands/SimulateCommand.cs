using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Endpoints;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Cli.Commands;

/// <summary>`onearm simulate`: traces one exchange and prints it as a walkthrough or as JSON.</summary>
public sealed class SimulateCommand : IReportingCommand
{
    private static readonly IReadOnlyDictionary<string, Protocol> ProtocolChoices = new Dictionary<string, Protocol>
    {
        ["tcp"] = Protocol.Tcp,
        ["udp"] = Protocol.Udp,
        ["icmp"] = Protocol.Icmp,
    };

    public string Name => "simulate";

    public string Summary => "trace a TCP handshake, UDP request or ping hop by hop";

    public string Usage =>
        $"Usage: onearm simulate {DesignSource.Usage} --from HOST --to HOST[:PORT] [--protocol tcp|udp|icmp] [--source-port N] [--ttl N] [--format text|json]\n\n" +
        "Traces every packet of the exchange (TCP: SYN, SYN-ACK, ACK or RST; UDP: request and reply, or an ICMP port\n" +
        "unreachable from a closed port; ICMP: echo and reply).\n" +
        "HOST is a host's name or an IPv4 address inside one of the design's subnets (--from 10.0.0.2 --to 192.168.1.3:3389):\n" +
        "an address no host owns gets a host placed there for this trace, and the destination answers on the port asked for.\n" +
        "The port defaults to 3389 for TCP and UDP; the source port to 5000; the TTL to the sending host's initialTtl (64\n" +
        "unless the design says otherwise). A TTL that runs out shows where, and the ICMP time exceeded sent back.\n" +
        "Exit status: 0 the exchange completed, 1 a packet was dropped (or a RST came back), 2 bad input.\n";

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        var design = DesignSource.Load(arguments);
        var from = arguments.Required("from", "name the host that starts the exchange");
        var (to, port) = ParseDestination(arguments.Required("to", "name the destination host, optionally HOST:PORT"));
        var protocol = arguments.Choice("protocol", Protocol.Tcp, ProtocolChoices);
        var sourcePort = ParsePort(arguments.Optional("source-port") ?? Flow.DefaultSourcePort.ToString(), "--source-port");
        var ttl = arguments.Optional("ttl") is { } ttlText ? ParseTtl(ttlText) : (int?)null;
        var format = OutputFormats.Read(arguments);
        arguments.RejectUnknown();

        var addressed = AddressedFlows.Resolve(design, from, to, protocol, port ?? 3389, sourcePort);
        if (!addressed.Succeeded)
        {
            throw new UsageException(string.Join("; ", addressed.Problems));
        }

        foreach (var host in addressed.PlacedHosts)
        {
            error.WriteLine($"onearm simulate: placed a host at {host} for this trace");
        }

        var flow = addressed.Flow! with { Ttl = ttl };
        var network = NetworkCompiler.Compile(addressed.Design);
        var problems = Simulator.Check(network, flow);
        if (problems.Count > 0)
        {
            throw new UsageException(string.Join("; ", problems));
        }

        var result = Simulator.Run(network, flow);
        output.Write(format == OutputFormat.Json ? TraceJson.Write(result) + "\n" : TraceText.Write(result));
        return result.Completed ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static (string Host, int? Port) ParseDestination(string text)
    {
        var colon = text.LastIndexOf(':');
        return colon < 0 ? (text, null) : (text[..colon], ParsePort(text[(colon + 1)..], "--to"));
    }

    private static int ParseTtl(string text) =>
        int.TryParse(text, out var ttl) && ttl is >= 1 and <= 255
            ? ttl
            : throw new UsageException($"--ttl: '{text}' is not a TTL; use 1 to 255");

    private static int ParsePort(string text, string option) =>
        int.TryParse(text, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new UsageException($"{option}: '{text}' is not a port; use 1 to 65535");
}
