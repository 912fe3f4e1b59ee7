using System.Security.Cryptography;
using System.Text;

namespace OneArmDesigner.Web.Designs;

/// <summary>
/// Unguessable link tokens. An edit token is 256 random bits in URL-safe base64. A view token is derived from the
/// edit token (HMAC-SHA256 keyed by it, over a generation number), so the owner can always show the current view
/// link while the database keeps only SHA-256 hashes of both: reading it yields no usable link.
/// </summary>
public static class ShareToken
{
    private const int TokenBytes = 32;

    public static string Create()
    {
        Span<byte> bytes = stackalloc byte[TokenBytes];
        RandomNumberGenerator.Fill(bytes);
        return Encode(bytes);
    }

    /// <summary>The view token of one generation; regenerating the view link moves to the next generation.</summary>
    public static string DeriveViewToken(string editToken, int generation) =>
        Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(editToken), Encoding.UTF8.GetBytes($"view-link:{generation}")));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Encode(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Rejects strings that cannot be tokens before they reach the database.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
