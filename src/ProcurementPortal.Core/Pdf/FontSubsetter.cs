using System.Runtime.InteropServices;

namespace ProcurementPortal.Core.Pdf;

/// <summary>
/// Cuts a TrueType font down to the characters a document uses, with HarfBuzz's subsetter (hb-subset) from the
/// libHarfBuzzSharp that HarfBuzzSharp.NativeAssets ships. Skia embeds whatever font it is given whole, so a letter
/// drawn with the full DejaVu fonts carries ~700 KiB of each; drawn with the subset it carries a few KiB.
/// HarfBuzzSharp's managed API has no subsetting, hence the P/Invoke.
/// </summary>
internal sealed class FontSubsetter : IDisposable
{
    private const string HarfBuzz = "libHarfBuzzSharp";

    // hb_subset_flags_t: PDF viewers rasterise outlines themselves, so TrueType hinting programs are dead weight.
    private const uint NoHinting = 0x1;

    private readonly GCHandle _pinned;
    private readonly IntPtr _source;

    /// <summary>
    /// Reads <paramref name="font"/> once for every later subset: hb_subset_preprocess parses the font's tables and
    /// builds the lookups the subsetter needs (done per call, they cost more than the subsetting itself). The
    /// preprocessed face is immutable, so subsets may be cut from it on several threads at once.
    /// </summary>
    public FontSubsetter(byte[] font)
    {
        _pinned = GCHandle.Alloc(font, GCHandleType.Pinned);
        IntPtr blob = 0, face = 0;
        try
        {
            // READONLY: HarfBuzz reads the pinned array in place and never writes to it.
            blob = hb_blob_create(_pinned.AddrOfPinnedObject(), (uint)font.Length, MemoryModeReadOnly, 0, 0);
            face = hb_face_create(blob, 0);
            _source = hb_subset_preprocess(face);
            if (_source == 0)
                throw new InvalidOperationException("HarfBuzz could not preprocess the font for subsetting.");
        }
        catch
        {
            _pinned.Free();
            throw;
        }
        finally
        {
            if (face != 0) hb_face_destroy(face);
            if (blob != 0) hb_blob_destroy(blob);
        }
    }

    /// <summary>Returns a font file holding only the glyphs for <paramref name="codepoints"/> (and what the layout
    /// tables reach from them, e.g. kerning), or throws if HarfBuzz cannot subset the font.</summary>
    public byte[] Subset(IEnumerable<int> codepoints)
    {
        IntPtr input = 0, subset = 0, subsetBlob = 0;
        try
        {
            input = hb_subset_input_create_or_fail();
            if (input == 0)
                throw new InvalidOperationException("HarfBuzz could not allocate a subset input.");
            hb_subset_input_set_flags(input, NoHinting);
            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var codepoint in codepoints)
                hb_set_add(unicodes, (uint)codepoint);

            subset = hb_subset_or_fail(_source, input);
            if (subset == 0)
                throw new InvalidOperationException("HarfBuzz could not subset the font (hb_subset_or_fail returned null).");
            subsetBlob = hb_face_reference_blob(subset);
            var data = hb_blob_get_data(subsetBlob, out var length);
            if (data == 0 || length == 0)
                throw new InvalidOperationException("HarfBuzz produced an empty font subset.");
            var bytes = new byte[length];
            Marshal.Copy(data, bytes, 0, (int)length);
            return bytes;
        }
        finally
        {
            if (subsetBlob != 0) hb_blob_destroy(subsetBlob);
            if (subset != 0) hb_face_destroy(subset);
            if (input != 0) hb_subset_input_destroy(input);
        }
    }

    public void Dispose()
    {
        hb_face_destroy(_source);
        _pinned.Free();
    }

    private const int MemoryModeReadOnly = 1; // HB_MEMORY_MODE_READONLY

    [DllImport(HarfBuzz)] private static extern IntPtr hb_blob_create(IntPtr data, uint length, int mode, IntPtr userData, IntPtr destroy);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);
    [DllImport(HarfBuzz)] private static extern void hb_blob_destroy(IntPtr blob);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_face_create(IntPtr blob, uint index);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_face_reference_blob(IntPtr face);
    [DllImport(HarfBuzz)] private static extern void hb_face_destroy(IntPtr face);
    [DllImport(HarfBuzz)] private static extern void hb_set_add(IntPtr set, uint codepoint);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_subset_input_create_or_fail();
    [DllImport(HarfBuzz)] private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);
    [DllImport(HarfBuzz)] private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);
    [DllImport(HarfBuzz)] private static extern void hb_subset_input_destroy(IntPtr input);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_subset_or_fail(IntPtr source, IntPtr input);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_subset_preprocess(IntPtr source);
}
