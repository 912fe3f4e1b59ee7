namespace OneArmDesigner.Import;

/// <summary>What one import may ask of the importer, so a single upload cannot exhaust a server.</summary>
public static class ImportLimits
{
    /// <summary>Largest configuration file accepted, in bytes (5 MB): far beyond any real ASA running-config.</summary>
    public const int MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>Most ASA configurations in one import.</summary>
    public const int MaxAsaFiles = 16;

    /// <summary>
    /// Most model rules one access-list line may expand to (object-groups multiply); a line beyond it is reported as
    /// not modelled instead of flooding the design.
    /// </summary>
    public const int MaxRulesPerLine = 4096;
}
