namespace OneArmDesigner.Domain.Documents;

/// <summary>One thing wrong with a design document: where (a JSON path such as devices[2].interfaces[0].address) and what.</summary>
public sealed record DocumentProblem(string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}

/// <summary>A loaded design, or every problem that prevented loading it. Never both.</summary>
public sealed record DesignLoadResult(Model.Design? Design, IReadOnlyList<DocumentProblem> Problems)
{
    public bool Succeeded => Design is not null;
}
