using OneArmDesigner.Engine.Forwarding;

namespace OneArmDesigner.Engine.Analysis.Symbolic;

/// <summary>
/// Whether the request and the reply were in clear on the same devices, for many pairs that share most of their past:
/// what the shared part says is read once, and each pair adds only its own block's records. The devices are compared
/// as sets, as <see cref="SymbolicAnalysis"/> compares the paths when it describes a difference.
/// </summary>
internal sealed class ClearPaths
{
    private readonly HashSet<int> _request = [];
    private readonly HashSet<int> _reply = [];

    // Devices the shared part saw in clear in one direction only: a block agrees only when its own records add them.
    private readonly List<int> _requestOnly = [];
    private readonly List<int> _replyOnly = [];

    private readonly HashSet<int> _ownRequest = [];
    private readonly HashSet<int> _ownReply = [];

    /// <summary>Reads the records every pair shares: the source block's past and the class's common past.</summary>
    public void Share(History source, History common)
    {
        _request.Clear();
        _reply.Clear();
        Collect(source, _request, _reply);
        Collect(common, _request, _reply);
        OnlyIn(_request, _reply, _requestOnly);
        OnlyIn(_reply, _request, _replyOnly);
    }

    /// <summary>Whether, with this block's own records, the request and the reply were in clear on the same devices.</summary>
    public bool SameWith(History own)
    {
        _ownRequest.Clear();
        _ownReply.Clear();
        Collect(own, _ownRequest, _ownReply);
        return Covered(_requestOnly, _ownReply) && Covered(_replyOnly, _ownRequest)
            && Covered(_ownRequest, _reply, _ownReply) && Covered(_ownReply, _request, _ownRequest);
    }

    /// <summary>Whether the event records the request or the reply in clear on a device: what their paths are made of.</summary>
    public static bool OnPath(HistoryEvent e) => e.Kind == EventKind.Clear && e.Time.Phase is ExchangePhase.Request or ExchangePhase.Reply;

    private static void Collect(History history, HashSet<int> request, HashSet<int> reply)
    {
        if (!history.Holds(EventKind.Clear))
        {
            return;
        }

        foreach (var e in history.All)
        {
            if (OnPath(e))
            {
                (e.Time.Phase == ExchangePhase.Request ? request : reply).Add(e.Device);
            }
        }
    }

    private static void OnlyIn(HashSet<int> devices, HashSet<int> others, List<int> only)
    {
        only.Clear();
        foreach (var device in devices)
        {
            if (!others.Contains(device))
            {
                only.Add(device);
            }
        }
    }

    private static bool Covered(List<int> devices, HashSet<int> by)
    {
        foreach (var device in devices)
        {
            if (!by.Contains(device))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Covered(HashSet<int> devices, HashSet<int> by, HashSet<int> orBy)
    {
        foreach (var device in devices)
        {
            if (!by.Contains(device) && !orBy.Contains(device))
            {
                return false;
            }
        }

        return true;
    }
}
