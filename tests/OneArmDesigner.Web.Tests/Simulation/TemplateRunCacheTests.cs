using Microsoft.Extensions.DependencyInjection;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Testing;
using OneArmDesigner.Web.Simulation;

namespace OneArmDesigner.Web.Tests.Simulation;

/// <summary>A template walkthrough is traced once for every stream that asks for it, and the cache stays bounded.</summary>
public sealed class TemplateRunCacheTests(RunningAppFixture fixture) : IClassFixture<RunningAppFixture>
{
    private static readonly SimulationRequest Walkthrough = new() { Template = "one-arm-asymmetric", From = "LaptopA", To = "LaptopB" };

    [Fact]
    public async Task Two_streams_of_one_template_walkthrough_share_one_run_and_its_events()
    {
        var first = await ResolveAsync(Walkthrough);
        var second = await ResolveAsync(Walkthrough);

        Assert.True(first.Succeeded);
        Assert.Same(first, second);
        Assert.Same(first.Events, second.Events);
        Assert.Equal("verdict", first.Events[^1].Type);
    }

    [Fact]
    public async Task Another_flow_on_the_same_template_is_its_own_run()
    {
        var rdp = await ResolveAsync(Walkthrough);
        var https = await ResolveAsync(Walkthrough with { Port = 443 });

        Assert.NotSame(rdp, https);
        Assert.Equal(443, https.Result!.Flow.DestinationPort);
    }

    [Fact]
    public async Task A_request_with_problems_is_checked_every_time_and_never_kept()
    {
        var cache = fixture.App.Services.GetRequiredService<TemplateRunCache>();
        var before = cache.Count;

        var refused = await ResolveAsync(Walkthrough with { StepDelayMs = -1 });
        var unknownHost = await ResolveAsync(Walkthrough with { To = "Nobody" });

        Assert.Contains(refused.Problems, p => p.StartsWith("stepDelayMs:", StringComparison.Ordinal));
        Assert.False(unknownHost.Succeeded);
        Assert.Equal(before, cache.Count);
    }

    [Fact]
    public void The_cache_keeps_at_most_its_capacity_and_still_answers_beyond_it()
    {
        var cache = new TemplateRunCache();
        var runs = 0;
        var seed = SeedTemplates.Asymmetric();
        ResolvedSimulation Run() => new(seed, Simulator.Run(seed, new Flow("LaptopA", "LaptopB")), []);

        for (var port = 1; port <= TemplateRunCache.Capacity + 10; port++)
        {
            cache.GetOrRun("one-arm-asymmetric", new Flow("LaptopA", "LaptopB", Protocol.Tcp, port), () => { runs++; return Run(); });
        }

        var beyond = cache.GetOrRun("one-arm-asymmetric", new Flow("LaptopA", "LaptopB", Protocol.Tcp, 60_000), () => { runs++; return Run(); });
        cache.GetOrRun("one-arm-asymmetric", new Flow("LaptopA", "LaptopB", Protocol.Tcp, 1), () => { runs++; return Run(); });

        Assert.Equal(TemplateRunCache.Capacity, cache.Count);
        Assert.True(beyond.Succeeded);
        Assert.Equal(TemplateRunCache.Capacity + 11, runs);
    }

    private async Task<ResolvedSimulation> ResolveAsync(SimulationRequest request)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SimulationResolver>().ResolveAsync(request);
    }
}
