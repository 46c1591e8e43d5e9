using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProcurementPortal.IntegrationTests.Support;
using UglyToad.PdfPig;

namespace ProcurementPortal.IntegrationTests.Evaluation;

/// <summary>Issue 6.8: the report's charts per lot, as SVG in the results page and as vector drawing in the PDF.</summary>
[Collection(PortalCollection.Name)]
public sealed class EvaluationChartsTests(PortalFixture fixture)
{
    [Fact]
    public async Task The_report_charts_each_lots_scores_and_price_against_quality_as_svg_in_the_page_and_vectors_in_the_pdf()
    {
        var closed = await fixture.ClosedTenderAsync(("Ribble Care", 0.95m), ("Pendle Support", 0.9m), ("Fylde Homes", 0.5m));
        await closed.OpenAsync();
        var first = await fixture.PanelistAsync(closed);
        var moderator = await fixture.PanelistAsync(closed);
        await closed.AppointAsync(moderator, first);
        await closed.DeclareAsync(first);
        await closed.DeclareAsync(moderator);
        await closed.PassGatesAsync(await fixture.BidIdsAsync(closed), failing: "Fylde Homes", reason: "CQC registration has lapsed");
        Assert.Equal(HttpStatusCode.OK, (await closed.Tender.Officer.PostAsync($"{closed.Api}/evaluation/prices", null)).StatusCode);
        await closed.ScoreAllAndSubmitAsync(first, name => name == "Ribble Care" ? 4 : 2);
        await closed.ModerateAllAsync(moderator, name => name == "Ribble Care" ? 4 : 2);
        var results = await closed.Tender.Officer.GetFromJsonAsync<JsonElement>($"{closed.Api}/evaluation/results");

        var pages = await fixture.PageClientAsync(moderator.User.Email!);
        var html = await pages.GetStringAsync($"{closed.Pages}/evaluation/results");
        // The bids are for lots 1 and 2; lot 3, without bids, has no charts.
        Assert.DoesNotContain("id=\"lot-3-scores\"", html);
        foreach (var lot in results.GetProperty("lots").EnumerateArray().Where(l => l.GetProperty("ranking").GetArrayLength() > 0))
        {
            var number = lot.GetProperty("number").GetInt32();
            var bids = lot.GetProperty("ranking").GetArrayLength();
            Assert.Equal(3, bids);
            foreach (var (chart, mark) in new[] { ($"lot-{number}-scores", "rect"), ($"lot-{number}-price-quality", "circle") })
            {
                var svg = Regex.Match(html, $"<svg[^>]* id=\"{chart}\".*?</svg>", RegexOptions.Singleline).Value;
                Assert.Contains("role=\"img\"", svg);
                Assert.Contains($"aria-describedby=\"{chart}-desc lot-{number}\"", svg);
                Assert.Contains($"<title id=\"{chart}-title\">", svg);
                Assert.DoesNotContain("style=", svg);
                Assert.Equal(bids, Regex.Matches(svg, $"<{mark} [^>]*data-mark=").Count);
                Assert.Contains(">Ribble Care<", svg);
            }
            Assert.Contains($"id=\"lot-{number}\"", html);
        }

        using var pdf = PdfDocument.Open(await closed.Tender.Officer.GetByteArrayAsync($"{closed.Api}/evaluation/report.pdf"));
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        foreach (var label in new[] { "Total scores, lot 1", "Price against quality, lot 2", "Total score (quality and price)", "Quality score", "Evaluated price", "Pendle", "Fylde" })
        {
            Assert.Contains(label, text);
        }
        Assert.All(pdf.GetPages(), p => Assert.Empty(p.GetImages()));
        // Each lot's charts: a filled path per bar, a curved path per dot, lines for the axes.
        Assert.True(pdf.GetPages().Sum(p => p.Paths.Count(path => path.Any(s => s.Commands.OfType<UglyToad.PdfPig.Core.PdfSubpath.BezierCurve>().Any()))) >= 2 * 3);
    }
}
