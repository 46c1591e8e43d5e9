using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Drawing;
using ProcurementPortal.Core.Pdf;
using ProcurementPortal.UnitTests.Pdf;
using UglyToad.PdfPig;

namespace ProcurementPortal.UnitTests.Evaluation;

public sealed class EvaluationChartsTests
{
    private static readonly ChartBid[] Bids =
    [
        new("Ribble Care", 48m, 78.5m, 1_200_000m, true),
        new("Pendle Support", 30m, 70m, 950_000m, true),
        new("Fylde Homes", 10m, 35m, 1_500_000m, false),
    ];

    [Theory]
    [InlineData(0, 78.5, 0, 80, 20)]
    [InlineData(0, 100, 0, 100, 20)]
    [InlineData(0, 7, 0, 8, 2)]
    [InlineData(0, 1_234_567, 0, 1_500_000, 500_000)]
    [InlineData(0, 0, 0, 1, 0.2)]
    [InlineData(1_102_296, 1_163_604, 1_100_000, 1_180_000, 20_000)]
    [InlineData(950_000, 950_000, 0, 1_000_000, 200_000)]
    public void The_scale_runs_between_round_ends_in_steps_of_one_two_or_five(double low, double high, double min, double max, double step)
    {
        var (bottom, top, ticks) = EvaluationCharts.Scale((decimal)low, (decimal)high);

        Assert.Equal((decimal)min, bottom);
        Assert.Equal((decimal)max, top);
        Assert.Equal((decimal)min, ticks[0]);
        Assert.Equal((decimal)max, ticks[^1]);
        Assert.All(ticks.Zip(ticks.Skip(1)), pair => Assert.Equal((decimal)step, pair.Second - pair.First));
    }

    [Fact]
    public void The_score_distribution_has_a_bar_per_bid_as_long_as_its_total_and_excluded_bids_in_grey()
    {
        var chart = EvaluationCharts.ScoreDistribution("lot 1: East", Bids);

        var bars = chart.Shapes.OfType<VectorRect>().Where(r => r.Mark is not null).ToList();
        Assert.Equal(["Ribble Care", "Pendle Support", "Fylde Homes"], bars.Select(b => b.Mark));
        // Scale 0 to 80: each bar's length is its share of the axis.
        Assert.Equal(78.5 / 70, bars[0].Width / bars[1].Width, 3);
        Assert.Equal(35 / 80.0, bars[2].Width / (bars[0].Width * 80 / 78.5f), 3);
        Assert.Equal(VectorColours.Grey, bars[2].Fill);
        Assert.Equal(VectorColours.Blue, bars[0].Fill);
        var texts = chart.Shapes.OfType<VectorText>().Select(t => t.Text).ToList();
        Assert.Contains("Ribble Care", texts);
        Assert.Contains("78.50", texts);
        Assert.Contains("80", texts);
        Assert.All(chart.Shapes.OfType<VectorText>(), t => Assert.InRange(t.Y, 0, chart.Height));
        Assert.Contains("Ribble Care 78.50", chart.Description);
    }

    [Fact]
    public void The_scatter_puts_the_cheapest_bid_furthest_left_and_the_best_quality_highest()
    {
        var chart = EvaluationCharts.PriceAgainstQuality("lot 1: East", Bids);

        var dots = chart.Shapes.OfType<VectorCircle>().ToDictionary(c => c.Mark!);
        Assert.Equal(3, dots.Count);
        Assert.True(dots["Pendle Support"].CentreX < dots["Ribble Care"].CentreX);
        Assert.True(dots["Ribble Care"].CentreX < dots["Fylde Homes"].CentreX);
        Assert.True(dots["Ribble Care"].CentreY < dots["Pendle Support"].CentreY);
        Assert.All(dots.Values, d => Assert.InRange(d.CentreX, 0, chart.Width));
        Assert.All(dots.Values, d => Assert.InRange(d.CentreY, 0, chart.Height));
        Assert.Contains("£1,600,000", chart.Shapes.OfType<VectorText>().Select(t => t.Text));
    }

    [Fact]
    public void Labels_of_dots_close_together_do_not_overlap()
    {
        var chart = EvaluationCharts.PriceAgainstQuality("lot 1", [new("Pendle Support", 36, 76, 1_469_728, true), new("Ribble Care", 36, 73.89m, 1_469_800, true), new("Fylde Homes", 20, 50, 1_600_000, true)]);

        var labels = chart.Shapes.OfType<VectorText>().Where(t => t.Text is "Pendle Support" or "Ribble Care").ToList();
        Assert.Equal(2, labels.Count);
        Assert.True(Math.Abs(labels[0].Y - labels[1].Y) >= labels[0].Size, $"labels at {labels[0].Y} and {labels[1].Y}");
    }

    [Fact]
    public void A_long_bidder_name_is_shortened_on_the_chart_but_not_in_its_mark()
    {
        var chart = EvaluationCharts.ScoreDistribution("lot 1", [new("Ribble Valley Supported Living Limited Partnership", 40, 60, 1000, true)]);

        Assert.Contains(chart.Shapes.OfType<VectorText>(), t => t.Text == "Ribble Valley Supported L...");
        Assert.Equal("Ribble Valley Supported Living Limited Partnership", chart.Shapes.OfType<VectorRect>().Single(r => r.Mark is not null).Mark);
    }

    [Fact]
    public void A_chart_in_a_pdf_is_vector_paths_with_its_labels_as_text_and_no_image()
    {
        using var renderer = SampleDocuments.Renderer();
        var model = new PdfDocumentModel
        {
            Title = "Charts",
            Blocks = [new PdfHeading("Lot 1"), new PdfDrawing(EvaluationCharts.ScoreDistribution("lot 1", Bids)), new PdfDrawing(EvaluationCharts.PriceAgainstQuality("lot 1", Bids))],
        };

        using var pdf = PdfDocument.Open(renderer.Render(model));

        var page = pdf.GetPage(1);
        var text = string.Join(" ", page.GetWords().Select(w => w.Text));
        foreach (var expected in new[] { "Ribble", "Pendle", "Fylde", "78.50", "Quality", "Evaluated", "£1,600,000" })
        {
            Assert.Contains(expected, text);
        }
        Assert.Empty(page.GetImages());
        // Three bars, three dots, the axes and their ticks.
        Assert.True(page.Paths.Count >= 6 + 4, $"only {page.Paths.Count} paths");
        Assert.Contains(page.Paths, p => p.IsFilled && p.Any(s => s.Commands.OfType<UglyToad.PdfPig.Core.PdfSubpath.BezierCurve>().Any()));
    }
}
