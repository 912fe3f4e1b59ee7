namespace OneArmDesigner.Web.Components.Playback;

/// <summary>
/// The addresses a page wrote into the address bar itself (to keep a step link current), so that when they come back
/// as navigations, possibly out of order, the page tells them from a link someone followed.
/// </summary>
public sealed class OwnAddresses
{
    private const int Remembered = 64;

    private readonly Queue<string> _order = new();
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private string? _followed;

    public void Wrote(string uri)
    {
        if (_written.Add(uri))
        {
            _order.Enqueue(uri);
            if (_order.Count > Remembered)
            {
                _written.Remove(_order.Dequeue());
            }
        }
    }

    /// <summary>True the first time an address arrives that this page neither wrote nor is already showing.</summary>
    public bool IsNew(string uri)
    {
        if (_written.Contains(uri) || uri == _followed)
        {
            return false;
        }

        _followed = uri;
        _written.Clear();
        _order.Clear();
        return true;
    }
}
