namespace OneArmDesigner.Import.Asa;

internal sealed partial class AsaParser
{
    /// <summary>`class-map NAME` with `match access-list ACL`, `match default-inspection-traffic`, `match any` or another match.</summary>
    private void ReadClassMap(AsaBlock block)
    {
        var name = block.Head.Word(1);
        string? acl = null;
        var (inspectionDefault, any) = (false, false);
        foreach (var line in block.Children)
        {
            switch ((line.Word(0), line.Word(1)))
            {
                case ("match", "access-list"):
                    acl = line.Word(2);
                    break;
                case ("match", "default-inspection-traffic"):
                    inspectionDefault = true;
                    break;
                case ("match", "any"):
                    any = true;
                    break;
                case ("description", _):
                    _ledger.Ignored(line.Number, "a description");
                    continue;
                default:
                    _ledger.NotModelled(line.Number, "this class-map match is not modelled; only `match access-list`, `match any` and `match default-inspection-traffic` select traffic for the model");
                    continue;
            }

            _ledger.Ignored(line.Number, "a class no applied policy uses");
        }

        _ledger.Ignored(block.Head.Number, "a class no applied policy uses");
        _config.ClassMaps[name] = new ClassMap(name, block.Head.Number, acl, inspectionDefault, any);
        AddDefinitionLines("class-map " + name, [.. block.AllLines.Select(l => l.Number)]);
    }

    /// <summary>`policy-map NAME`, its ` class C` lines and their actions (inspect, set connection...).</summary>
    private void ReadPolicyMap(AsaBlock block)
    {
        var classes = new List<(string Class, int Line, IReadOnlyList<AsaLine> Actions)>();
        (string Class, int Line, List<AsaLine> Actions)? current = null;
        foreach (var line in block.Children)
        {
            if (line.Word(0) == "class")
            {
                if (current is { } done)
                {
                    classes.Add((done.Class, done.Line, done.Actions));
                }

                current = (line.Word(1), line.Number, []);
            }
            else if (current is { } open && line.Indent > 1)
            {
                open.Actions.Add(line);
            }
            else
            {
                _ledger.Ignored(line.Number, line.Word(0) == "description" ? "a description" : "a policy-map parameter that does not change forwarding");
                continue;
            }

            _ledger.Ignored(line.Number, "a policy no service-policy applies");
        }

        if (current is { } last)
        {
            classes.Add((last.Class, last.Line, last.Actions));
        }

        _ledger.Ignored(block.Head.Number, "a policy no service-policy applies");
        _config.PolicyMaps[block.Head.Word(1)] = new PolicyMap(block.Head.Word(1), block.Head.Number, classes);
    }

    /// <summary>`service-policy NAME global` or `service-policy NAME interface IF`.</summary>
    private void ReadServicePolicy(AsaLine line)
    {
        var name = line.Word(1);
        string? nameif = line.Word(2) switch
        {
            "global" => null,
            "interface" => line.Word(3),
            _ => throw new AsaSyntaxException("expected `service-policy NAME global` or `service-policy NAME interface IF`"),
        };
        if (!_config.PolicyMaps.ContainsKey(name))
        {
            Problem(line, $"service-policy applies policy-map {name}, which is not defined");
            return;
        }

        if (nameif is not null && _config.FindInterface(nameif) is null)
        {
            Problem(line, $"service-policy names interface '{nameif}', which no interface has as its nameif");
            return;
        }

        _config.ServicePolicies.Add(new ServicePolicy(line.Number, name, nameif));
        _ledger.Modelled(line.Number);
    }
}
