using System.Buffers;
using Microsoft.AspNetCore.Http.HttpResults;
using OneArmDesigner.Domain.Documents;

namespace OneArmDesigner.Web.Api;

/// <summary>A request body read as JSON text, or the problem answer that says why it cannot be.</summary>
public sealed record BodyText(string? Text, ProblemHttpResult? Problem);

/// <summary>
/// Reads a JSON request body the strict way: counted in bytes (what the limit is about, whatever the characters),
/// decoded as UTF-8 and nothing else, so an invalid byte is a 400 naming its offset instead of a replacement character.
/// </summary>
public static class RequestBody
{
    public static async Task<BodyText> ReadJsonTextAsync(
        HttpRequest request, long maxBytes, string what, string title, string? setting, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return new BodyText(null, ApiProblems.TooLarge(what, maxBytes, setting));
        }

        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(81920), ct);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return new BodyText(null, ApiProblems.TooLarge(what, maxBytes, setting));
            }
        }

        if (buffer.WrittenCount == 0)
        {
            return new BodyText(null, ApiProblems.Invalid(title, [$"{DesignDocument.RootPath}: the body is empty; send the {what} as JSON"]));
        }

        return JsonText.TryDecode(buffer.WrittenSpan, out var text, out var problem)
            ? new BodyText(text, null)
            : new BodyText(null, ApiProblems.Invalid(title, [problem.ToString()]));
    }
}
