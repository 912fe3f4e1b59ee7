using Microsoft.Extensions.Options;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Endpoints;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;
using OneArmDesigner.Web.Designs;

namespace OneArmDesigner.Web.Simulation;

/// <summary>A request turned into something the engine can run, or every reason it cannot be.</summary>
/// <remarks>A class, not a record: it is shared by reference (see <see cref="TemplateRunCache"/>) and keeps its events once made.</remarks>
public sealed class ResolvedSimulation(Design? design, ExchangeResult? result, IReadOnlyList<string> problems)
{
    private IReadOnlyList<SimulationEvent>? _events;

    public Design? Design { get; } = design;

    public ExchangeResult? Result { get; } = result;

    public IReadOnlyList<string> Problems { get; } = problems;

    public bool Succeeded => Result is not null;

    /// <summary>The stream's events, made on first read and kept: a cached template run serves them to every stream.</summary>
    /// <remarks>Two threads reading at once may both make them; the lists are equal and either is kept.</remarks>
    public IReadOnlyList<SimulationEvent> Events => _events ??= TraceEvents.From(Result!);
}

/// <summary>
/// Resolves a simulation request (template, saved design or inline document; the flow) and runs it, checking every
/// field and every limit. The hub, the REST API and the playback page all go through here.
/// </summary>
public sealed class SimulationResolver(DesignStore store, IOptions<SimulationLimits> limits, TemplateRunCache templateRuns)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Design> TemplateDesigns = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, Protocol> Protocols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tcp"] = Protocol.Tcp,
        ["udp"] = Protocol.Udp,
        ["icmp"] = Protocol.Icmp,
    };

    public async Task<ResolvedSimulation> ResolveAsync(SimulationRequest? request, CancellationToken ct = default)
    {
        if (request is null)
        {
            return Failed(["request: is missing; send {template | designToken | design, from, to, port, protocol, sourcePort, ttl}"]);
        }

        var problems = new List<string>();
        var design = await LoadDesignAsync(request, problems, ct);
        var flow = ReadFlow(request, problems);
        if (request.StepDelayMs < 0 || request.StepDelayMs > limits.Value.MaxStepDelayMs)
        {
            problems.Add($"stepDelayMs: {request.StepDelayMs} is outside 0 to {limits.Value.MaxStepDelayMs} (limit MaxStepDelayMs)");
        }

        if (design is null || flow is null || problems.Count > 0)
        {
            return Failed(problems);
        }

        return request.Template is { } template ? templateRuns.GetOrRun(template, flow, () => Run(design, flow)) : Run(design, flow);
    }

    /// <summary>
    /// Runs a flow on a design the caller already holds (the playback page), with the same checks and limits. Either
    /// end may be an IPv4 address (simulate by address); the result's design is then the one with the hosts placed.
    /// </summary>
    public ResolvedSimulation Run(Design design, Flow flow)
    {
        var addressed = AddressedFlows.Resolve(design, flow.From, flow.To, flow.Protocol, flow.DestinationPort, flow.SourcePort);
        if (!addressed.Succeeded)
        {
            return Failed(addressed.Problems);
        }

        var network = NetworkCompiler.Compile(addressed.Design);
        var resolvedFlow = addressed.Flow! with { Ttl = flow.Ttl };
        var flowProblems = Simulator.Check(network, resolvedFlow);
        if (flowProblems.Count > 0)
        {
            return Failed(flowProblems);
        }

        var result = Simulator.Run(network, resolvedFlow);
        var steps = result.Packets.Sum(p => p.Hops.Sum(h => h.Steps.Count));
        return steps > limits.Value.MaxStepsPerTrace
            ? Failed([$"design: the trace has {steps} steps, more than the limit of {limits.Value.MaxStepsPerTrace} (limit MaxStepsPerTrace)"])
            : new ResolvedSimulation(addressed.Design, result, []);
    }

    private async Task<Design?> LoadDesignAsync(SimulationRequest request, List<string> problems, CancellationToken ct)
    {
        var sources = (request.Template is null ? 0 : 1) + (request.DesignToken is null ? 0 : 1) + (request.Design is null ? 0 : 1);
        if (sources != 1)
        {
            problems.Add(sources == 0
                ? "design: name the design with one of template, designToken or design (an inline document)"
                : "design: give only one of template, designToken or design");
            return null;
        }

        if (request.Template is { } name)
        {
            var template = TemplateCatalog.Find(name);
            if (template is null)
            {
                problems.Add($"template: '{name}' is not a template; templates are {TemplateCatalog.KnownNames}");
            }

            // Designs are immutable, so each template is built once and shared by every request that names it.
            return template is null ? null : TemplateDesigns.GetOrAdd(template.Name, _ => template.Create());
        }

        if (request.DesignToken is { } token)
        {
            var opened = await store.OpenAsync(token, ct);
            if (!opened.Succeeded)
            {
                problems.Add("designToken: no design answers to this link; it may have been revoked or deleted");
                return null;
            }

            return LoadDocument(opened.Value!.DocumentJson, "stored design", problems);
        }

        var json = request.Design!.Value.GetRawText();
        var bytes = System.Text.Encoding.UTF8.GetByteCount(json);
        if (bytes > limits.Value.MaxDesignBytes)
        {
            problems.Add($"design: the document is {bytes} bytes, more than the limit of {limits.Value.MaxDesignBytes} (limit MaxDesignBytes)");
            return null;
        }

        return LoadDocument(json, "design", problems);
    }

    private static Design? LoadDocument(string json, string what, List<string> problems)
    {
        var loaded = DesignDocument.Load(json);
        problems.AddRange(loaded.Problems.Select(p => p.Path == DesignDocument.RootPath ? $"{what}: {p.Message}" : $"{what}.{p}"));
        return loaded.Design;
    }

    private static Flow? ReadFlow(SimulationRequest request, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(request.From))
        {
            problems.Add("from: is missing; name the host that starts the exchange");
        }

        if (string.IsNullOrWhiteSpace(request.To))
        {
            problems.Add("to: is missing; name the destination host");
        }

        var protocol = Protocol.Tcp;
        if (request.Protocol is { } text && !Protocols.TryGetValue(text, out protocol))
        {
            problems.Add($"protocol: '{text}' is not tcp, udp or icmp");
        }

        return problems.Count > 0
            ? null
            : new Flow(request.From!, request.To!, protocol, request.Port ?? 3389, request.SourcePort ?? Flow.DefaultSourcePort, request.Ttl);
    }

    private static ResolvedSimulation Failed(IReadOnlyList<string> problems) => new(null, null, problems);
}
