using System.Text;

namespace OneArmDesigner.Engine.Tracing;

/// <summary>An exchange as a walkthrough a person reads top to bottom: each packet, each device, each step.</summary>
public static class TraceText
{
    public static string Write(ExchangeResult result)
    {
        var text = new StringBuilder();
        text.AppendLine($"{result.Flow}");
        var number = 0;
        foreach (var packet in result.Packets)
        {
            text.AppendLine();
            text.AppendLine($"{packet.Kind}: {(packet.Delivered ? "delivered" : $"DROPPED at {packet.DropDevice} ({packet.Reason?.ToJsonName()})")}");
            foreach (var hop in packet.Hops)
            {
                text.AppendLine($"  {hop.Device}");
                foreach (var step in hop.Steps)
                {
                    text.AppendLine($"    {++number,3}. {step.Detail}");
                }
            }

            if (packet.Log is { } log)
            {
                text.AppendLine($"  log: {log}");
            }

            if (packet.IcmpSent is { } icmp)
            {
                text.AppendLine($"  icmp: {icmp}");
            }
        }

        text.AppendLine();
        text.AppendLine($"Verdict: {(result.Completed ? "completed" : "failed")}. {result.Summary}");
        return text.ToString();
    }
}
