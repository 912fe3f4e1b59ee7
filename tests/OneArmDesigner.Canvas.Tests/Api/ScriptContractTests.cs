using System.Text.RegularExpressions;
using OneArmDesigner.Canvas.Blazor.Interop;
using Microsoft.JSInterop;

namespace OneArmDesigner.Canvas.Tests.Api;

/// <summary>The script mirrors C# rules and calls C# methods by name; these tests catch the two drifting apart.</summary>
public partial class ScriptContractTests
{
    private static readonly string Script = File.ReadAllText(
        RepositoryFiles.PathOf("src", "OneArmDesigner.Canvas.Blazor", "wwwroot", "diagramCanvas.js"));

    [Fact]
    public void Stylesheet_SizesLabelsFromTheVariablesTheCanvasSetsFromItsOptions()
    {
        var css = File.ReadAllText(RepositoryFiles.PathOf("src", "OneArmDesigner.Canvas.Blazor", "wwwroot", "diagramCanvas.css"));
        var markup = File.ReadAllText(RepositoryFiles.PathOf("src", "OneArmDesigner.Canvas.Blazor", "DiagramCanvas.razor.cs"));

        foreach (var variable in new[] { "--oad-zoom", "--oad-label-size", "--oad-label-min", "--oad-label-max" })
        {
            Assert.Contains($"var({variable})", css, StringComparison.Ordinal);
            Assert.Contains($"{variable}: {{", markup, StringComparison.Ordinal);
        }
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

    [GeneratedRegex(@"invokeMethodAsync\(\s*'(\w+)'")]
    private static partial Regex InvokedMethods();
}
