namespace OneArmDesigner.Engine.Narration;

/// <summary>Small rules for joining generated phrases into sentences.</summary>
internal static class Sentences
{
    /// <summary>
    /// The phrase with its first letter in upper case, for when a drop's reason, written to follow a colon in a step,
    /// starts a sentence of its own in a summary.
    /// </summary>
    public static string? Capitalised(string? phrase) =>
        string.IsNullOrEmpty(phrase) || char.IsUpper(phrase[0]) ? phrase : char.ToUpperInvariant(phrase[0]) + phrase[1..];
}
