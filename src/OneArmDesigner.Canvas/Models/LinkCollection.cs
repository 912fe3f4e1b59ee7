using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace OneArmDesigner.Canvas;

/// <summary>
/// The links of a diagram, in insertion order, findable by id or by the node they end at. A link can only be
/// added once both its nodes are in the same diagram.
/// </summary>
public sealed class LinkCollection : IReadOnlyList<LinkModel>
{
    private readonly Diagram _diagram;
    private readonly List<LinkModel> _items = [];
    private readonly Dictionary<string, LinkModel> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<NodeModel, List<LinkModel>> _byNode = [];

    internal LinkCollection(Diagram diagram) => _diagram = diagram;

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <summary>The link at the given insertion index.</summary>
    public LinkModel this[int index] => _items[index];

    /// <summary>The link with the given id; throws <see cref="KeyNotFoundException"/> when there is none.</summary>
    public LinkModel this[string id] => _byId[id];

    /// <summary>Finds a link by id.</summary>
    public bool TryGet(string id, [MaybeNullWhen(false)] out LinkModel link) => _byId.TryGetValue(id, out link);

    /// <summary>True when this diagram holds the link.</summary>
    public bool Contains(LinkModel link) => link is not null && link.Diagram == _diagram;

    /// <summary>The links that end at <paramref name="node"/> (a snapshot, safe to modify the diagram while reading).</summary>
    public IReadOnlyList<LinkModel> ConnectedTo(NodeModel node) =>
        node is not null && _byNode.TryGetValue(node, out var links) ? links.ToArray() : [];

    /// <summary>Adds a link. Throws when its id is taken, it belongs to a diagram, or an end is not in this diagram.</summary>
    public LinkModel Add(LinkModel link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (link.Diagram is not null)
        {
            throw new InvalidOperationException($"Link '{link.Id}' already belongs to a diagram.");
        }

        if (!_diagram.Nodes.Contains(link.Source) || !_diagram.Nodes.Contains(link.Target))
        {
            throw new InvalidOperationException($"Link '{link.Id}' ends at a node that is not in this diagram.");
        }

        if (!_byId.TryAdd(link.Id, link))
        {
            throw new InvalidOperationException($"A link with id '{link.Id}' is already in the diagram.");
        }

        _items.Add(link);
        Index(link.Source).Add(link);
        if (link.Target != link.Source)
        {
            Index(link.Target).Add(link);
        }

        link.AttachTo(_diagram);
        _diagram.MarkChanged(link, ChangeKinds.Structure);
        return link;
    }

    /// <summary>Adds several links with one change notification.</summary>
    public void AddRange(IEnumerable<LinkModel> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        using (_diagram.Batch())
        {
            foreach (var link in links)
            {
                Add(link);
            }
        }
    }

    /// <summary>Removes a link and its place in the selection. Returns false when it was not here.</summary>
    public bool Remove(LinkModel link)
    {
        if (!Contains(link))
        {
            return false;
        }

        using (_diagram.Batch())
        {
            _diagram.Unselect(link);
            _items.Remove(link);
            _byId.Remove(link.Id);
            Unindex(link.Source, link);
            Unindex(link.Target, link);
            link.AttachTo(null);
            _diagram.MarkChanged(null, ChangeKinds.Structure);
        }

        return true;
    }

    /// <summary>Removes every link.</summary>
    public void Clear()
    {
        using (_diagram.Batch())
        {
            foreach (var link in _items.ToArray())
            {
                Remove(link);
            }
        }
    }

    /// <inheritdoc />
    public IEnumerator<LinkModel> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Marks every link ending at <paramref name="node"/> changed, because its endpoints moved.</summary>
    internal void MarkConnectedChanged(NodeModel node)
    {
        if (_byNode.TryGetValue(node, out var links))
        {
            foreach (var link in links)
            {
                link.MarkEndpointsMoved();
            }
        }
    }

    private List<LinkModel> Index(NodeModel node)
    {
        if (!_byNode.TryGetValue(node, out var list))
        {
            _byNode[node] = list = [];
        }

        return list;
    }

    private void Unindex(NodeModel node, LinkModel link)
    {
        if (_byNode.TryGetValue(node, out var list) && list.Remove(link) && list.Count == 0)
        {
            _byNode.Remove(node);
        }
    }
}
