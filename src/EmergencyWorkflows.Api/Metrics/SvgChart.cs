using System.Globalization;
using System.Xml.Linq;

namespace EmergencyWorkflows.Api.Metrics;

/// <summary>
/// A small SVG writer for server-side charts: an accessible root (<c>role="img"</c>, a <c>&lt;title&gt;</c> and
/// <c>&lt;desc&gt;</c> it is labelled by), shapes and text styled by CSS classes only (the pages' CSP allows no inline
/// style), and linear scales. Text and attributes go through XElement, so nothing a user typed can break out.
/// </summary>
internal sealed class SvgChart
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    private readonly XElement root;

    public SvgChart(string id, double width, double height, string title, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Width = width;
        Height = height;
        root = new XElement(Ns + "svg",
            new XAttribute("id", id),
            new XAttribute("class", "chart"),
            new XAttribute("viewBox", $"0 0 {N(width)} {N(height)}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-title {id}-desc"),
            new XElement(Ns + "title", new XAttribute("id", $"{id}-title"), title),
            new XElement(Ns + "desc", new XAttribute("id", $"{id}-desc"), description));
    }

    public double Width { get; }

    public double Height { get; }

    public XElement Line(double x1, double y1, double x2, double y2, string cssClass, params object[] extra) =>
        Add(new XElement(Ns + "line", new XAttribute("x1", N(x1)), new XAttribute("y1", N(y1)), new XAttribute("x2", N(x2)),
            new XAttribute("y2", N(y2)), new XAttribute("class", cssClass), extra));

    /// <summary>A rectangle; a zero or negative height draws nothing. <paramref name="tooltip"/> becomes its &lt;title&gt;.</summary>
    public XElement? Rect(double x, double y, double width, double height, string cssClass, string? tooltip = null)
    {
        if (width <= 0 || height <= 0)
        {
            return null;
        }

        return Add(new XElement(Ns + "rect", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("width", N(width)),
            new XAttribute("height", N(height)), new XAttribute("class", cssClass), Tooltip(tooltip)));
    }

    public XElement Circle(double cx, double cy, double r, string cssClass, string? tooltip = null) =>
        Add(new XElement(Ns + "circle", new XAttribute("cx", N(cx)), new XAttribute("cy", N(cy)), new XAttribute("r", N(r)),
            new XAttribute("class", cssClass), Tooltip(tooltip)));

    public XElement Polyline(IEnumerable<(double X, double Y)> points, string cssClass) =>
        Add(new XElement(Ns + "polyline", new XAttribute("points", string.Join(' ', points.Select(p => $"{N(p.X)},{N(p.Y)}"))),
            new XAttribute("class", cssClass)));

    /// <summary>Text; <paramref name="anchor"/> is start, middle or end.</summary>
    public XElement Text(double x, double y, string text, string cssClass, string anchor = "start") =>
        Add(new XElement(Ns + "text", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("class", cssClass),
            new XAttribute("text-anchor", anchor), text));

    /// <summary>The markup to place inline in the page.</summary>
    public string ToMarkup() => root.ToString(SaveOptions.DisableFormatting);

    /// <summary>A "nice" axis maximum and tick step for values up to <paramref name="max"/> (1, 2, 2.5 or 5 times a power of ten).</summary>
    /// <param name="integer">Counts: the step is a whole number.</param>
    public static (double Max, double Step) NiceScale(double max, int maxTicks = 6, bool integer = false)
    {
        if (max <= 0 || double.IsNaN(max))
        {
            return (1, 1);
        }

        var rough = max / maxTicks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= rough);
        if (integer)
        {
            step = Math.Max(1, Math.Ceiling(step));
        }

        return (Math.Ceiling(max / step) * step, step);
    }

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private XElement Add(XElement element)
    {
        root.Add(element);
        return element;
    }

    private static XElement? Tooltip(string? text) => text is null ? null : new XElement(Ns + "title", text);
}
