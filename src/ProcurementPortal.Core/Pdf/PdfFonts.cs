using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace ProcurementPortal.Core.Pdf;

public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>Where DejaVuSans.ttf and DejaVuSans-Bold.ttf live (Debian package fonts-dejavu-core).</summary>
    public string FontDirectory { get; set; } = "/usr/share/fonts/truetype/dejavu";

    /// <summary>Embed only the glyphs a document uses (see <see cref="FontSubsetter"/>); off only to measure the gain.</summary>
    public bool SubsetFonts { get; set; } = true;
}

/// <summary>One face of the document font: its file, a typeface for Skia and a shaper that measures with it.</summary>
internal sealed class PdfFontFace : IDisposable
{
    public PdfFontFace(byte[] file)
    {
        File = file;
        using var data = SKData.CreateCopy(file);
        Typeface = SKTypeface.FromData(data)
            ?? throw new InvalidOperationException("Skia could not read the font file (not a TrueType/OpenType font).");
        Shaper = new SKShaper(Typeface);
    }

    public byte[] File { get; }
    public SKTypeface Typeface { get; }

    /// <summary>HarfBuzz shaping of text in this face; HarfBuzz fonts may be shared across threads for shaping.</summary>
    public SKShaper Shaper { get; }

    public void Dispose()
    {
        Shaper.Dispose();
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
