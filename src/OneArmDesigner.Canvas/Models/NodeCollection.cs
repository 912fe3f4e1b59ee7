using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace OneArmDesigner.Canvas;

/// <summary>
/// The nodes of a diagram, in insertion order, findable by id. Removing a node also removes every link that ends
/// at it and drops it from the selection, all in one <see cref="Diagram.Changed"/> notification.
/// </summary>
public sealed class NodeCollection : IReadOnlyList<NodeModel>
{
    private readonly Diagram _diagram;
    private readonly List<NodeModel> _items = [];
    private readonly Dictionary<string, NodeModel> _byId = new(StringComparer.Ordinal);

    internal NodeCollection(Diagram diagram) => _diagram = diagram;

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <summary>The node at the given insertion index.</summary>
    public NodeModel this[int index] => _items[index];

    /// <summary>The node with the given id; throws <see cref="KeyNotFoundException"/> when there is none.</summary>
    public NodeModel this[string id] => _byId[id];

    /// <summary>Finds a node by id.</summary>
    public bool TryGet(string id, [MaybeNullWhen(false)] out NodeModel node) => _byId.TryGetValue(id, out node);

    /// <summary>True when this diagram holds the node.</summary>
    public bool Contains(NodeModel node) => node is not null && node.Diagram == _diagram;

    /// <summary>Adds a node. Throws when its id is taken or it already belongs to a diagram.</summary>
    public NodeModel Add(NodeModel node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Diagram is not null)
        {
            throw new InvalidOperationException($"Node '{node.Id}' already belongs to a diagram.");
        }

        if (!_byId.TryAdd(node.Id, node))
        {
            throw new InvalidOperationException($"A node with id '{node.Id}' is already in the diagram.");
        }

        _items.Add(node);
        node.AttachTo(_diagram);
        _diagram.MarkChanged(node, ChangeKinds.Structure);
        return node;
    }

    /// <summary>Adds several nodes with one change notification.</summary>
    public void AddRange(IEnumerable<NodeModel> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        using (_diagram.Batch())
        {
            foreach (var node in nodes)
            {
                Add(node);
            }
        }
    }

    /// <summary>Removes a node, its links, and its place in the selection. Returns false when it was not here.</summary>
    public bool Remove(NodeModel node)
    {
        if (!Contains(node))
        {
            return false;
        }

        using (_diagram.Batch())
        {
            foreach (var link in _diagram.Links.ConnectedTo(node))
            {
                _diagram.Links.Remove(link);
            }

            _diagram.Unselect(node);
            _items.Remove(node);
            _byId.Remove(node.Id);
            node.AttachTo(null);
            _diagram.MarkChanged(null, ChangeKinds.Structure);
        }

        return true;
    }

    /// <summary>Removes every node (and so every link).</summary>
    public void Clear()
    {
        using (_diagram.Batch())
        {
            foreach (var node in _items.ToArray())
            {
                Remove(node);
            }
        }
    }

    /// <summary>
    /// The nodes, and with each container among them the nodes lying wholly inside it (once each, containers first),
    /// as a move of those nodes moves them.
    /// </summary>
    public IReadOnlyList<NodeModel> WithContents(IEnumerable<NodeModel> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var result = new List<NodeModel>();
        var seen = new HashSet<NodeModel>();
        foreach (var node in nodes)
        {
            if (seen.Add(node))
            {
                result.Add(node);
            }
        }

        foreach (var container in result.Where(n => n.IsContainer).ToList())
        {
            result.AddRange(_items.Where(n => n != container && container.Bounds.Contains(n.Bounds) && seen.Add(n)));
        }

        return result;
    }

    /// <summary>The nodes in drawing order: by <see cref="NodeModel.ZIndex"/>, then insertion order.</summary>
    public IEnumerable<NodeModel> InDrawingOrder() => _items.OrderBy(n => n.ZIndex);

    /// <inheritdoc />
    public IEnumerator<NodeModel> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
