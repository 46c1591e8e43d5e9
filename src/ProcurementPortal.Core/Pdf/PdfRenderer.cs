using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace ProcurementPortal.Core.Pdf;

/// <summary>
/// Draws a <see cref="PdfDocumentModel"/> to PDF with Skia: the layout is measured with the full fonts, then the
/// fonts are cut down to the characters the pages show and the pages are drawn with those, shaped by HarfBuzz.
/// A singleton: the fonts are read once, on first use; each call owns everything else it touches.
/// </summary>
public sealed class PdfRenderer(IOptions<PdfOptions> options) : IDisposable
{
    private readonly PdfOptions _options = options.Value;
    private readonly Lazy<PdfFonts> _fonts = new(() => PdfFonts.Load(options.Value.FontDirectory));

    public byte[] Render(PdfDocumentModel model)
    {
        var fonts = _fonts.Value;
        var pages = PdfLayout.Run(model, fonts);
        var footers = pages.Select((_, i) => Footer(model, i + 1, pages.Count)).ToList();
        try
        {
            using var faces = _options.SubsetFonts ? SubsetFaces.For(fonts, pages, footers) : SubsetFaces.Whole(fonts);
            using var stream = new MemoryStream();
            using (var document = SKDocument.CreatePdf(stream, Metadata(model)))
            {
                for (var i = 0; i < pages.Count; i++)
                {
                    var canvas = document.BeginPage(model.PageSize.Width, model.PageSize.Height);
                    foreach (var op in pages[i]) Draw(canvas, op, faces);
                    foreach (var op in footers[i]) Draw(canvas, op, faces);
                    document.EndPage();
                }
                document.Close();
            }
            return stream.ToArray();
        }
        finally
        {
            foreach (var op in pages.SelectMany(p => p).OfType<ImageOp>()) op.Image.Dispose();
        }
    }

    /// <summary>"Page N of M" on the right of the bottom margin, the running footer (if any) on the left.</summary>
    private List<TextOp> Footer(PdfDocumentModel model, int page, int pageCount)
    {
        var fonts = _fonts.Value;
        var baseline = model.PageSize.Height - model.Margins.Bottom / 2;
        var right = model.PageSize.Width - model.Margins.Right;
        var pageText = $"Page {page} of {pageCount}";
        var width = new TextMeasure(fonts).Width(pageText, false, PdfLayout.FooterSize);
        var ops = new List<TextOp> { new(pageText, right - width, baseline, false, PdfLayout.FooterSize, PdfLayout.Secondary) };
        if (!string.IsNullOrWhiteSpace(model.RunningFooter))
            ops.Add(new TextOp(model.RunningFooter.Normalize(), model.Margins.Left, baseline, false, PdfLayout.FooterSize, PdfLayout.Secondary));
        return ops;
    }

    private static SKDocumentPdfMetadata Metadata(PdfDocumentModel model) => new()
    {
        Title = model.Title,
        Author = model.Author,
        Subject = model.Subject,
        Creator = "ProcurementPortal",
        Producer = "ProcurementPortal (SkiaSharp)",
        Creation = model.Created?.UtcDateTime,
        Modified = model.Created?.UtcDateTime,
        RasterDpi = SKDocumentPdfMetadata.DefaultRasterDpi,
        EncodingQuality = SKDocumentPdfMetadata.DefaultEncodingQuality,
    };

    private static void Draw(SKCanvas canvas, PageOp op, SubsetFaces faces)
    {
        switch (op)
        {
            case TextOp text:
            {
                var face = faces.Face(text.Bold);
                var shaped = face.Shape(text.Text);
                using var font = new SKFont(face.Typeface, text.Size);
                using var builder = new SKTextBlobBuilder();
                var run = builder.AllocatePositionedTextRun(font, shaped.Glyphs.Length, shaped.Utf8.Length);
                run.SetGlyphs(shaped.Glyphs);
                run.SetPositions(shaped.Positions.Select(p => new SKPoint(p.X * text.Size, p.Y * text.Size)).ToArray());
                run.SetText(shaped.Utf8);
                run.SetClusters(shaped.Clusters);
                using var blob = builder.Build();
                using var paint = new SKPaint { Color = text.Color, IsAntialias = true };
                if (blob is not null) canvas.DrawText(blob, text.X, text.Baseline, paint);
                break;
            }
            case LineOp line:
            {
                using var paint = new SKPaint { Color = line.Color, StrokeWidth = line.Width, Style = SKPaintStyle.Stroke, IsAntialias = true };
                canvas.DrawLine(line.X1, line.Y1, line.X2, line.Y2, paint);
                break;
            }
            case FillOp fill:
            {
                using var paint = new SKPaint { Color = fill.Color, Style = SKPaintStyle.Fill };
                canvas.DrawRect(fill.Rect, paint);
                break;
            }
            case CircleOp circle:
            {
                using var paint = new SKPaint { Color = circle.Color, Style = SKPaintStyle.Fill, IsAntialias = true };
                canvas.DrawCircle(circle.CentreX, circle.CentreY, circle.Radius, paint);
                break;
            }
            case ImageOp image:
                canvas.DrawImage(image.Image, image.Rect, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
                break;
            default:
                throw new InvalidOperationException($"No drawing for {op.GetType().Name}.");
        }
    }

    /// <summary>The faces a document is drawn with: subsets of the document font, or the whole fonts.</summary>
    private sealed class SubsetFaces : IDisposable
    {
        private readonly PdfFontFace? _regular, _bold;
        private readonly PdfFonts _whole;
        private readonly bool _owned;

        private SubsetFaces(PdfFonts whole, PdfFontFace? regular, PdfFontFace? bold, bool owned)
        {
            _whole = whole;
            _regular = regular;
            _bold = bold;
            _owned = owned;
        }

        public static SubsetFaces Whole(PdfFonts fonts) => new(fonts, fonts.Regular, fonts.Bold, owned: false);

        public static SubsetFaces For(PdfFonts fonts, IEnumerable<IReadOnlyList<PageOp>> pages, IEnumerable<List<TextOp>> footers)
        {
            var texts = pages.SelectMany(p => p).OfType<TextOp>().Concat(footers.SelectMany(f => f)).ToList();
            return new SubsetFaces(fonts, Cut(fonts.Regular, texts.Where(t => !t.Bold)), Cut(fonts.Bold, texts.Where(t => t.Bold)), owned: true);
        }

        private static PdfFontFace? Cut(PdfFontFace face, IEnumerable<TextOp> texts)
        {
            var codepoints = texts.SelectMany(t => t.Text.EnumerateRunes()).Select(r => r.Value).ToHashSet();
            return codepoints.Count == 0 ? null : new PdfFontFace(face.Subset(codepoints));
        }

        public PdfFontFace Face(bool bold) =>
            (bold ? _bold : _regular) ?? throw new InvalidOperationException("A text was drawn in a face the layout never used.");

        public void Dispose()
        {
            if (!_owned) return;
            _regular?.Dispose();
            _bold?.Dispose();
        }
    }

    public void Dispose()
    {
        if (_fonts.IsValueCreated) _fonts.Value.Dispose();
    }
}

public static class PdfServiceCollectionExtensions
{
    /// <summary>Registers the PDF renderer (one per process: it holds the fonts), configured from the "Pdf" section.</summary>
    public static IServiceCollection AddPortalPdf(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.Configure<PdfOptions>(configuration.GetSection(PdfOptions.Section));
        services.AddSingleton<PdfRenderer>();
        return services;
    }
}
