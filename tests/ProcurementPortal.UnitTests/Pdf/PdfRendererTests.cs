using ProcurementPortal.Core.Pdf;
using SkiaSharp;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace ProcurementPortal.UnitTests.Pdf;

public sealed class PdfRendererTests : IDisposable
{
    private readonly PdfRenderer _renderer = SampleDocuments.Renderer();

    public void Dispose() => _renderer.Dispose();

    private static string Text(PdfDocument pdf) => string.Join("\n", pdf.GetPages().Select(p => p.Text));

    [Fact]
    public void Letter_text_comes_out_in_order_with_pound_signs_dashes_apostrophes_and_welsh_letters()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(SampleDocuments.UnsuccessfulLetter()));

        var text = Text(pdf);
        string[] inOrder =
        [
            "Pen-y-ŵyl County Council", "Tŷ’r Cyngor", "Bryn Care Ltd", "Ffordd yr Ŷd", "14 March 2026",
            "Supported Living Framework –", "Lot 2 (North)", "£1,234.56", "winning", "bid’s was £1,198.20",
            "Winner’s", "Q3 Workforce", "Standstill ends", "Yours faithfully", "Siân Ŵyn Roberts", "Head of Commissioning",
        ];
        var at = 0;
        foreach (var expected in inOrder)
        {
            var found = text.IndexOf(expected, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{expected}' should follow position {at} in:\n{text}");
            at = found + expected.Length;
        }
        Assert.Equal(1, pdf.NumberOfPages);
    }

    [Fact]
    public void Document_metadata_carries_title_author_and_subject()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(SampleDocuments.UnsuccessfulLetter()));

        Assert.Equal("Outcome of your bid: Supported Living Framework", pdf.Information.Title);
        Assert.Equal("Pen-y-ŵyl County Council", pdf.Information.Author);
        Assert.Equal("Assessment summary", pdf.Information.Subject);
    }

    [Fact]
    public void Table_of_120_rows_runs_over_pages_with_the_header_on_each_and_no_row_split_or_lost()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(SampleDocuments.LongTable(120)));

        Assert.True(pdf.NumberOfPages > 1, $"expected several pages, got {pdf.NumberOfPages}");
        var rowsSeen = new List<int>();
        foreach (var page in pdf.GetPages())
        {
            var words = page.GetWords().ToList();
            Assert.Contains(words, w => w.Text == "Evaluated");
            var header = words.First(w => w.Text == "Evaluated" && words.Any(p => p.Text == "price" && Math.Abs(p.BoundingBox.Bottom - w.BoundingBox.Bottom) < 1));
            // Below the header (PDF y grows upwards), each "Lot NNN" sits on the same line as its price.
            foreach (var lot in words.Where(w => w.Text.Length == 3 && int.TryParse(w.Text, out _) && w.BoundingBox.Top < header.BoundingBox.Bottom))
            {
                var number = int.Parse(lot.Text);
                rowsSeen.Add(number);
                Assert.Contains(words, w => w.Text.StartsWith($"£{1000 + number},") && Math.Abs(w.BoundingBox.Bottom - lot.BoundingBox.Bottom) < 1);
            }
        }
        Assert.Equal(Enumerable.Range(1, 120), rowsSeen);
    }

    [Fact]
    public void Rows_of_several_lines_are_never_split_across_pages()
    {
        var model = new PdfDocumentModel
        {
            Title = "Tall rows",
            Blocks =
            [
                new PdfTable(
                    [new PdfTableColumn("Risk", 0.7f), new PdfTableColumn("Rating", 0.3f)],
                    Enumerable.Range(1, 60).Select(i => (IReadOnlyList<string>)[$"R{i:00}a\nR{i:00}b\nR{i:00}c", "Medium"]).ToList()),
            ],
        };

        using var pdf = PdfDocument.Open(_renderer.Render(model));

        Assert.True(pdf.NumberOfPages > 1);
        var pageOf = pdf.GetPages().SelectMany(p => p.GetWords().Select(w => (w.Text, p.Number))).ToLookup(w => w.Text, w => w.Number);
        for (var i = 1; i <= 60; i++)
        {
            var page = Assert.Single(pageOf[$"R{i:00}a"]);
            Assert.Equal(page, Assert.Single(pageOf[$"R{i:00}b"]));
            Assert.Equal(page, Assert.Single(pageOf[$"R{i:00}c"]));
        }
        Assert.Equal(pdf.NumberOfPages, pageOf["Rating"].Count());
    }

    [Fact]
    public void Heading_that_would_end_a_page_moves_to_the_next_with_its_text()
    {
        var model = new PdfDocumentModel
        {
            Title = "Keep with next",
            Blocks = [new PdfParagraph("Opening"), new PdfSpacer(680), new PdfHeading("Options appraisal"), new PdfParagraph("Option 1: extend for one year.")],
        };

        using var pdf = PdfDocument.Open(_renderer.Render(model));

        Assert.Equal(2, pdf.NumberOfPages);
        Assert.DoesNotContain("Options appraisal", pdf.GetPage(1).Text);
        Assert.StartsWith("Options appraisalOption 1", pdf.GetPage(2).Text);
    }

    [Fact]
    public void Letter_pairs_that_fonts_often_join_are_read_back_as_letters()
    {
        var model = new PdfDocumentModel { Title = "Ligatures", Blocks = [new PdfParagraph("The financial office fluffed the figures.")] };

        using var pdf = PdfDocument.Open(_renderer.Render(model));

        Assert.Contains("The financial office fluffed the figures.", pdf.GetPage(1).Text);
    }

    [Fact]
    public void Documents_rendered_at_once_on_many_threads_all_come_out_whole_and_alike()
    {
        var letter = SampleDocuments.UnsuccessfulLetter();
        var expected = _renderer.Render(letter);

        var results = new byte[8][];
        Parallel.For(0, results.Length, i => results[i] = _renderer.Render(letter));

        Assert.All(results, bytes => Assert.Equal(expected, bytes));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Renderer_keeps_drawing_the_same_text_after_the_garbage_collector_moves_memory(bool subset)
    {
        using var renderer = SampleDocuments.Renderer(subset);
        var letter = SampleDocuments.UnsuccessfulLetter();
        using var first = PdfDocument.Open(renderer.Render(letter));
        var expected = Text(first);

        for (var i = 0; i < 4; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            using var again = PdfDocument.Open(renderer.Render(letter));
            Assert.Equal(expected, Text(again));
        }
        Assert.DoesNotContain('\0', expected);
    }

    [Fact]
    public void Every_page_shows_page_n_of_m_and_the_running_footer()
    {
        var model = new PdfDocumentModel
        {
            Title = "Three pages",
            RunningFooter = "Ref WVR-2026-007",
            Blocks = [new PdfParagraph("One"), new PdfPageBreak(), new PdfParagraph("Two"), new PdfPageBreak(), new PdfParagraph("Three")],
        };

        using var pdf = PdfDocument.Open(_renderer.Render(model));

        Assert.Equal(3, pdf.NumberOfPages);
        foreach (var page in pdf.GetPages())
        {
            Assert.Contains($"Page {page.Number} of 3", page.Text);
            Assert.Contains("Ref WVR-2026-007", page.Text);
        }
    }

    [Fact]
    public void Right_aligned_column_ends_its_figures_at_the_column_edge()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(SampleDocuments.LongTable(3)));
        var page = pdf.GetPage(1);

        // Prices of different widths share a right edge: the text width less the cell padding.
        var textRight = PdfPageSize.A4.Width - PdfMargins.Standard.Right;
        var prices = page.GetWords().Where(w => w.Text.StartsWith('£')).ToList();
        Assert.Equal(3, prices.Count);
        Assert.All(prices, p => Assert.InRange(p.BoundingBox.Right, textRight - 6, textRight - 2));
        // The header's "price" is the lowest of the page's (the paragraph above the table has one too).
        var headerPrice = page.GetWords().Where(w => w.Text == "price").MinBy(w => w.BoundingBox.Bottom)!;
        Assert.InRange(headerPrice.BoundingBox.Right, textRight - 6, textRight - 2);
    }

    [Fact]
    public void Long_paragraph_wraps_inside_the_margins_and_keeps_every_word()
    {
        var words = Enumerable.Range(1, 300).Select(i => $"word{i}").ToList();
        var hash = new string('a', 40) + new string('b', 40) + new string('c', 40);
        var model = new PdfDocumentModel { Title = "Wrap", Blocks = [new PdfParagraph(string.Join(" ", words) + " " + hash)] };

        using var pdf = PdfDocument.Open(_renderer.Render(model));
        var page = pdf.GetPage(1);

        var left = PdfMargins.Standard.Left;
        var right = PdfPageSize.A4.Width - PdfMargins.Standard.Right;
        var body = page.Letters.Where(l => l.PointSize > 10).ToList();
        Assert.All(body, l => Assert.InRange(l.BoundingBox.Left, left - 0.5, right + 0.5));
        Assert.All(body, l => Assert.InRange(l.BoundingBox.Right, left - 0.5, right + 0.5));
        var lines = body.Select(l => Math.Round(l.StartBaseLine.Y)).Distinct().Count();
        Assert.True(lines > 10, $"expected many lines, got {lines}");
        Assert.Equal(string.Join("", words) + hash, string.Concat(body.Select(l => l.Value)).Replace(" ", ""));
    }

    [Fact]
    public void Bold_runs_are_drawn_in_the_bold_face()
    {
        var model = new PdfDocumentModel
        {
            Title = "Bold",
            Blocks = [new PdfParagraph([new PdfTextRun("Your bid was "), new PdfTextRun("successful", Bold: true), new PdfTextRun(" for Lot 1.")])],
        };

        using var pdf = PdfDocument.Open(_renderer.Render(model));
        var words = pdf.GetPage(1).GetWords().ToList();

        Assert.All(words.Single(w => w.Text == "successful").Letters, l => Assert.Contains("Bold", l.FontName));
        Assert.All(words.Single(w => w.Text == "bid").Letters, l => Assert.DoesNotContain("Bold", l.FontName));
    }

    [Fact]
    public void Png_logo_and_jpeg_image_blocks_are_drawn_at_their_width()
    {
        var model = new PdfDocumentModel
        {
            Title = "Images",
            Blocks =
            [
                new PdfImage(SampleDocuments.EncodedImage(SKEncodedImageFormat.Png), MaxWidth: 120, PdfAlign.Right),
                new PdfImage(SampleDocuments.EncodedImage(SKEncodedImageFormat.Jpeg), MaxWidth: 2000),
            ],
        };

        using var pdf = PdfDocument.Open(_renderer.Render(model));
        var images = pdf.GetPage(1).GetImages().OrderBy(i => i.BoundingBox.Width).ToList();

        Assert.Equal(2, images.Count);
        Assert.Equal(120, images[0].BoundingBox.Width, 1);
        Assert.Equal(40, images[0].BoundingBox.Height, 1);
        Assert.Equal(PdfPageSize.A4.Width - PdfMargins.Standard.Right, images[0].BoundingBox.Right, 1);
        // Never wider than the text.
        Assert.Equal(PdfPageSize.A4.Width - PdfMargins.Standard.Left - PdfMargins.Standard.Right, images[1].BoundingBox.Width, 1);
    }

    [Fact]
    public void Image_block_that_is_not_an_image_is_refused()
    {
        var model = new PdfDocumentModel { Title = "Broken", Blocks = [new PdfImage([1, 2, 3, 4], 100)] };

        var error = Assert.Throws<ArgumentException>(() => _renderer.Render(model));
        Assert.Contains("not a PNG or JPEG", error.Message);
    }

    [Fact]
    public void Fonts_are_embedded_as_subsets_of_a_few_kilobytes()
    {
        var bytes = _renderer.Render(SampleDocuments.UnsuccessfulLetter());
        using var pdf = PdfDocument.Open(bytes);

        var fontNames = pdf.GetPage(1).Letters.Select(l => l.FontName ?? "").Distinct().ToList();
        Assert.Contains(fontNames, n => n.Contains("DejaVuSans") && !n.Contains("Bold"));
        Assert.Contains(fontNames, n => n.Contains("DejaVuSans-Bold"));

        var programs = EmbeddedFontPrograms(pdf);
        Assert.Equal(2, programs.Count);
        // Whole, DejaVu Sans is 757 KiB and its bold 705 KiB; cut to this letter's characters each is under 20 KiB.
        Assert.All(programs, length => Assert.InRange(length, 1, 20 * 1024));
        Assert.True(bytes.Length < 60 * 1024, $"a one-page letter should be under 60 KiB, was {bytes.Length / 1024} KiB");
    }

    [Fact]
    public void Without_subsetting_the_whole_fonts_are_embedded()
    {
        using var whole = SampleDocuments.Renderer(subset: false);
        using var pdf = PdfDocument.Open(whole.Render(SampleDocuments.UnsuccessfulLetter()));

        Assert.All(EmbeddedFontPrograms(pdf), length => Assert.True(length > 500 * 1024, $"font program of {length} bytes"));
    }

    [Fact]
    public void Missing_fonts_fail_with_a_message_that_says_what_to_install()
    {
        using var renderer = new PdfRenderer(Microsoft.Extensions.Options.Options.Create(new PdfOptions { FontDirectory = "/nowhere/fonts" }));

        var error = Assert.Throws<InvalidOperationException>(() => renderer.Render(SampleDocuments.LongTable(1)));
        Assert.Contains("/nowhere/fonts/DejaVuSans.ttf", error.Message);
        Assert.Contains("fonts-dejavu-core", error.Message);
        Assert.Contains("Pdf:FontDirectory", error.Message);
    }

    /// <summary>The uncompressed length (Length1) of every embedded TrueType program (FontFile2) in the file.</summary>
    private static List<long> EmbeddedFontPrograms(PdfDocument pdf)
    {
        var lengths = new List<long>();
        foreach (var reference in pdf.Structure.CrossReferenceTable.ObjectOffsets.Keys)
        {
            if (pdf.Structure.GetObject(reference).Data is not DictionaryToken descriptor
                || !descriptor.TryGet(NameToken.FontFile2, out IToken? token) || token is not IndirectReferenceToken file) continue;
            var stream = (StreamToken)pdf.Structure.GetObject(file.Data).Data;
            var length1 = stream.StreamDictionary.Data["Length1"];
            lengths.Add(length1 is IndirectReferenceToken r
                ? (long)((NumericToken)pdf.Structure.GetObject(r.Data).Data).Long
                : ((NumericToken)length1).Long);
        }
        return lengths;
    }
}
