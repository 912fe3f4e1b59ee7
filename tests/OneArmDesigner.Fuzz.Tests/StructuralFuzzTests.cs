using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OneArmDesigner.Cli;
using OneArmDesigner.Cli.Commands;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Testing;

namespace OneArmDesigner.Fuzz.Tests;

/// <summary>
/// Valid documents, structurally mutated, through every door a document comes in by: the REST API (designs,
/// simulations and classrooms), the simulation hub and the command line. Whatever arrives, nothing answers 5xx or
/// crashes, and every refusal names the path of what it refuses. A failure names the seed and the case, so it can be
/// replayed.
/// </summary>
public sealed class StructuralFuzzTests
{
    private static readonly IReadOnlyList<string> Seeds = [.. TemplateCatalog.All.Select(t => DesignDocument.Serialize(t.Create()))];

    private static string Where(Mutant mutant) => $"seed {FuzzSettings.Seed}, {mutant.Describe()}";

    [Fact]
    public async Task Mutated_documents_through_the_REST_API_never_get_a_5xx_and_every_400_names_a_path()
    {
        // The classroom API has its own per-address limit, counted apart from RateLimits (which RunningApp turns off).
        using var app = new RunningApp(environment: "Production",
            settings: new Dictionary<string, string?> { ["Classroom:RequestsPerAddressPerMinute"] = "1000000" });
        using var client = app.CreateHttpClient();
        var mutator = new DocumentMutator(Seeds, FuzzSettings.Seed);
        var failures = new List<string>();

        for (var i = 0; i < FuzzSettings.Cases && failures.Count < 20; i++)
        {
            var mutant = mutator.Next(i);
            var (path, body) = (i % 3) switch
            {
                0 => ("api/simulations", Concat("{\"design\":"u8, mutant.Bytes, ",\"from\":\"LaptopA\",\"to\":\"LaptopB\"}"u8)),
                1 => ("api/designs", mutant.Bytes),
                _ => ("api/classrooms", Concat("{\"design\":"u8, mutant.Bytes, ",\"from\":\"LaptopA\",\"to\":\"LaptopB\"}"u8)),
            };
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
            var problem = await CheckAsync(response);
            if (problem is not null)
            {
                failures.Add($"POST /{path}: {problem} — {Where(mutant)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public async Task Mutated_documents_through_the_hub_get_events_or_an_error_event_naming_paths_and_the_connection_stays()
    {
        using var app = new RunningApp(environment: "Production");
        // A client that sends whatever depth it is given, so the hub, not this client, decides what is too deep.
        await using var connection = new HubConnectionBuilder().WithUrl(app.BaseUrl + "/hubs/simulation")
            .AddJsonProtocol(json => json.PayloadSerializerOptions.MaxDepth = 1024).Build();
        await connection.StartAsync();
        var mutator = new DocumentMutator(Seeds, FuzzSettings.Seed + 1);
        var failures = new List<string>();

        for (var i = 0; i < FuzzSettings.Cases / 4 && failures.Count < 20; i++)
        {
            var mutant = mutator.Next(i);
            if (mutant.Json is null && !IsJson(mutant.Bytes))
            {
                // A JSON client cannot send text that is not JSON; the REST test covers it.
                continue;
            }

            if (Depth(mutant.Bytes) > HubDesignDepth)
            {
                // SignalR's JSON protocol reads a message no deeper than 64 levels and closes the connection on a deeper
                // one, before any hub sees it: a transport limit, like the message size. The REST test covers depth.
                continue;
            }

            var design = JsonNode.Parse(mutant.Bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 1024 });
            var request = new JsonObject { ["design"] = design, ["from"] = "LaptopA", ["to"] = "LaptopB" };
            using var document = JsonDocument.Parse(request.ToJsonString(new JsonSerializerOptions { MaxDepth = 1024 }), new JsonDocumentOptions { MaxDepth = 1024 });
            try
            {
                await foreach (var item in connection.StreamAsync<JsonElement>("StreamSimulation", document.RootElement.Clone()))
                {
                    if (item.GetProperty("type").GetString() == "error")
                    {
                        var problems = item.TryGetProperty("problems", out var list) && list.ValueKind == JsonValueKind.Array
                            ? list.EnumerateArray().Select(p => p.GetString() ?? "").ToList()
                            : [];
                        if (problems.Count == 0 || problems.Any(p => !ProblemPaths.NamesAPath(p)))
                        {
                            failures.Add($"error event without a path: {item.GetRawText()} — {Where(mutant)}");
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is Microsoft.AspNetCore.SignalR.HubException or InvalidOperationException or IOException)
            {
                failures.Add($"stream failed: {ex.Message} — {Where(mutant)}");
            }

            if (connection.State != HubConnectionState.Connected)
            {
                failures.Add($"the connection was closed — {Where(mutant)}");
                break;
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public void Mutated_design_files_through_the_CLI_exit_0_1_or_2_and_every_refusal_names_a_path()
    {
        var mutator = new DocumentMutator(Seeds, FuzzSettings.Seed + 2);
        var failures = new List<string>();
        var file = Path.GetTempFileName();
        try
        {
            for (var i = 0; i < FuzzSettings.Cases / 4 && failures.Count < 20; i++)
            {
                var mutant = mutator.Next(i);
                File.WriteAllBytes(file, mutant.Bytes);
                string[] arguments = i % 2 == 0
                    ? ["validate", "--design", file]
                    : ["simulate", "--design", file, "--from", "LaptopA", "--to", "LaptopB"];
                var (code, error) = RunCli(arguments);
                if (code is not (0 or 1 or 2))
                {
                    failures.Add($"{arguments[0]} exited {code}: {error} — {Where(mutant)}");
                }
                else if (code == 2 && error.Contains("is not a valid design document", StringComparison.Ordinal))
                {
                    var unnamed = error.Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0 && !ProblemPaths.NamesAPath(l)).ToList();
                    if (unnamed.Count > 0)
                    {
                        failures.Add($"{arguments[0]}: problems without a path: {string.Join(" | ", unnamed)} — {Where(mutant)}");
                    }
                }
            }
        }
        finally
        {
            File.Delete(file);
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>Runs onearm in-process; an exception escaping it is a crash, reported as exit code -1.</summary>
    private static (int Code, string Error) RunCli(string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        try
        {
            var code = new CliApp([new SimulateCommand(), new ValidateCommand()]).Run(arguments, output, error);
            return (code, error.ToString());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return (-1, ex.ToString());
        }
    }

    /// <summary>Null when the answer is acceptable; otherwise what is wrong with it.</summary>
    private static async Task<string?> CheckAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return $"{status}: {await response.Content.ReadAsStringAsync()}";
        }

        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} is not problem+json but {response.Content.Headers.ContentType?.MediaType ?? "empty"}";
        }

        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            return response.StatusCode == HttpStatusCode.RequestEntityTooLarge ? null : $"unexpected {status}";
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problems = body.RootElement.TryGetProperty("problems", out var list) ? list.EnumerateArray().Select(p => p.GetString() ?? "").ToList() : [];
        var unnamed = problems.Where(p => !ProblemPaths.NamesAPath(p)).ToList();
        return problems.Count == 0 ? "a 400 with no problems"
            : unnamed.Count > 0 ? "problems without a path: " + string.Join(" | ", unnamed)
            : null;
    }

    /// <summary>How deep a design may nest inside a hub message: 64 levels, less the message, its arguments and the request.</summary>
    private const int HubDesignDepth = 64 - 3;

    private static int Depth(byte[] json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 4096 });
        var deepest = 0;
        while (reader.Read())
        {
            deepest = Math.Max(deepest, reader.CurrentDepth + 1);
        }

        return deepest;
    }

    private static bool IsJson(byte[] bytes)
    {
        try
        {
            using var _ = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 1024 });
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static byte[] Concat(ReadOnlySpan<byte> head, byte[] middle, ReadOnlySpan<byte> tail) => [.. head, .. middle, .. tail];
}
