using ProcurementPortal.Core.Demo;
using ProcurementPortal.Core.Domain.DecisionReports;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Pdf;
using ProcurementPortal.Core.Reports;
using ProcurementPortal.UnitTests.Pdf;
using UglyToad.PdfPig;

namespace ProcurementPortal.UnitTests.DecisionReports;

public sealed class DecisionReportDocumentTests : IDisposable
{
    private readonly PdfRenderer _renderer = SampleDocuments.Renderer();

    public void Dispose() => _renderer.Dispose();

    internal static DecisionReport LeedsReport()
    {
        var report = LeedsCbmhs.Report(LeedsProcurement(), DateTime.UtcNow);
        report.SeriesId = report.Id;
        report.AuthorName = "Aisha Rahman";
        return report;
    }

    internal static Procurement LeedsProcurement()
    {
        var procurement = LeedsCbmhs.Procurement();
        procurement.Reference = "LEE-2027-0001";
        return procurement;
    }

    [Fact]
    public void The_pdf_reads_back_with_every_section_heading_the_options_table_and_the_equality_table()
    {
        var report = LeedsReport();
        var facts = DecisionReportFacts.ForProcurement(LeedsProcurement(), [], [], report.BudgetReductionPercent, report.DecisionDate, 500_000m);
        var model = DecisionReportDocument.Build(report, facts, DecisionReportTemplate.Default(), new Letterhead("Leeds City Council", "Civic Hall, Leeds, LS1 1UR", null));

        using var pdf = PdfDocument.Open(_renderer.Render(model));
        // Wrapped lines read back without the space they broke at: compare the text without any white space.
        var text = Squashed(string.Concat(pdf.GetPages().Select(p => p.Text)));

        Assert.StartsWith(Squashed("Leeds City Council"), text);
        foreach (var section in ReportSections.Defaults.Where(s => !s.WaiverOnly))
        {
            Assert.Contains(Squashed(section.Heading), text);
        }
        foreach (var header in new[] { "Option", "Benefits", "Risks", "Cost", "Preferred" })
        {
            Assert.Contains(Squashed(header), text);
        }
        Assert.Contains(Squashed("Undertake a procurement exercise for a single service"), text);
        Assert.Contains(Squashed("Destabilising the"), text);
        Assert.Contains(Squashed("£1,201,227"), text);
        Assert.Contains(Squashed("£133,470"), text);
        foreach (var characteristic in ProtectedCharacteristics.All)
        {
            Assert.Contains(Squashed(characteristic), text);
        }
        Assert.Contains(Squashed("Positive"), text);
        Assert.Contains(Squashed("Neutral"), text);
        Assert.Contains(Squashed($"Page 1 of {pdf.NumberOfPages}"), text);
    }

    internal static string Squashed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public void The_tenant_template_sets_the_order_and_the_standing_text_of_the_sections()
    {
        var template = new DecisionReportTemplate
        {
            Sections =
            [
                new() { Key = ReportSections.Recommendations, Boilerplate = "Members are asked to agree:" },
                new() { Key = ReportSections.Summary, Boilerplate = "" },
            ],
        };
        var report = LeedsReport();
        var model = DecisionReportDocument.Build(report, DecisionReportFacts.ForProcurement(LeedsProcurement(), [], [], null, null, 500_000m),
            template, new Letterhead("Leeds City Council", null, null));

        var headings = model.Blocks.OfType<PdfHeading>().Where(h => h.Level == 2).Select(h => h.Text).ToList();
        Assert.Equal(["Recommendations", "Summary of main issues"], headings);
        Assert.Contains(model.Blocks.OfType<PdfParagraph>(), p => p.Runs[0].Text == "Members are asked to agree:");
    }
}
