using System.Text;
using System.Text.Json;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Packets;

namespace OneArmDesigner.Engine.Tracing;

/// <summary>
/// The one JSON shape of an exchange, shared by `onearm simulate --format json`, POST /api/simulations and the web
/// app. The fields the contract names come first, in its order, with explicit nulls; richer fields follow them.
/// </summary>
public static class TraceJson
{
    public static string Write(ExchangeResult result, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            Write(json, result);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Utf8JsonWriter json, ExchangeResult result)
    {
        json.WriteStartObject();
        json.WriteString("verdict", result.Verdict == Verdict.Completed ? "completed" : "failed");
        json.WriteStartArray("packets");
        foreach (var packet in result.Packets)
        {
            WritePacket(json, packet);
        }

        json.WriteEndArray();
        json.WriteString("summary", result.Summary);
        json.WriteStartObject("flow");
        json.WriteString("from", result.Flow.From);
        json.WriteString("to", result.Flow.To);
        json.WriteString("protocol", result.Flow.Protocol.ToJsonName());
        json.WriteNumber("port", result.Flow.DestinationPort);
        json.WriteNumber("sourcePort", result.Flow.SourcePort);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WritePacket(Utf8JsonWriter json, PacketTrace packet)
    {
        json.WriteStartObject();
        json.WriteString("kind", packet.Kind);
        json.WriteString("disposition", packet.Delivered ? "delivered" : "dropped");
        WriteNullable(json, "reason", packet.Reason?.ToJsonName());
        WriteNullable(json, "dropDevice", packet.DropDevice);
        WriteNullable(json, "log", packet.Log);
        json.WriteStartArray("hops");
        foreach (var hop in packet.Hops)
        {
            json.WriteStartObject();
            json.WriteString("device", hop.Device);
            json.WriteStartArray("steps");
            foreach (var step in hop.Steps)
            {
                WriteStep(json, step);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("summary", packet.Summary);
        if (packet.IcmpSent is { } icmp)
        {
            json.WriteStartObject("icmpSent");
            json.WriteString("device", icmp.Device);
            WriteNullable(json, "from", icmp.From?.ToString());
            json.WriteString("to", icmp.To.ToString());
            json.WriteNumber("icmpType", icmp.Message.Type);
            json.WriteNumber("icmpCode", icmp.Message.Code);
            json.WriteString("message", icmp.Message.Name);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("icmpSent");
        }

        json.WriteEndObject();
    }

    private static void WriteStep(Utf8JsonWriter json, Step step)
    {
        json.WriteStartObject();
        json.WriteString("action", step.Action.ToJsonName());
        WriteNullable(json, "ingress", step.Ingress);
        WriteNullable(json, "egress", step.Egress);
        json.WriteString("detail", step.Detail);
        WriteNullable(json, "evidence", step.Evidence);
        if (step.Crossing is { } crossing)
        {
            json.WriteStartObject("link");
            json.WriteString("from", crossing.FromDevice);
            json.WriteString("fromInterface", crossing.FromInterface);
            json.WriteString("to", crossing.ToDevice);
            WriteNullable(json, "toInterface", crossing.ToInterface);
            WriteNullable(json, "segment", crossing.Segment);
            json.WriteStartArray("linkIndexes");
            foreach (var index in crossing.LinkIndexes)
            {
                json.WriteNumberValue(index);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("link");
        }

        json.WritePropertyName("before");
        WritePacketHeaders(json, step.Before);
        json.WritePropertyName("after");
        WritePacketHeaders(json, step.After);
        if (step.SessionEvents is { Count: > 0 } events)
        {
            json.WriteStartArray("sessions");
            foreach (var change in events)
            {
                json.WriteStartObject();
                json.WriteString("device", change.Device);
                json.WriteString("change", change.Change.ToString().ToLowerInvariant());
                json.WriteNumber("id", change.Session.Id);
                json.WriteString("original", change.Session.Original.ToString());
                json.WriteString("translated", change.Session.Translated.ToString());
                json.WriteString("state", change.Session.State);
                json.WriteString("inInterface", change.Session.InInterface);
                json.WriteString("outInterface", change.Session.OutInterface);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WritePacketHeaders(Utf8JsonWriter json, Packet packet)
    {
        json.WriteStartObject();
        json.WritePropertyName("inner");
        WriteHeader(json, packet.Inner);
        if (packet.Outer is { } outer)
        {
            json.WritePropertyName("outer");
            WriteHeader(json, outer);
        }
        else
        {
            json.WriteNull("outer");
        }

        json.WriteEndObject();
    }

    private static void WriteHeader(Utf8JsonWriter json, PacketHeader header)
    {
        json.WriteStartObject();
        json.WriteString("protocol", header.Protocol.ToJsonName());
        json.WriteString("source", header.Source.ToString());
        json.WriteNumber("sourcePort", header.SourcePort);
        json.WriteString("destination", header.Destination.ToString());
        json.WriteNumber("destinationPort", header.DestinationPort);
        if (header.Protocol == Protocol.Tcp)
        {
            json.WriteString("flags", header.Flags.ToLogText());
        }

        json.WriteNumber("ttl", header.Ttl);
        if (header.Icmp is { } message)
        {
            json.WriteNumber("icmpType", message.Type);
            json.WriteNumber("icmpCode", message.Code);
            if (message.Invoking is { } reported)
            {
                json.WriteString("reportedPacket", reported.ToString());
            }
        }

        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
