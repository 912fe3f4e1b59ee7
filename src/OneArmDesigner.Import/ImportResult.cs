using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Import;

/// <summary>
/// The outcome of an import: a whole design with its report, or the problems that prevented it. Never half of a
/// design: any problem means <see cref="Design"/> is null.
/// </summary>
public sealed record ImportResult(Design? Design, ImportReport? Report, IReadOnlyList<ImportProblem> Problems, ImportedNames? Names)
{
    public bool Succeeded => Design is not null;

    public static ImportResult Failed(IReadOnlyList<ImportProblem> problems) => new(null, null, problems, null);
}
