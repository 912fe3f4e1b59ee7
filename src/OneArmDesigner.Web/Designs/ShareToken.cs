using System.Security.Cryptography;
using System.Text;

namespace OneArmDesigner.Web.Designs;

/// <summary>
/// Unguessable link tokens. A token is 256 random bits in URL-safe base64; only its SHA-256 is stored, so reading the
/// database does not yield a usable edit link.
/// </summary>
public static class ShareToken
{
    private const int TokenBytes = 32;

    public static string Create()
    {
        Span<byte> bytes = stackalloc byte[TokenBytes];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Rejects strings that cannot be tokens before they reach the database.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
