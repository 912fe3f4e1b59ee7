using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Import;
using OneArmDesigner.Web.Designs;

namespace OneArmDesigner.Web.Imports;

/// <summary>What an import did: the new design's links and the report, or every reason it could not be made.</summary>
public sealed record ImportOutcome(CreatedDesign? Created, ImportReport? Report, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Created is not null;
}

/// <summary>
/// Imports configurations into a new design, for the Import configuration dialog and POST /api/imports alike: the
/// importer makes the design, the store saves it as any new design. Nothing is saved when anything is wrong.
/// </summary>
public sealed class ConfigurationImports(DesignStore store)
{
    public async Task<ImportOutcome> ImportAsync(IReadOnlyList<ImportFile> asa, ImportFile? meraki, string? name, CancellationToken ct = default)
    {
        var result = ConfigurationImporter.Import(asa, meraki, name);
        if (!result.Succeeded)
        {
            return new ImportOutcome(null, null, [.. result.Problems.Select(p => p.ToString())]);
        }

        var json = DesignDocument.Serialize(result.Design!);
        var bytes = System.Text.Encoding.UTF8.GetByteCount(json);
        if (bytes > DesignsApi.MaxDocumentBytes)
        {
            return new ImportOutcome(null, null, [$"the imported design is {bytes / 1024} KB, more than the {DesignsApi.MaxDocumentBytes / 1024} KB a design may be"]);
        }

        var created = await store.CreateAsync(json, ct);
        return created.Succeeded
            ? new ImportOutcome(created.Value, result.Report, [])
            : new ImportOutcome(null, null, created.Problems.Count > 0 ? created.Problems : [created.Message ?? "the design could not be saved"]);
    }
}
