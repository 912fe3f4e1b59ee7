namespace OneArmDesigner.Cli;

/// <summary>
/// A command's arguments: `--name value` or `--name=value` options, and positional words. Every option a command
/// reads is marked used; whatever is left over is reported as unknown, so typos never pass silently.
/// </summary>
public sealed class Arguments
{
    /// <summary>Options that may be given more than once (`--asa A --asa B`); every other option is given at most once.</summary>
    private static readonly HashSet<string> Repeatable = new(StringComparer.Ordinal) { "asa" };

    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _repeated = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public Arguments(IEnumerable<string> words)
    {
        var list = words.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var word = list[i];
            if (!word.StartsWith("--", StringComparison.Ordinal))
            {
                Positional.Add(word);
                continue;
            }

            var equals = word.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = equals > 0
                ? (word[2..equals], word[(equals + 1)..])
                : (word[2..], i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal) ? list[++i] : null);
            if (Repeatable.Contains(name) && value is not null && _options.ContainsKey(name))
            {
                _repeated[name].Add(value);
                continue;
            }

            if (!_options.TryAdd(name, value))
            {
                throw new UsageException($"--{name} is given twice");
            }

            if (Repeatable.Contains(name) && value is not null)
            {
                _repeated[name] = [value];
            }
        }
    }

    public List<string> Positional { get; } = [];

    public bool Flag(string name)
    {
        _used.Add(name);
        return _options.ContainsKey(name);
    }

    public string? Optional(string name)
    {
        _used.Add(name);
        if (_options.TryGetValue(name, out var value) && value is null)
        {
            throw new UsageException($"--{name} needs a value");
        }

        return value;
    }

    /// <summary>Every value of a repeatable option, in the order given; none when it is absent.</summary>
    public IReadOnlyList<string> All(string name)
    {
        _ = Optional(name);
        return _repeated.TryGetValue(name, out var values) ? values : [];
    }

    public string Required(string name, string hint) =>
        Optional(name) ?? throw new UsageException($"--{name} is required: {hint}");

    public T Choice<T>(string name, T fallback, IReadOnlyDictionary<string, T> choices)
    {
        var value = Optional(name);
        if (value is null)
        {
            return fallback;
        }

        return choices.TryGetValue(value, out var choice)
            ? choice
            : throw new UsageException($"--{name}: '{value}' is not one of {string.Join(", ", choices.Keys)}");
    }

    /// <summary>Fails on any option no one asked for.</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"unknown option {string.Join(", ", unknown.Select(u => "--" + u))}; see --help");
        }
    }
}
