namespace OneArmDesigner.Engine.Narration;

/// <summary>
/// A sentence written the first time it is read. The analysis drops packets by the thousand and reads the words of
/// few of those drops; a trace shown to a user reads them all, and gets the same words.
/// </summary>
/// <remarks>Two threads reading at once may both write it: they write the same words, and either copy is kept.</remarks>
internal sealed class DeferredText
{
    private Func<string>? _write;
    private string? _text;

    public DeferredText(Func<string> write) => _write = write;

    private DeferredText(string text) => _text = text;

    public string Text
    {
        get
        {
            if (_text is null)
            {
                _text = _write!();
                _write = null;
            }

            return _text;
        }
    }

    /// <summary>Words already written (most drops' are cheap): every stage can go on passing a plain string.</summary>
    public static implicit operator DeferredText(string text) => new(text);
}
