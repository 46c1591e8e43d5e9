namespace ProcurementPortal.Core.Drawing;

/// <summary>
/// A drawing as data, in its own units with the origin top left and y growing downwards (as in SVG and on a PDF page
/// as the layout sees it): a chart is computed once as one of these and drawn both as SVG in a page and as vector
/// paths in a PDF, so the two never disagree.
/// </summary>
public sealed record VectorDrawing(float Width, float Height, string Title, string Description, IReadOnlyList<VectorShape> Shapes);

/// <summary>One shape of a drawing. Colours are "#rrggbb".</summary>
public abstract record VectorShape;

/// <summary>A filled rectangle; <see cref="Mark"/> names the data point it stands for (a bar), null for decoration.</summary>
public sealed record VectorRect(float X, float Y, float Width, float Height, string Fill, string? Mark = null) : VectorShape;

/// <summary>A filled circle; <see cref="Mark"/> names the data point it stands for (a dot of a scatter).</summary>
public sealed record VectorCircle(float CentreX, float CentreY, float Radius, string Fill, string? Mark = null) : VectorShape;

public sealed record VectorLine(float X1, float Y1, float X2, float Y2, string Stroke, float StrokeWidth = 1f) : VectorShape;

public enum VectorTextAnchor
{
    Start,
    Middle,
    End,
}

/// <summary>A line of text whose baseline is at <see cref="Y"/>, anchored at <see cref="X"/>.</summary>
public sealed record VectorText(float X, float Y, string Text, float Size, VectorTextAnchor Anchor = VectorTextAnchor.Start, bool Bold = false,
    string Fill = VectorColours.Ink) : VectorShape;

/// <summary>GOV.UK colours that keep their contrast on white.</summary>
public static class VectorColours
{
    public const string Ink = "#0b0c0c";
    public const string Secondary = "#505a5f";
    public const string Blue = "#1d70b8";
    public const string Grey = "#b1b4b6";
    public const string Rule = "#b1b4b6";
}
