using System.Text.Json.Serialization;
using Microsoft.Playwright;

namespace OneArmDesigner.EndToEnd.Tests.Infrastructure;

/// <summary>One piece of text drawn on a canvas, as the browser laid it out: its box on screen and its size in pixels.</summary>
public sealed record DrawnText(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("x")] double X,
    [property: JsonPropertyName("y")] double Y,
    [property: JsonPropertyName("w")] double Width,
    [property: JsonPropertyName("h")] double Height,
    [property: JsonPropertyName("px")] double Pixels,
    [property: JsonPropertyName("label")] bool IsLabel)
{
    public bool Overlaps(DrawnText other, double tolerance = 0.5) =>
        X + tolerance < other.X + other.Width && other.X + tolerance < X + Width
        && Y + tolerance < other.Y + other.Height && other.Y + tolerance < Y + Height;

    public bool Overlaps(DrawnBox box, double tolerance = 0.5) =>
        X + tolerance < box.X + box.Width && box.X + tolerance < X + Width
        && Y + tolerance < box.Y + box.Height && box.Y + tolerance < Y + Height;

    public override string ToString() => $"'{Text}' at ({X:0},{Y:0}) {Width:0}×{Height:0}, {Pixels:0.#} px";
}

public sealed record DrawnBox(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("x")] double X,
    [property: JsonPropertyName("y")] double Y,
    [property: JsonPropertyName("w")] double Width,
    [property: JsonPropertyName("h")] double Height);

/// <summary>Reads what a canvas drew: every visible piece of text, and every device icon's box.</summary>
public static class CanvasText
{
    public static Task<DrawnText[]> TextsAsync(IPage page, string canvas) => EvaluateAsync<DrawnText[]>(page,
        """
        canvas => [...document.querySelector(canvas).querySelectorAll('text')]
          .filter(t => t.textContent.trim() !== '' && t.getBoundingClientRect().width > 0)
          .map(t => {
            const r = t.getBoundingClientRect();
            const m = t.getScreenCTM();
            return { text: t.textContent, x: r.x, y: r.y, w: r.width, h: r.height,
                     px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b),
                     label: t.classList.contains('oad-label') };
          })
        """, canvas);

    public static Task<DrawnBox[]> IconsAsync(IPage page, string canvas) => EvaluateAsync<DrawnBox[]>(page,
        """
        canvas => [...document.querySelector(canvas).querySelectorAll('.oad-node')].map(n => {
          const r = n.querySelector('.oad-node-glyph').getBoundingClientRect();
          return { id: n.dataset.nodeId, x: r.x, y: r.y, w: r.width, h: r.height };
        })
        """, canvas);

    /// <summary>Runs a script and reads its JSON answer into records (Playwright's own conversion needs setters).</summary>
    public static async Task<T> EvaluateAsync<T>(IPage page, string script, object? argument = null)
    {
        var json = await page.EvaluateAsync<System.Text.Json.JsonElement>(script, argument);
        return System.Text.Json.JsonSerializer.Deserialize<T>(json)!;
    }
}
