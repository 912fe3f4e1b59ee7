using System.Text.RegularExpressions;

namespace OneArmDesigner.Fuzz.Tests;

/// <summary>
/// Whether a problem names where it is: a JSON path (or a request field, or a header) before its message. A property
/// name in a path may be anything a JSON key can be except blanks, colons and brackets (an unknown property is named
/// as it was sent).
/// </summary>
public static partial class ProblemPaths
{
    public static bool NamesAPath(string problem) => Named().IsMatch(problem);

    [GeneratedRegex(@"^(\$|If-Match|(?:[^\s:\[\]]|\[\d+\])+): \S")]
    private static partial Regex Named();
}
