using System.Globalization;
using System.Text.RegularExpressions;
using OneArmDesigner.Canvas.Blazor.Interop;
using OneArmDesigner.Canvas.Geometry;
using Microsoft.JSInterop;

namespace OneArmDesigner.Canvas.Tests.Api;

/// <summary>The script mirrors C# rules and calls C# methods by name; these tests catch the two drifting apart.</summary>
public partial class ScriptContractTests
{
    private static readonly string Script = File.ReadAllText(
        RepositoryFiles.PathOf("src", "OneArmDesigner.Canvas.Blazor", "wwwroot", "diagramCanvas.js"));

    [Fact]
    public void Script_UsesTheSameEndLabelDistanceAsLinkGeometry()
    {
        var match = EndLabelDistance().Match(Script);

        Assert.True(match.Success, "END_LABEL_DISTANCE not found in diagramCanvas.js");
        Assert.Equal(LinkGeometry.EndLabelDistance, double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void EveryMethodTheScriptInvokes_IsJSInvokableOnTheBridge()
    {
        var invoked = InvokedMethods().Matches(Script).Select(m => m.Groups[1].Value).Distinct().Order().ToArray();
        var invokable = typeof(DiagramCanvasInterop).GetMethods()
            .Where(m => m.IsDefined(typeof(JSInvokableAttribute), inherit: false))
            .Select(m => m.Name)
            .Order()
            .ToArray();

        Assert.Equal(invokable, invoked);
    }

    [GeneratedRegex(@"const END_LABEL_DISTANCE = ([0-9.]+);")]
    private static partial Regex EndLabelDistance();

    [GeneratedRegex(@"invokeMethodAsync\(\s*'(\w+)'")]
    private static partial Regex InvokedMethods();
}
