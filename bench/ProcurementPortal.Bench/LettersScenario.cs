using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ProcurementPortal.Core.Pdf;

namespace ProcurementPortal.Bench;

/// <summary>
/// Unsuccessful-bidder letters (letterhead, address, paragraphs, score table, signature) rendered by the portal's
/// PDF engine on one thread: letters per second of CPU time (per core, so that the figure does not depend on how
/// many other processes share the machine) and bytes per letter. Reference: an empty one-page PDF per CPU second.
/// </summary>
public sealed class LettersScenario : IBenchScenario
{
    public string Name => "letters";

    public static PdfDocumentModel Letter(int i) => new()
    {
        Title = $"Outcome of your tender LCC-2026-0007 (letter {i})",
        Author = "Lancashire County Council",
        RunningFooter = "LCC-2026-0007 · Mental Health Care and Support Framework",
        Blocks =
        [
            new PdfParagraph($"Aire Valley Recovery Trust\n{i} Keighley Road\nSkipton\nBD23 2{i % 10}QR"),
            new PdfSpacer(12),
            new PdfHeading("Mental Health Care and Support Framework — Lot 1 East"),
            new PdfParagraph("Thank you for your tender. We are sorry to tell you that it was not successful on this lot. "
                + "The table below sets your scores beside those of the lowest-ranked successful tenderer. The standstill "
                + "period runs for ten working days from the date of this letter, during which no contract will be signed."),
            new PdfTable(
                [new("Criterion", 0.5f), new("Your score", 0.25f, PdfAlign.Right), new("Winner’s score", 0.25f, PdfAlign.Right)],
                [
                    ["Quality of care and support (30%)", "18.00", "24.00"],
                    ["Workforce and training (15%)", "9.00", "12.00"],
                    ["Social value (15%)", "9.00", "9.00"],
                    ["Price (40%)", "38.21", "40.00"],
                    ["Total", "74.21", "85.00"],
                ]),
            new PdfParagraph("If you would like a debrief, reply within five working days. Evaluated price: £1,632,904.00."),
            new PdfSignature("Jane Procter", "Head of Procurement", "26 November 2026"),
        ],
    };

    public Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, CancellationToken ct)
    {
        var renderer = context.Services.GetRequiredService<PdfRenderer>();
        var empty = new PdfDocumentModel { Title = "Empty", Blocks = [new PdfSpacer(1)] };
        renderer.Render(Letter(0));
        renderer.Render(empty);

        var bytes = 0L;
        const int letters = 400;
        var cpu = CpuSeconds();
        for (var i = 0; i < letters; i++)
        {
            bytes += renderer.Render(Letter(i)).Length;
        }
        var perSecond = letters / (CpuSeconds() - cpu);

        cpu = CpuSeconds();
        for (var i = 0; i < letters; i++)
        {
            renderer.Render(empty);
        }
        var emptyPerSecond = letters / (CpuSeconds() - cpu);
        var bytesPerLetter = (double)bytes / letters;

        return Task.FromResult<IReadOnlyList<BenchResult>>(
        [
            new BenchResult("letters: one-page PDF letters per CPU second (one core)", perSecond, "/s",
                "empty one-page PDF per CPU second", emptyPerSecond, HigherIsBetter: true, Target: "≥ 100/s", TargetMet: perSecond >= 100),
            new BenchResult("letters: bytes per letter", bytesPerLetter, "B",
                "empty one-page PDF, bytes", renderer.Render(empty).Length, HigherIsBetter: false, Target: "< 100 KB", TargetMet: bytesPerLetter < 100_000),
        ]);
    }

    /// <summary>CPU time of the whole process (rendering runs on this thread; GC threads count against it too).</summary>
    private static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
}
