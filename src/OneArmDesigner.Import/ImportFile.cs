using System.Text;

namespace OneArmDesigner.Import;

/// <summary>
/// One configuration handed to the importer: the name it is reported under and its raw bytes. Bytes, not text, so
/// that a binary or oversized file is recognised for what it is before anything tries to read it.
/// </summary>
public sealed record ImportFile(string Name, byte[] Content)
{
    public static ImportFile FromText(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));
}
