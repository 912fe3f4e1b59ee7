using System.Runtime.InteropServices;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Forwarding;

namespace OneArmDesigner.Engine.Analysis.Symbolic;

/// <summary>One look-up a device made in the pair's past: a session table, a host's sockets, or the loop check.</summary>
internal readonly record struct PastRead(EventKind Kind, int Device, AbstractKey Key = default, Protocol Protocol = Protocol.Any, int Port = 0,
    ExchangePhase Phase = default, string? Ingress = null, AbstractPacket Packet = default, bool Reported = false);

/// <summary>What a past answers to a read: the session found (content, direction, TCP state), or "found" for sockets and breadcrumbs.</summary>
internal readonly record struct PastAnswer(AbstractKey Original, AbstractKey Translated, string? In, string? Out, bool Forward, TcpState? Tcp,
    bool TranslationOnly = false);

/// <summary>
/// Answers a step's look-ups from the pasts kept in a class's blocks, exactly as the walker would from the pair's
/// whole past, so the class can be split into groups of pairs that would see the same.
/// </summary>
internal sealed class PastReader
{
    private static readonly PastAnswer Found = new(default, default, null, null, true, null);


    private readonly List<PastRead> _reads = [];

    /// <summary>The step's look-ups that some block could answer differently from the rest (a list reused by the next call).</summary>
    public List<PastRead> ReadsOf(PairClass pairClass, StepReport report)
    {
        var present = pairClass.Present;
        var reads = _reads;
        reads.Clear();
        foreach (var read in report.SessionReads)
        {
            Keep(new PastRead(EventKind.Session, read.Device, read.Key, Reported: read.Reported));
        }

        foreach (var read in report.SocketReads)
        {
            Keep(new PastRead(EventKind.Socket, read.Host, Protocol: read.Protocol, Port: read.Port));
        }

        Keep(new PastRead(EventKind.Crumb, report.Writes[0].Device, Phase: present.Phase, Ingress: present.Ingress, Packet: present.Packet));
        return reads;

        void Keep(PastRead read)
        {
            if (Mentioned(pairClass.Sources, read) || Mentioned(pairClass.Destinations, read))
            {
                reads.Add(read);
            }
        }
    }

    private readonly List<HistoryEvent> _past = [];
    private readonly List<(HistoryEvent Opened, TcpState? Tcp)> _sessions = [];

    /// <summary>What the whole past of one pair answers: its source block's, its destination block's, and the common one, in time order.</summary>
    public PastAnswer? Evaluate(History source, History destination, History common, PastRead read)
    {
        // Sockets and breadcrumbs are found or not wherever they are: only sessions need the past in time order.
        if (read.Kind != EventKind.Session)
        {
            return Holds(source, read) || Holds(destination, read) || Holds(common, read) ? Found : null;
        }

        // Sessions are read in time order, but only the parts of the past that hold any on this device need merging.
        var (inSource, inDestination, inCommon) = (source.MayMention(read.Kind, read.Device, read.Phase),
            destination.MayMention(read.Kind, read.Device, read.Phase), common.MayMention(read.Kind, read.Device, read.Phase));
        ReadOnlySpan<HistoryEvent> past = ((inSource ? 1 : 0) + (inDestination ? 1 : 0) + (inCommon ? 1 : 0)) switch
        {
            0 => [],
            1 => (inSource ? source : inDestination ? destination : common).All,
            _ => CollectionsMarshal.AsSpan(History.Merge(source, destination, common, _past)),
        };

        // As the walker keeps them: sessions in creation order, each TCP change applied to the newest of that content.
        var sessions = _sessions;
        sessions.Clear();
        foreach (var e in past)
        {
            if (e.Device != read.Device)
            {
                continue;
            }

            if (e.Kind == EventKind.Session)
            {
                sessions.Add((e, e.Tcp));
            }
            else if (e.Kind == EventKind.Tcp)
            {
                var index = sessions.Count - 1;
                while (!sessions[index].Opened.IsSessionOf(e))
                {
                    index--;
                }

                sessions[index] = (sessions[index].Opened, e.Tcp);
            }
        }

        for (var i = sessions.Count - 1; i >= 0; i--)
        {
            var (s, tcp) = sessions[i];
            if (read.Reported)
            {
                // An ICMP error names the reported packet as it left toward the error's sender.
                if (s.Translated == read.Key)
                {
                    return new PastAnswer(s.Original, s.Translated, s.In, s.Out, true, tcp, s.TranslationOnly);
                }

                if (s.Original.Reversed() == read.Key)
                {
                    return new PastAnswer(s.Original, s.Translated, s.In, s.Out, false, tcp, s.TranslationOnly);
                }

                continue;
            }

            if (s.Translated.Reversed() == read.Key)
            {
                return new PastAnswer(s.Original, s.Translated, s.In, s.Out, false, tcp, s.TranslationOnly);
            }

            if (s.Original == read.Key)
            {
                return new PastAnswer(s.Original, s.Translated, s.In, s.Out, true, tcp, s.TranslationOnly);
            }
        }

        return null;
    }

    /// <summary>Whether the history holds the socket or the breadcrumb the read looks for.</summary>
    private static bool Holds(History history, PastRead read)
    {
        if (!history.MayMention(read.Kind, read.Device, read.Phase))
        {
            return false;
        }

        foreach (var e in history.All)
        {
            var match = read.Kind == EventKind.Socket
                ? e.Kind == EventKind.Socket && e.Device == read.Device && e.Protocol == read.Protocol && e.Port == read.Port
                : e.Kind == EventKind.Crumb && e.Time.Phase == read.Phase && e.Device == read.Device && e.In == read.Ingress && e.Packet == read.Packet;
            if (match)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether any block's own past holds an event the read looks at (otherwise all blocks answer alike).</summary>
    public bool Mentioned(BlockList side, PastRead read) => side.Mentions(read.Kind, read.Device, read.Phase);
}
