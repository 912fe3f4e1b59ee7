namespace OneArmDesigner.Web.Components;

/// <summary>What a host-name field suggests as the person types: every name that contains the text, in design order.</summary>
public static class HostSearch
{
    /// <summary>A MudAutocomplete search function over <paramref name="hosts"/> (read when the person types).</summary>
    public static Task<IEnumerable<string>> Matching(IEnumerable<string> hosts, string? text) =>
        Task.FromResult(string.IsNullOrWhiteSpace(text) ? hosts : hosts.Where(h => h.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)));
}
