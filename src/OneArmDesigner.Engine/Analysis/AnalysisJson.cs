using System.Text;
using System.Text.Json;

namespace OneArmDesigner.Engine.Analysis;

/// <summary>
/// JSON of validation reports and reachability matrices, shared by `onearm validate|matrix --format json` and the web
/// app (which keeps a revision's findings in this shape).
/// </summary>
public static class AnalysisJson
{
    public static string Write(ValidationReport report) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("code", finding.Code);
            json.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
            json.WriteStartArray("devices");
            foreach (var device in finding.Devices)
            {
                json.WriteStringValue(device);
            }

            json.WriteEndArray();
            json.WriteStartArray("interfaces");
            foreach (var item in finding.Interfaces)
            {
                json.WriteStringValue(item);
            }

            json.WriteEndArray();
            json.WriteStartArray("links");
            foreach (var link in finding.Links)
            {
                json.WriteNumberValue(link);
            }

            json.WriteEndArray();
            json.WriteString("message", finding.Message);
            json.WriteStartArray("fixes");
            foreach (var fix in finding.Fixes)
            {
                json.WriteStartObject();
                json.WriteString("id", fix.Id);
                json.WriteString("title", fix.Title);
                json.WriteString("explanation", fix.Explanation);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (finding.Evidence is null)
            {
                json.WriteNull("evidence");
            }
            else
            {
                json.WriteString("evidence", finding.Evidence);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("errors", report.Count(Severity.Error));
        json.WriteNumber("warnings", report.Count(Severity.Warning));
        WriteCompleteness(json, report.Incomplete);
        if (!report.Complete)
        {
            json.WriteNumber(PairsDecidedProperty, report.PairsDecided);
        }

        json.WriteEndObject();
    });

    /// <summary>The property of an incomplete report's JSON that holds <see cref="ValidationReport.PairsDecided"/>.</summary>
    public const string PairsDecidedProperty = "pairsDecided";

    public static string Write(ReachabilityMatrix matrix)
    {
        var text = new StringWriter();
        Write(matrix, text);
        return text.ToString();
    }

    /// <summary>
    /// Writes in chunks, so a matrix of millions of pairs is never one string: `pairs`, then `complete` and, when the
    /// time budget cut the analysis short, `incomplete` with why (the pairs are then those decided in time).
    /// </summary>
    public static void Write(ReachabilityMatrix matrix, TextWriter output)
    {
        const int chunk = 64 * 1024;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("pairs");
            foreach (var entry in matrix)
            {
                WritePair(json, entry);
                if (json.BytesPending + buffer.Length > chunk)
                {
                    json.Flush();
                    output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                    buffer.SetLength(0);
                }
            }

            json.WriteEndArray();
            WriteCompleteness(json, matrix.Incomplete);
            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WriteCompleteness(Utf8JsonWriter json, string? incomplete)
    {
        json.WriteBoolean("complete", incomplete is null);
        if (incomplete is not null)
        {
            json.WriteString("incomplete", incomplete);
        }
    }

    private static void WritePair(Utf8JsonWriter json, ReachabilityEntry entry)
    {
        var outcome = entry.Outcome;
        json.WriteStartObject();
        json.WriteString("from", entry.From);
        json.WriteString("to", entry.To);
        json.WriteString("protocol", entry.Flow.Protocol.ToString().ToLowerInvariant());
        json.WriteNumber("port", entry.Flow.DestinationPort);
        json.WriteString("verdict", entry.Reachable ? "completed" : "failed");
        json.WriteString("detail", ReachabilityMatrix.Describe(entry));
        if (outcome.Reason is { } reason)
        {
            json.WriteString("reason", Tracing.DropReasons.ToJsonName(reason));
            json.WriteString("dropDevice", outcome.DropDevice);
        }
        else
        {
            json.WriteNull("reason");
            json.WriteNull("dropDevice");
        }

        json.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
