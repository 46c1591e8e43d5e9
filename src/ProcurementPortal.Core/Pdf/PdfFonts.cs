using System.Runtime.InteropServices;
using SkiaSharp;

namespace ProcurementPortal.Core.Pdf;

public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>Where DejaVuSans.ttf and DejaVuSans-Bold.ttf live (Debian package fonts-dejavu-core).</summary>
    public string FontDirectory { get; set; } = "/usr/share/fonts/truetype/dejavu";

    /// <summary>Embed only the glyphs a document uses (see <see cref="FontSubsetter"/>); off only to measure the gain.</summary>
    public bool SubsetFonts { get; set; } = true;
}

/// <summary>
/// Glyphs of a piece of text as HarfBuzz shaped it, in ems (multiply by the font size for points), with the text as
/// UTF-8 and each glyph's cluster (its first byte in that text), which Skia writes into the PDF so that the text
/// reads back as written.
/// </summary>
internal sealed record ShapedText(ushort[] Glyphs, SKPoint[] Positions, uint[] Clusters, byte[] Utf8, float Advance);

/// <summary>One face of the document font: its file, a typeface for Skia and a HarfBuzz font that shapes with it.</summary>
internal sealed class PdfFontFace : IDisposable
{
    // HarfBuzz positions are integers in the font's scale: a large scale keeps sub-point precision.
    private const int Scale = 1 << 16;

    // Ligatures off: a PDF reader maps a glyph back to the characters its font says it stands for, and a subset
    // "fi" glyph stands for none, so "financial" would read back (and be found by search) as "?nancial".
    private static readonly HarfBuzzSharp.Feature[] Features =
        [new(HarfBuzzSharp.Tag.Parse("liga"), 0), new(HarfBuzzSharp.Tag.Parse("clig"), 0)];

    private readonly HarfBuzzSharp.Blob _blob;
    private readonly HarfBuzzSharp.Face _face;
    private readonly HarfBuzzSharp.Font _font;
    private readonly Lazy<FontSubsetter> _subsetter;

    public PdfFontFace(byte[] file)
    {
        File = file;
        _subsetter = new Lazy<FontSubsetter>(() => new FontSubsetter(file));
        using var data = SKData.CreateCopy(file);
        Typeface = SKTypeface.FromData(data)
            ?? throw new InvalidOperationException("Skia could not read the font file (not a TrueType/OpenType font).");
        // HarfBuzz reads the font in place for as long as the blob lives: give it native memory the GC cannot move.
        var native = Marshal.AllocHGlobal(file.Length);
        Marshal.Copy(file, 0, native, file.Length);
        _blob = new HarfBuzzSharp.Blob(native, file.Length, HarfBuzzSharp.MemoryMode.ReadOnly, () => Marshal.FreeHGlobal(native));
        _blob.MakeImmutable();
        _face = new HarfBuzzSharp.Face(_blob, 0);
        _face.MakeImmutable();
        _font = new HarfBuzzSharp.Font(_face);
        _font.SetScale(Scale, Scale);
    }

    public byte[] File { get; }
    public SKTypeface Typeface { get; }

    /// <summary>A font file with only the glyphs for <paramref name="codepoints"/>; the face is preprocessed for
    /// subsetting on first use and kept, so each document pays only for its own cut.</summary>
    public byte[] Subset(IEnumerable<int> codepoints) => _subsetter.Value.Subset(codepoints);

    /// <summary>Shapes left-to-right text; safe from several threads at once (each call has its own buffer).</summary>
    public ShapedText Shape(string text)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf8(utf8);
        buffer.GuessSegmentProperties();
        _font.Shape(buffer, Features);

        var infos = buffer.GetGlyphInfoSpan();
        var positions = buffer.GetGlyphPositionSpan();
        var glyphs = new ushort[infos.Length];
        var points = new SKPoint[infos.Length];
        var clusters = new uint[infos.Length];
        var pen = 0f;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            clusters[i] = infos[i].Cluster;
            // HarfBuzz's y axis points up, Skia's down.
            points[i] = new SKPoint(pen + (float)positions[i].XOffset / Scale, -(float)positions[i].YOffset / Scale);
            pen += (float)positions[i].XAdvance / Scale;
        }
        return new ShapedText(glyphs, points, clusters, utf8, pen);
    }

    public void Dispose()
    {
        if (_subsetter.IsValueCreated) _subsetter.Value.Dispose();
        _font.Dispose();
        _face.Dispose();
        _blob.Dispose();
        Typeface.Dispose();
    }
}

/// <summary>The regular and bold faces of the document font, read from <see cref="PdfOptions.FontDirectory"/>.</summary>
internal sealed class PdfFonts : IDisposable
{
    public const string RegularFile = "DejaVuSans.ttf";
    public const string BoldFile = "DejaVuSans-Bold.ttf";

    private PdfFonts(PdfFontFace regular, PdfFontFace bold)
    {
        Regular = regular;
        Bold = bold;
    }

    public PdfFontFace Regular { get; }
    public PdfFontFace Bold { get; }

    public PdfFontFace Face(bool bold) => bold ? Bold : Regular;

    public static PdfFonts Load(string directory) =>
        new(new PdfFontFace(Read(directory, RegularFile)), new PdfFontFace(Read(directory, BoldFile)));

    private static byte[] Read(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (!System.IO.File.Exists(path))
            throw new InvalidOperationException(
                $"The PDF font {path} is missing. Install the Debian package fonts-dejavu-core, " +
                $"or set {PdfOptions.Section}:{nameof(PdfOptions.FontDirectory)} to a folder holding {RegularFile} and {BoldFile}.");
        return System.IO.File.ReadAllBytes(path);
    }

    public void Dispose()
    {
        Regular.Dispose();
        Bold.Dispose();
    }
}
