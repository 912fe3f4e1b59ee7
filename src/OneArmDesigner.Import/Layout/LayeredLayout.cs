using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Import.Layout;

/// <summary>
/// Places an imported design so a person can read it without moving anything: in rows from the Internet down
/// through firewalls and routers to segments and hosts (the distance from the Internet, cable by cable), each row
/// ordered to keep cables short and uncrossed (barycentre sweeps), every device given the width of its widest label
/// so no two devices or labels overlap. Deterministic: the same design always gets the same picture.
/// </summary>
public static class LayeredLayout
{
    /// <summary>Vertical distance between rows: a glyph, its name, and room for the interface labels of the cables between.</summary>
    public const double RowHeight = 170;

    /// <summary>Horizontal room between the footprints of two neighbours in a row.</summary>
    public const double Gap = 64;

    private const double Margin = 40;
    private const int Sweeps = 8;

    public static Design Apply(Design design)
    {
        if (design.Devices.Count == 0)
        {
            return design;
        }

        var neighbours = Neighbours(design);
        var rows = Rows(design, neighbours);
        Order(rows, neighbours);
        var footprint = design.Devices.ToDictionary(d => d.Name, d => Footprint(design, d), StringComparer.Ordinal);
        var centres = Centres(rows, neighbours, footprint);

        var positions = new Dictionary<string, Position>(StringComparer.Ordinal);
        for (var row = 0; row < rows.Count; row++)
        {
            foreach (var name in rows[row])
            {
                var (width, _) = DiagramMetrics.NodeSize(design.GetDevice(name).Kind);
                positions[name] = new Position(Math.Round(centres[name] - (width / 2)), Margin + (row * RowHeight));
            }
        }

        return design with { Devices = [.. design.Devices.Select(d => d with { Position = positions[d.Name] })] };
    }

    private static Dictionary<string, List<string>> Neighbours(Design design)
    {
        var neighbours = design.Devices.ToDictionary(d => d.Name, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var link in design.Links)
        {
            if (neighbours.ContainsKey(link.A.Device) && neighbours.ContainsKey(link.B.Device))
            {
                neighbours[link.A.Device].Add(link.B.Device);
                neighbours[link.B.Device].Add(link.A.Device);
            }
        }

        return neighbours;
    }

    /// <summary>
    /// Rows by distance from the Internet. A part of the design the Internet does not reach starts one row down from
    /// its most central device (a firewall, else a router, else an MX), beside the rest.
    /// </summary>
    private static List<List<string>> Rows(Design design, Dictionary<string, List<string>> neighbours)
    {
        var row = new Dictionary<string, int>(StringComparer.Ordinal);
        void Walk(string start, int first)
        {
            var queue = new Queue<string>([start]);
            row[start] = first;
            while (queue.Count > 0)
            {
                var current = queue.Dequeue();
                foreach (var next in neighbours[current].Where(n => !row.ContainsKey(n)))
                {
                    row[next] = row[current] + 1;
                    queue.Enqueue(next);
                }
            }
        }

        foreach (var internet in design.Devices.Where(d => d.Kind == DeviceKind.Internet))
        {
            Walk(internet.Name, 0);
        }

        // OrderBy is stable: devices of one rank keep the design's order.
        foreach (var root in design.Devices.OrderBy(d => RootRank(d.Kind)))
        {
            if (!row.ContainsKey(root.Name))
            {
                Walk(root.Name, 1);
            }
        }

        // Hosts hang below their segment even when another path would pull them up.
        foreach (var host in design.Devices.Where(d => d.Kind.IsEndpoint() && neighbours[d.Name].Count > 0))
        {
            row[host.Name] = neighbours[host.Name].Max(n => row[n]) + 1;
        }

        var rows = Enumerable.Range(0, row.Values.Max() + 1).Select(_ => new List<string>()).ToList();
        foreach (var device in design.Devices)
        {
            rows[row[device.Name]].Add(device.Name);
        }

        return [.. rows.Where(r => r.Count > 0)];
    }

    private static int RootRank(DeviceKind kind) => kind switch
    {
        DeviceKind.Internet => 0,
        DeviceKind.Firewall => 1,
        DeviceKind.Router or DeviceKind.L3Switch => 2,
        DeviceKind.Mx => 3,
        DeviceKind.Vlan => 4,
        _ => 5,
    };

    /// <summary>Orders each row by the average place of its neighbours in the row above, then below, a few times over.</summary>
    private static void Order(List<List<string>> rows, Dictionary<string, List<string>> neighbours)
    {
        for (var sweep = 0; sweep < Sweeps; sweep++)
        {
            var down = sweep % 2 == 0;
            for (var step = 1; step < rows.Count; step++)
            {
                var index = down ? step : rows.Count - 1 - step;
                var reference = rows[down ? index - 1 : index + 1];
                var place = reference.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => (double)p.i, StringComparer.Ordinal);
                var current = rows[index];
                var order = current.Select((name, i) => (name, i, key: Barycentre(name, neighbours, place) ?? i)).ToList();
                rows[index] = [.. order.OrderBy(o => o.key).ThenBy(o => o.i).Select(o => o.name)];
            }
        }
    }

    private static double? Barycentre(string name, Dictionary<string, List<string>> neighbours, IReadOnlyDictionary<string, double> place)
    {
        var known = neighbours[name].Where(place.ContainsKey).Select(n => place[n]).ToList();
        return known.Count == 0 ? null : known.Average();
    }

    /// <summary>The width a device needs in its row: its glyph, its name, and the interface labels at its end of each cable.</summary>
    private static double Footprint(Design design, Device device)
    {
        var (width, _) = DiagramMetrics.NodeSize(device.Kind);
        var widest = Math.Max(width, DiagramMetrics.TextWidth(DiagramMetrics.NodeLabel(device)));
        foreach (var link in design.Links)
        {
            foreach (var end in new[] { link.A, link.B })
            {
                if (end.Device == device.Name && end.Interface is { } name)
                {
                    widest = Math.Max(widest, DiagramMetrics.TextWidth(DiagramMetrics.InterfaceLabel(device, name)));
                }
            }
        }

        return widest + Gap;
    }

    /// <summary>
    /// Horizontal centres: each device pulled towards the average of its neighbours in the row above (then below),
    /// then pushed apart left to right so footprints never overlap, and each row shifted as a whole to sit under its
    /// neighbours.
    /// </summary>
    private static Dictionary<string, double> Centres(List<List<string>> rows, Dictionary<string, List<string>> neighbours, Dictionary<string, double> footprint)
    {
        var x = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var cursor = 0.0;
            foreach (var name in row)
            {
                x[name] = cursor + (footprint[name] / 2);
                cursor += footprint[name];
            }
        }

        for (var sweep = 0; sweep < Sweeps; sweep++)
        {
            var down = sweep % 2 == 0;
            for (var step = 0; step < rows.Count; step++)
            {
                var row = rows[down ? step : rows.Count - 1 - step];
                var desired = row.ToDictionary(n => n, n => Pull(n, neighbours, x, row) ?? x[n], StringComparer.Ordinal);
                var placed = new List<double>();
                for (var i = 0; i < row.Count; i++)
                {
                    var centre = desired[row[i]];
                    if (i > 0)
                    {
                        centre = Math.Max(centre, placed[i - 1] + ((footprint[row[i - 1]] + footprint[row[i]]) / 2));
                    }

                    placed.Add(centre);
                }

                var shift = row.Select((n, i) => desired[n] - placed[i]).Average();
                for (var i = 0; i < row.Count; i++)
                {
                    x[row[i]] = placed[i] + shift;
                }
            }
        }

        var left = rows.SelectMany(r => r).Min(n => x[n] - (footprint[n] / 2));
        return x.ToDictionary(p => p.Key, p => p.Value - left + Margin, StringComparer.Ordinal);
    }

    private static double? Pull(string name, Dictionary<string, List<string>> neighbours, Dictionary<string, double> x, List<string> row)
    {
        var others = neighbours[name].Where(n => !row.Contains(n)).Select(n => x[n]).ToList();
        return others.Count == 0 ? null : others.Average();
    }
}
