using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using ProcurementPortal.Core.Drawing;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>
/// A <see cref="VectorDrawing"/> as inline SVG: an image to assistive technology, named by its title and described by
/// its description (and, through <c>aria-describedby</c>, by the table of the same figures). Colours and sizes are
/// presentation attributes, not style attributes, which the strict CSP refuses. A data mark carries
/// <c>data-mark</c> and a title naming its data point.
/// </summary>
public static class SvgDrawing
{
    public static IHtmlContent Render(VectorDrawing drawing, string id, string? describedBy = null)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{Encode(id)}\" class=\"app-chart\" viewBox=\"0 0 {N(drawing.Width)} {N(drawing.Height)}\" role=\"img\" ");
        svg.Append(CultureInfo.InvariantCulture, $"aria-labelledby=\"{Encode(id)}-title\" aria-describedby=\"{Encode(id)}-desc{(describedBy is null ? "" : " " + Encode(describedBy))}\" ");
        svg.Append("font-family=\"&quot;GDS Transport&quot;, arial, sans-serif\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{Encode(id)}-title\">{Encode(drawing.Title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{Encode(id)}-desc\">{Encode(drawing.Description)}</desc>");
        foreach (var shape in drawing.Shapes)
        {
            svg.Append(shape switch
            {
                VectorRect r => Marked($"<rect x=\"{N(r.X)}\" y=\"{N(r.Y)}\" width=\"{N(r.Width)}\" height=\"{N(r.Height)}\" fill=\"{r.Fill}\"", "rect", r.Mark),
                VectorCircle c => Marked($"<circle cx=\"{N(c.CentreX)}\" cy=\"{N(c.CentreY)}\" r=\"{N(c.Radius)}\" fill=\"{c.Fill}\"", "circle", c.Mark),
                VectorLine l => $"<line x1=\"{N(l.X1)}\" y1=\"{N(l.Y1)}\" x2=\"{N(l.X2)}\" y2=\"{N(l.Y2)}\" stroke=\"{l.Stroke}\" stroke-width=\"{N(l.StrokeWidth)}\"/>",
                VectorText t => $"<text x=\"{N(t.X)}\" y=\"{N(t.Y)}\" font-size=\"{N(t.Size)}\" fill=\"{t.Fill}\" text-anchor=\"{Anchor(t.Anchor)}\"" +
                    $"{(t.Bold ? " font-weight=\"bold\"" : "")}>{Encode(t.Text)}</text>",
                _ => throw new ArgumentException($"No SVG for the shape {shape.GetType().Name}.", nameof(drawing)),
            });
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Marked(string open, string element, string? mark) =>
        mark is null ? open + "/>" : $"{open} data-mark=\"{Encode(mark)}\"><title>{Encode(mark)}</title></{element}>";

    private static string Anchor(VectorTextAnchor anchor) => anchor switch
    {
        VectorTextAnchor.Middle => "middle",
        VectorTextAnchor.End => "end",
        _ => "start",
    };

    private static string N(float value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
