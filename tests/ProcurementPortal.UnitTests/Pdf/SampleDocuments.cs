using ProcurementPortal.Core.Pdf;
using SkiaSharp;

namespace ProcurementPortal.UnitTests.Pdf;

/// <summary>Documents of the shapes the portal will print, built as data.</summary>
internal static class SampleDocuments
{
    public const string TestFontDirectory = "/usr/share/fonts/truetype/dejavu";

    public static PdfRenderer Renderer(bool subset = true) =>
        new(Microsoft.Extensions.Options.Options.Create(new PdfOptions { FontDirectory = TestFontDirectory, SubsetFonts = subset }));

    /// <summary>A one-page letter to an unsuccessful bidder: letterhead with logo, address, scores, signature.</summary>
    public static PdfDocumentModel UnsuccessfulLetter() => new()
    {
        Title = "Outcome of your bid: Supported Living Framework",
        Author = "Pen-y-ŵyl County Council",
        Subject = "Assessment summary",
        RunningFooter = "Ref LCC-2026-014",
        Blocks =
        [
            new PdfImage(Logo(), MaxWidth: 120, PdfAlign.Right),
            new PdfParagraph("Pen-y-ŵyl County Council\nCommissioning Team\nTŷ’r Cyngor, Stryd Fawr\nPen-y-ŵyl LL55 1AA"),
            new PdfSpacer(12),
            new PdfParagraph("Bryn Care Ltd\nUnit 4, Ffordd yr Ŷd\nCaernarfon LL55 2BB"),
            new PdfParagraph("14 March 2026"),
            new PdfHeading("Outcome of your bid: Supported Living Framework – Lot 2", 2),
            new PdfParagraph([
                new PdfTextRun("Dear Bryn Care Ltd, thank you for your bid. We are sorry to tell you that your bid for "),
                new PdfTextRun("Lot 2 (North)", Bold: true),
                new PdfTextRun(" was not successful. Your evaluated price was £1,234.56 an hour-weighted week; the winning " +
                               "bid’s was £1,198.20. The table below shows your score beside the winner’s for each question, " +
                               "as section 50 of the Procurement Act 2023 asks of an assessment summary."),
            ]),
            new PdfTable(
                [new PdfTableColumn("Question", 0.5f), new PdfTableColumn("Weight", 0.15f, PdfAlign.Right),
                 new PdfTableColumn("Your score", 0.175f, PdfAlign.Right), new PdfTableColumn("Winner’s score", 0.175f, PdfAlign.Right)],
                [
                    ["Q1 Person-centred support", "20%", "3", "4"],
                    ["Q2 Safeguarding", "15%", "4", "4"],
                    ["Q3 Workforce and recruitment in rural Gwynedd", "15%", "2", "3"],
                    ["Price", "50%", "£1,234.56", "£1,198.20"],
                ]),
            new PdfKeyValueList([
                new PdfKeyValue("Standstill ends", "26 March 2026 at 23:59"),
                new PdfKeyValue("Contact", "procurement@pen-y-wyl.gov.uk"),
            ]),
            new PdfParagraph("Yours faithfully,"),
            new PdfSignature("Siân Ŵyn Roberts", "Head of Commissioning", "14 March 2026"),
        ],
    };

    /// <summary>A report with a table of <paramref name="rows"/> lots, to run over several pages.</summary>
    public static PdfDocumentModel LongTable(int rows) => new()
    {
        Title = "Evaluated prices",
        RunningFooter = "Ref LCC-2026-014",
        Blocks =
        [
            new PdfHeading("Evaluated prices by lot"),
            new PdfParagraph("Every lot with its evaluated price (Σ rate × expected volume)."),
            new PdfTable(
                [new PdfTableColumn("Lot", 0.6f), new PdfTableColumn("Evaluated price", 0.4f, PdfAlign.Right)],
                Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)[$"Lot {i:000}", $"£{1000 + i},{i % 1000:000}.{i % 100:00}"]).ToList()),
        ],
    };

    public static byte[] Logo() => EncodedImage(SKEncodedImageFormat.Png);

    public static byte[] EncodedImage(SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(240, 80);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x1d, 0x70, 0xb8));
            using var paint = new SKPaint { Color = SKColors.White };
            canvas.DrawRect(20, 20, 200, 40, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
