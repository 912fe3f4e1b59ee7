using Microsoft.AspNetCore.Http.HttpResults;
using OneArmDesigner.Import;
using OneArmDesigner.Web.Api;
using OneArmDesigner.Web.Designs;
using OneArmDesigner.Web.Hosting;
using OneArmDesigner.Web.Security;

namespace OneArmDesigner.Web.Imports;

/// <summary>
/// POST /api/imports (docs/api.md): ASA configurations and a Meraki file as multipart form files ("asa", repeatable;
/// "meraki"; an optional "name" field) in, a new design out with its links and the import report.
/// </summary>
public static class ImportApi
{
    /// <summary>The whole request: every ASA file and the Meraki file at their limit, and room for the form's framing.</summary>
    public const long MaxRequestBytes = ((long)ImportLimits.MaxAsaFiles + 1) * ImportLimits.MaxFileBytes + (1024 * 1024);

    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/imports", ImportConfigurations).WithTags("Imports").WithName(nameof(ImportConfigurations)).DisableAntiforgery()
            .RequireRateLimiting(ClientRateLimits.Create)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxRequestBytes))
            .WithSummary("Import ASA running-configs and a Meraki organisation into a new design; returns its links and the report.");
        return app;
    }

    public sealed record ImportedResponse(string Name, string EditToken, string ViewToken, string EditUrl, string ViewUrl, ImportReport Report);

    private static async Task<Results<Created<ImportedResponse>, ProblemHttpResult>> ImportConfigurations(
        HttpRequest request, ConfigurationImports imports, PublicBaseUrl links, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return Invalid(["send the configurations as multipart/form-data files: \"asa\" (one or more) and \"meraki\""]);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ApiProblems.TooLarge("import request", MaxRequestBytes);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return Invalid([$"the form could not be read: {ex.Message}"]);
        }

        var unknown = form.Files.Select(f => f.Name).Where(n => n is not ("asa" or "meraki")).Distinct().ToList();
        var problems = unknown.Select(n => $"{n}: is not a file field of an import; use \"asa\" and \"meraki\"").ToList();
        var asa = new List<ImportFile>();
        foreach (var file in form.Files.GetFiles("asa"))
        {
            asa.Add(await ReadAsync(file, problems, ct));
        }

        var merakiFiles = form.Files.GetFiles("meraki");
        if (merakiFiles.Count > 1)
        {
            problems.Add("meraki: give one Meraki file");
        }

        var meraki = merakiFiles.Count == 1 ? await ReadAsync(merakiFiles[0], problems, ct) : null;
        if (problems.Count > 0)
        {
            return Invalid(problems);
        }

        var outcome = await imports.ImportAsync(asa, meraki, form["name"].FirstOrDefault(), ct);
        if (!outcome.Succeeded)
        {
            return Invalid(outcome.Problems);
        }

        var created = outcome.Created!;
        return TypedResults.Created($"/api/designs/{created.EditToken}", new ImportedResponse(created.Name, created.EditToken, created.ViewToken,
            DesignLinks.Absolute(links, created.EditToken), DesignLinks.Absolute(links, created.ViewToken), outcome.Report!));
    }

    /// <summary>A form file's bytes; one over the limit is read no further than the limit and refused by the importer.</summary>
    private static async Task<ImportFile> ReadAsync(IFormFile file, List<string> problems, CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(file.FileName) ? file.Name : Path.GetFileName(file.FileName);
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > ImportLimits.MaxFileBytes)
            {
                problems.Add($"{name}: the file is over {ImportLimits.MaxFileBytes / (1024 * 1024)} MB; a configuration may be at most {ImportLimits.MaxFileBytes / (1024 * 1024)} MB");
                return new ImportFile(name, []);
            }
        }

        return new ImportFile(name, buffer.ToArray());
    }

    private static ProblemHttpResult Invalid(IReadOnlyList<string> problems) =>
        ApiProblems.Invalid("The configurations cannot be imported", problems);
}
