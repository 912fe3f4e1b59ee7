using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Import.Tests;

/// <summary>The hand-written configurations under Configurations/, and imports of them.</summary>
internal static class Configurations
{
    /// <summary>An edge ASA: inside 10.5.0.0/24 and a DMZ 10.6.0.0/24 behind outside 203.0.113.2/24, the provider at 203.0.113.1.</summary>
    public const string EdgeAsa = """
        hostname fw
        interface GigabitEthernet0/0
         nameif outside
         security-level 0
         ip address 203.0.113.2 255.255.255.0
        interface GigabitEthernet0/1
         nameif inside
         security-level 100
         ip address 10.5.0.1 255.255.255.0
        interface GigabitEthernet0/2
         nameif dmz
         security-level 50
         ip address 10.6.0.1 255.255.255.0
        route outside 0.0.0.0 0.0.0.0 203.0.113.1 1
        """;

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Configurations");

    public static ImportFile File(string relative) =>
        new(Path.GetFileName(relative), System.IO.File.ReadAllBytes(Path.Combine(Folder, relative)));

    public static string Text(string relative) => System.IO.File.ReadAllText(Path.Combine(Folder, relative));

    /// <summary>Imports ASA files and an optional Meraki file, failing the test with the problems if it does not succeed.</summary>
    public static ImportResult Import(string? meraki, params string[] asa)
    {
        var result = ConfigurationImporter.Import([.. asa.Select(File)], meraki is null ? null : File(meraki));
        Assert.True(result.Succeeded, "The import failed:\n" + string.Join("\n", result.Problems));
        return result;
    }

    public static Design Design(string? meraki, params string[] asa) => Import(meraki, asa).Design!;

    /// <summary>An ASA configuration written inline, imported alone.</summary>
    public static ImportResult Asa(string text, string name = "asa.cfg") => ConfigurationImporter.Import([ImportFile.FromText(name, text)], null);
}
