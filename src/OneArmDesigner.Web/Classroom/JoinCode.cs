using System.Security.Cryptography;

namespace OneArmDesigner.Web.Classroom;

/// <summary>
/// Six-character join codes, easy to read aloud and type: capital letters and digits without the look-alikes
/// 0/O and 1/I (32 symbols, so 2^30, about a billion codes). Drawn at random, so a code says nothing about another;
/// guessing is bounded by the rate limit on failed joins (ClassroomRateLimits) over a session's idle lifetime.
/// </summary>
public static class JoinCode
{
    public const int Length = 6;

    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Create() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>
    /// The code as typed, made canonical: case, spaces and dashes do not matter ("abc-def" is "ABCDEF"). Null when
    /// it cannot be a code: the wrong length, or a character no code contains.
    /// </summary>
    public static string? Normalise(string? typed)
    {
        if (typed is null || typed.Length > 32)
        {
            return null;
        }

        var code = string.Concat(typed.Where(c => c is not (' ' or '-'))).ToUpperInvariant();
        return code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }
}
