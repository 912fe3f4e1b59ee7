using Microsoft.AspNetCore.HttpLogging;
using OneArmDesigner.Web.Designs;

namespace OneArmDesigner.Web.Security;

/// <summary>
/// Keeps link tokens out of the request log. A token in a path is the whole secret of an edit or view link, and the
/// database keeps only its hash so that reading it opens nothing; a log line must not undo that. Each token is
/// written as <c>{token:1a2b3c4d}</c>: the first 8 hex digits of the SHA-256 the database keeps, enough to tell
/// requests for one design apart from another's and to find its row, and useless for opening it.
/// </summary>
public static class TokenRedaction
{
    public static string Path(string path)
    {
        if (!path.Contains('/', StringComparison.Ordinal))
        {
            return path;
        }

        var segments = path.Split('/');
        var changed = false;
        for (var i = 0; i < segments.Length; i++)
        {
            if (ShareToken.LooksValid(segments[i]))
            {
                segments[i] = Tag(segments[i]);
                changed = true;
            }
        }

        return changed ? string.Join('/', segments) : path;
    }

    public static string Tag(string token) => $"{{token:{ShareToken.Hash(token)[..8]}}}";
}

/// <summary>Writes the request path to the request log with its tokens redacted (<see cref="TokenRedaction"/>).</summary>
internal sealed class TokenRedactingLogInterceptor : IHttpLoggingInterceptor
{
    public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext)
    {
        if (logContext.TryDisable(HttpLoggingFields.RequestPath))
        {
            var request = logContext.HttpContext.Request;
            logContext.AddParameter(nameof(request.Path), TokenRedaction.Path(request.PathBase.Add(request.Path).ToString()));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext) => ValueTask.CompletedTask;
}
