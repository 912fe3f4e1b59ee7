namespace OneArmDesigner.Import.Asa;

/// <summary>Marks the lines that define objects, groups and names as modelled once a modelled statement has used them.</summary>
internal static class AsaDefinitions
{
    public static void MarkModelled(AsaConfig config, LineLedger ledger, IEnumerable<string> uses)
    {
        foreach (var use in uses)
        {
            if (config.DefinitionLines.TryGetValue(use, out var lines))
            {
                foreach (var line in lines)
                {
                    if (!ledger.IsNotModelled(line))
                    {
                        ledger.Modelled(line);
                    }
                }
            }
        }
    }
}
