using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ProcurementPortal.Core.Drawing;
using SkiaSharp;

namespace ProcurementPortal.Core.Pdf;

/// <summary>What a page shows, positioned: the layout decides it all, the renderer only draws it.</summary>
internal abstract record PageOp;

internal sealed record TextOp(string Text, float X, float Baseline, bool Bold, float Size, SKColor Color) : PageOp;

internal sealed record LineOp(float X1, float Y1, float X2, float Y2, float Width, SKColor Color) : PageOp;

internal sealed record FillOp(SKRect Rect, SKColor Color) : PageOp;

internal sealed record ImageOp(SKImage Image, SKRect Rect) : PageOp;

internal sealed record CircleOp(float CentreX, float CentreY, float Radius, SKColor Color) : PageOp;

/// <summary>Measures text as HarfBuzz shapes it, so that line breaks match what is drawn.</summary>
internal sealed class TextMeasure(PdfFonts fonts)
{
    private readonly Dictionary<(string, bool), float> _widths = new();

    /// <summary>Shaped advance width of <paramref name="text"/> at <paramref name="size"/> points.</summary>
    public float Width(string text, bool bold, float size)
    {
        if (text.Length == 0) return 0;
        if (!_widths.TryGetValue((text, bold), out var width))
        {
            width = fonts.Face(bold).Shape(text).Advance;
            _widths[(text, bold)] = width;
        }
        return width * size;
    }

    /// <summary>Distance from the top of a line box to the baseline, centring the font's ascent and descent.</summary>
    public static float BaselineOffset(PdfFontFace face, float size, float lineHeight)
    {
        using var font = new SKFont(face.Typeface, size);
        var metrics = font.Metrics;
        var ascent = -metrics.Ascent;
        return (lineHeight - (ascent + metrics.Descent)) / 2 + ascent;
    }
}

/// <summary>A wrapped line: pieces of text in one weight each, with their offset from the line's start.</summary>
internal sealed record TextLine(IReadOnlyList<(string Text, bool Bold, float X)> Pieces, float Width);

/// <summary>Flows the blocks of a <see cref="PdfDocumentModel"/> onto pages.</summary>
internal sealed partial class PdfLayout
{
    public const float BodySize = 11f;
    public const float FooterSize = 9f;
    private const float LineSpacing = 1.35f;
    private const float CellPadX = 4f, CellPadY = 3f;
    private const float KeyShare = 0.35f, KeyGap = 8f;

    public static readonly SKColor Ink = new(0x0b, 0x0c, 0x0c);
    public static readonly SKColor Secondary = new(0x50, 0x5a, 0x5f);
    private static readonly SKColor Rule = new(0xb1, 0xb4, 0xb6);
    private static readonly SKColor HeaderFill = new(0xf3, 0xf2, 0xf1);

    private readonly PdfDocumentModel _model;
    private readonly PdfFonts _fonts;
    private readonly TextMeasure _measure;
    private readonly float _left, _right, _top, _bottom;
    private readonly List<List<PageOp>> _pages = [];
    private List<PageOp> _page = null!;
    private float _y;

    private PdfLayout(PdfDocumentModel model, PdfFonts fonts)
    {
        _model = model;
        _fonts = fonts;
        _measure = new TextMeasure(fonts);
        _left = model.Margins.Left;
        _right = model.PageSize.Width - model.Margins.Right;
        _top = model.Margins.Top;
        _bottom = model.PageSize.Height - model.Margins.Bottom;
        if (_right - _left < 50 || _bottom - _top < 50)
            throw new ArgumentException("The margins leave no room for text on the page.", nameof(model));
        NewPage();
    }

    private float Width => _right - _left;

    /// <summary>Lays the model out; the images it decodes belong to the caller, who disposes them after drawing.</summary>
    public static IReadOnlyList<IReadOnlyList<PageOp>> Run(PdfDocumentModel model, PdfFonts fonts)
    {
        var layout = new PdfLayout(model, fonts);
        for (var i = 0; i < model.Blocks.Count; i++)
            layout.Place(model.Blocks[i], i + 1 < model.Blocks.Count ? model.Blocks[i + 1] : null);
        return layout._pages;
    }

    private void NewPage()
    {
        _page = [];
        _pages.Add(_page);
        _y = _top;
    }

    private bool AtPageTop => _y <= _top;

    private float Room => _bottom - _y;

    /// <summary>Starts a new page unless <paramref name="height"/> fits below the cursor (or the page is still empty,
    /// where nothing is gained by breaking).</summary>
    private void EnsureRoom(float height)
    {
        if (height > Room && !AtPageTop) NewPage();
    }

    private static float LineHeight(float size) => size * LineSpacing;

    private void Place(PdfBlock block, PdfBlock? next)
    {
        switch (block)
        {
            case PdfHeading heading: PlaceHeading(heading, next); break;
            case PdfParagraph paragraph: PlaceParagraph(paragraph); break;
            case PdfKeyValueList list: PlaceKeyValues(list); break;
            case PdfTable table: PlaceTable(table); break;
            case PdfImage image: PlaceImage(image); break;
            case PdfDrawing drawing: PlaceDrawing(drawing); break;
            case PdfSpacer spacer: PlaceSpacer(spacer); break;
            case PdfPageBreak: if (!AtPageTop) NewPage(); break;
            case PdfSignature signature: PlaceSignature(signature); break;
            default: throw new ArgumentException($"No layout for the block {block.GetType().Name}.", nameof(block));
        }
    }

    private static float HeadingSize(int level) => level switch
    {
        1 => 20f,
        2 => 16f,
        3 => 13f,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Heading levels are 1 to 3."),
    };

    private void PlaceHeading(PdfHeading heading, PdfBlock? next)
    {
        var size = HeadingSize(heading.Level);
        var spaceBefore = AtPageTop ? 0 : size * 0.6f;
        var lines = Wrap([new PdfTextRun(heading.Text, Bold: true)], size, Width);
        var height = lines.Count * LineHeight(size);
        // A heading with nothing of its section under it belongs on the next page.
        var keepWithNext = next is null or PdfPageBreak ? 0 : 2 * LineHeight(BodySize);
        EnsureRoom(spaceBefore + height + keepWithNext);
        if (!AtPageTop) _y += spaceBefore;
        DrawLines(lines, size, _left, Width, PdfAlign.Left, Ink);
        _y += size * 0.4f;
    }

    private void PlaceParagraph(PdfParagraph paragraph)
    {
        var lineHeight = LineHeight(BodySize);
        foreach (var line in Wrap(paragraph.Runs, BodySize, Width))
        {
            EnsureRoom(lineHeight);
            DrawLines([line], BodySize, _left, Width, PdfAlign.Left, Ink);
        }
        _y += BodySize * 0.7f;
    }

    private void PlaceSpacer(PdfSpacer spacer)
    {
        // Space that would end the page ends it; the next page starts at its top margin.
        if (spacer.Height >= Room) NewPage();
        else _y += spacer.Height;
    }

    private void PlaceKeyValues(PdfKeyValueList list)
    {
        var keyWidth = Width * KeyShare;
        var valueWidth = Width - keyWidth - KeyGap;
        var lineHeight = LineHeight(BodySize);
        foreach (var item in list.Items)
        {
            var keyLines = Wrap([new PdfTextRun(item.Key, Bold: true)], BodySize, keyWidth);
            var valueLines = Wrap([new PdfTextRun(item.Value)], BodySize, valueWidth);
            var height = Math.Max(keyLines.Count, valueLines.Count) * lineHeight + 2 * CellPadY;
            EnsureRoom(height);
            var top = _y;
            _y = top + CellPadY;
            DrawLines(keyLines, BodySize, _left, keyWidth, PdfAlign.Left, Ink);
            _y = top + CellPadY;
            DrawLines(valueLines, BodySize, _left + keyWidth + KeyGap, valueWidth, PdfAlign.Left, Ink);
            _y = top + height;
            _page.Add(new LineOp(_left, _y, _right, _y, 0.5f, Rule));
        }
        _y += BodySize * 0.7f;
    }

    private void PlaceTable(PdfTable table)
    {
        if (table.Columns.Count == 0)
            throw new ArgumentException("A table needs at least one column.", nameof(table));
        var total = table.Columns.Sum(c => c.Width);
        if (total <= 0)
            throw new ArgumentException("A table's column widths must be positive.", nameof(table));
        var widths = table.Columns.Select(c => c.Width / total * Width).ToArray();

        var header = WrapRow(table.Columns.Select(c => c.Header).ToList(), widths, bold: true);
        foreach (var (row, index) in table.Rows.Select((r, i) => (r, i)))
            if (row.Count != table.Columns.Count)
                throw new ArgumentException($"Row {index + 1} has {row.Count} cells; the table has {table.Columns.Count} columns.", nameof(table));
        var rows = table.Rows.Select(r => WrapRow(r, widths, bold: false)).ToList();

        // The header never stands alone at the foot of a page.
        EnsureRoom(header.Height + (rows.Count > 0 ? rows[0].Height : 0));
        DrawRow(table, header, widths, isHeader: true);
        foreach (var row in rows)
        {
            if (row.Height > Room && !AtPageTop)
            {
                NewPage();
                DrawRow(table, header, widths, isHeader: true);
            }
            DrawRow(table, row, widths, isHeader: false);
        }
        _y += BodySize * 0.7f;
    }

    private sealed record WrappedRow(IReadOnlyList<IReadOnlyList<TextLine>> Cells, bool Bold, float Height);

    private WrappedRow WrapRow(IReadOnlyList<string> cells, float[] widths, bool bold)
    {
        var wrapped = cells.Select((text, i) => Wrap([new PdfTextRun(text, bold)], BodySize, widths[i] - 2 * CellPadX)).ToList();
        var lines = wrapped.Max(c => Math.Max(1, c.Count));
        return new WrappedRow(wrapped, bold, lines * LineHeight(BodySize) + 2 * CellPadY);
    }

    private void DrawRow(PdfTable table, WrappedRow row, float[] widths, bool isHeader)
    {
        var top = _y;
        if (isHeader) _page.Add(new FillOp(new SKRect(_left, top, _right, top + row.Height), HeaderFill));
        var x = _left;
        for (var i = 0; i < widths.Length; i++)
        {
            _y = top + CellPadY;
            DrawLines(row.Cells[i], BodySize, x + CellPadX, widths[i] - 2 * CellPadX, table.Columns[i].Align, Ink);
            x += widths[i];
        }
        _y = top + row.Height;
        _page.Add(isHeader ? new LineOp(_left, _y, _right, _y, 1f, Ink) : new LineOp(_left, _y, _right, _y, 0.5f, Rule));
    }

    private void PlaceImage(PdfImage block)
    {
        var image = SKImage.FromEncodedData(block.Bytes)
            ?? throw new ArgumentException("The image block's bytes are not a PNG or JPEG image.", nameof(block));
        var width = Math.Min(block.MaxWidth, Width);
        var height = width * image.Height / image.Width;
        var pageHeight = _bottom - _top;
        if (height > pageHeight)
        {
            width *= pageHeight / height;
            height = pageHeight;
        }
        EnsureRoom(height);
        var x = Aligned(block.Align, _left, Width, width);
        _page.Add(new ImageOp(image, new SKRect(x, _y, x + width, _y + height)));
        _y += height + BodySize * 0.7f;
    }

    private void PlaceDrawing(PdfDrawing block)
    {
        var drawing = block.Drawing;
        var scale = Math.Min(1f, Math.Min(Width / drawing.Width, (_bottom - _top) / drawing.Height));
        var height = drawing.Height * scale;
        EnsureRoom(height);
        var left = Aligned(block.Align, _left, Width, drawing.Width * scale);
        var top = _y;
        float X(float x) => left + x * scale;
        float Y(float y) => top + y * scale;
        foreach (var shape in drawing.Shapes)
        {
            _page.Add(shape switch
            {
                VectorRect r => new FillOp(new SKRect(X(r.X), Y(r.Y), X(r.X + r.Width), Y(r.Y + r.Height)), SKColor.Parse(r.Fill)),
                VectorCircle c => new CircleOp(X(c.CentreX), Y(c.CentreY), c.Radius * scale, SKColor.Parse(c.Fill)),
                VectorLine l => new LineOp(X(l.X1), Y(l.Y1), X(l.X2), Y(l.Y2), l.StrokeWidth * scale, SKColor.Parse(l.Stroke)),
                VectorText t => DrawingText(t, X, Y, scale),
                _ => throw new ArgumentException($"No drawing for the shape {shape.GetType().Name}.", nameof(block)),
            });
        }
        _y += height + BodySize * 0.7f;
    }

    private TextOp DrawingText(VectorText text, Func<float, float> x, Func<float, float> y, float scale)
    {
        var content = text.Text.Normalize(NormalizationForm.FormC);
        var size = text.Size * scale;
        var width = _measure.Width(content, text.Bold, size);
        var start = text.Anchor switch
        {
            VectorTextAnchor.End => x(text.X) - width,
            VectorTextAnchor.Middle => x(text.X) - width / 2,
            _ => x(text.X),
        };
        return new TextOp(content, start, y(text.Y), text.Bold, size, SKColor.Parse(text.Fill));
    }

    private void PlaceSignature(PdfSignature signature)
    {
        const float signingSpace = 36f, lineLength = 200f;
        var lines = new List<TextLine>();
        lines.AddRange(Wrap([new PdfTextRun(signature.Name, Bold: true)], BodySize, Width));
        if (signature.Role is { } role) lines.AddRange(Wrap([new PdfTextRun(role)], BodySize, Width));
        if (signature.Date is { } date) lines.AddRange(Wrap([new PdfTextRun(date)], BodySize, Width));
        var lineHeight = LineHeight(BodySize);
        EnsureRoom(signingSpace + 4 + lines.Count * lineHeight);
        _y += signingSpace;
        _page.Add(new LineOp(_left, _y, _left + lineLength, _y, 0.75f, Ink));
        _y += 4;
        DrawLines(lines, BodySize, _left, Width, PdfAlign.Left, Ink);
        _y += BodySize * 0.7f;
    }

    private static float Aligned(PdfAlign align, float x, float width, float contentWidth) => align switch
    {
        PdfAlign.Right => x + width - contentWidth,
        PdfAlign.Centre => x + (width - contentWidth) / 2,
        _ => x,
    };

    /// <summary>Adds the lines from the cursor down, one line box each, and moves the cursor below them.</summary>
    private void DrawLines(IEnumerable<TextLine> lines, float size, float x, float width, PdfAlign align, SKColor color)
    {
        var lineHeight = LineHeight(size);
        foreach (var line in lines)
        {
            var start = Aligned(align, x, width, line.Width);
            foreach (var (text, bold, offset) in line.Pieces)
                _page.Add(new TextOp(text, start + offset, _y + TextMeasure.BaselineOffset(_fonts.Face(bold), size, lineHeight), bold, size, color));
            _y += lineHeight;
        }
    }

    [GeneratedRegex(@"\S+\s*|\s+")]
    private static partial Regex Words();

    /// <summary>
    /// Greedy line breaking at spaces, by shaped width; a newline forces a break, and a word wider than the line (a
    /// hash, a long reference) is broken between characters.
    /// </summary>
    internal List<TextLine> Wrap(IReadOnlyList<PdfTextRun> runs, float size, float width)
    {
        var lines = new List<TextLine>();
        var pieces = new List<(string Text, bool Bold, float X)>();
        var x = 0f;
        var inkWidth = 0f;

        void EndLine()
        {
            lines.Add(new TextLine(Merge(pieces), inkWidth));
            pieces.Clear();
            x = 0;
            inkWidth = 0;
        }

        void Add(string word, string trailing, bool bold)
        {
            var wordWidth = _measure.Width(word, bold, size);
            if (pieces.Count > 0 && x + wordWidth > width) EndLine();
            if (wordWidth > width)
            {
                foreach (var chunk in BreakWord(word, bold, size, width))
                {
                    if (pieces.Count > 0) EndLine();
                    pieces.Add((chunk, bold, 0));
                    x = inkWidth = _measure.Width(chunk, bold, size);
                }
            }
            else
            {
                pieces.Add((word, bold, x));
                x += wordWidth;
                inkWidth = x;
            }
            if (trailing.Length > 0)
            {
                pieces.Add((trailing, bold, x));
                x += _measure.Width(trailing, bold, size);
            }
        }

        foreach (var run in runs)
        {
            // Composed form: "w" + combining circumflex becomes the one character ŵ that the font has a glyph for.
            var paragraphs = run.Text.Normalize(NormalizationForm.FormC).Replace("\r\n", "\n").Split('\n');
            for (var p = 0; p < paragraphs.Length; p++)
            {
                if (p > 0) EndLine();
                foreach (Match match in Words().Matches(paragraphs[p]))
                {
                    var token = match.Value;
                    var word = token.TrimEnd();
                    if (word.Length == 0)
                    {
                        // Spaces at the start of a line are dropped, elsewhere they separate words.
                        if (pieces.Count > 0) Add("", token, run.Bold);
                        continue;
                    }
                    Add(word, token[word.Length..], run.Bold);
                }
            }
        }
        if (pieces.Count > 0 || lines.Count == 0) EndLine();
        return lines;
    }

    /// <summary>Joins neighbouring pieces of the same weight and drops the spaces that end the line.</summary>
    private static List<(string, bool, float)> Merge(List<(string Text, bool Bold, float X)> pieces)
    {
        var merged = new List<(string Text, bool Bold, float X)>();
        foreach (var piece in pieces)
        {
            if (merged.Count > 0 && merged[^1].Bold == piece.Bold)
                merged[^1] = (merged[^1].Text + piece.Text, piece.Bold, merged[^1].X);
            else
                merged.Add(piece);
        }
        return merged
            .Select(p => (p.Text.TrimEnd(), p.Bold, p.X))
            .Where(p => p.Item1.Length > 0)
            .ToList();
    }

    private IEnumerable<string> BreakWord(string word, bool bold, float size, float width)
    {
        var chunk = "";
        var elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            if (chunk.Length > 0 && _measure.Width(chunk + element, bold, size) > width)
            {
                yield return chunk;
                chunk = "";
            }
            chunk += element;
        }
        if (chunk.Length > 0) yield return chunk;
    }
}
