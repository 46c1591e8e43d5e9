using System.Globalization;
using ProcurementPortal.Core.Drawing;

namespace ProcurementPortal.Core.Domain.Evaluation;

/// <summary>A bid as the report's charts show it; <see cref="Ranked"/> is false for a bid excluded from the ranking.</summary>
public sealed record ChartBid(string Bidder, decimal QualityScore, decimal TotalScore, decimal EvaluatedPrice, bool Ranked);

/// <summary>
/// The charts of the evaluation report (issue 6.8), per lot: the distribution of total scores (a bar per bid) and the
/// evaluated price against the quality score (a dot per bid). Pure geometry, drawn as SVG in the page and as vector
/// paths in the PDF. Excluded bids are drawn in grey.
/// </summary>
public static class EvaluationCharts
{
    public const float Width = 480f;
    private const float Row = 20f, Bar = 12f, Top = 8f, LabelRight = 165f, PlotLeft = 170f, PlotRight = 430f;
    private const float ScatterLeft = 70f, ScatterRight = 430f, ScatterTop = 26f, ScatterBottom = 250f;
    private const float LabelSize = 10f, TickSize = 9f;
    private const int MaxLabel = 28;

    /// <summary>A horizontal bar per bid, in the order given (the ranking), its length the total score.</summary>
    public static VectorDrawing ScoreDistribution(string lot, IReadOnlyList<ChartBid> bids)
    {
        var shapes = new List<VectorShape>();
        var (_, max, ticks) = Scale(0, bids.Select(b => b.TotalScore).DefaultIfEmpty(0).Max());
        for (var i = 0; i < bids.Count; i++)
        {
            var bid = bids[i];
            var y = Top + i * Row;
            var length = Along(bid.TotalScore, 0, max, PlotRight - PlotLeft);
            shapes.Add(new VectorText(LabelRight, y + Row / 2 + 3.5f, Label(bid.Bidder), LabelSize, VectorTextAnchor.End));
            shapes.Add(new VectorRect(PlotLeft, y + (Row - Bar) / 2, length, Bar, bid.Ranked ? VectorColours.Blue : VectorColours.Grey, bid.Bidder));
            shapes.Add(new VectorText(PlotLeft + length + 4, y + Row / 2 + 3.5f, Score(bid.TotalScore), TickSize));
        }
        var axis = Top + bids.Count * Row + 4;
        shapes.Add(new VectorLine(PlotLeft, Top, PlotLeft, axis, VectorColours.Ink));
        shapes.Add(new VectorLine(PlotLeft, axis, PlotRight, axis, VectorColours.Ink));
        foreach (var tick in ticks)
        {
            var x = PlotLeft + Along(tick, 0, max, PlotRight - PlotLeft);
            shapes.Add(new VectorLine(x, axis, x, axis + 4, VectorColours.Ink));
            shapes.Add(new VectorText(x, axis + 15, Tick(tick), TickSize, VectorTextAnchor.Middle, Fill: VectorColours.Secondary));
        }
        shapes.Add(new VectorText((PlotLeft + PlotRight) / 2, axis + 30, "Total score (quality and price)", LabelSize, VectorTextAnchor.Middle));
        return new VectorDrawing(Width, axis + 38, $"Total scores, {lot}",
            Describe($"Bar chart of the total score of each of the {bids.Count} bid(s)", bids.Select(b => $"{b.Bidder} {Score(b.TotalScore)}")), shapes);
    }

    /// <summary>
    /// A dot per bid: its evaluated price across (the axis spans the prices, not from zero, so that close prices stay
    /// apart), its quality score up (from zero). Labels that would overlap are moved apart.
    /// </summary>
    public static VectorDrawing PriceAgainstQuality(string lot, IReadOnlyList<ChartBid> bids)
    {
        var shapes = new List<VectorShape>();
        var prices = bids.Select(b => b.EvaluatedPrice).DefaultIfEmpty(0).ToList();
        var (minPrice, maxPrice, priceTicks) = Scale(prices.Min(), prices.Max());
        var (_, maxQuality, qualityTicks) = Scale(0, bids.Select(b => b.QualityScore).DefaultIfEmpty(0).Max());
        const float across = ScatterRight - ScatterLeft, up = ScatterBottom - ScatterTop;
        shapes.Add(new VectorLine(ScatterLeft, ScatterTop, ScatterLeft, ScatterBottom, VectorColours.Ink));
        shapes.Add(new VectorLine(ScatterLeft, ScatterBottom, ScatterRight, ScatterBottom, VectorColours.Ink));
        foreach (var tick in priceTicks)
        {
            var x = ScatterLeft + Along(tick, minPrice, maxPrice, across);
            shapes.Add(new VectorLine(x, ScatterBottom, x, ScatterBottom + 4, VectorColours.Ink));
            shapes.Add(new VectorText(x, ScatterBottom + 15, "£" + tick.ToString("#,##0.##", CultureInfo.InvariantCulture), TickSize, VectorTextAnchor.Middle,
                Fill: VectorColours.Secondary));
        }
        foreach (var tick in qualityTicks)
        {
            var y = ScatterBottom - Along(tick, 0, maxQuality, up);
            shapes.Add(new VectorLine(ScatterLeft - 4, y, ScatterLeft, y, VectorColours.Ink));
            shapes.Add(new VectorText(ScatterLeft - 6, y + 3, Tick(tick), TickSize, VectorTextAnchor.End, Fill: VectorColours.Secondary));
        }
        var placed = new List<(float Left, float Right, float Baseline)>();
        foreach (var bid in bids)
        {
            var x = ScatterLeft + Along(bid.EvaluatedPrice, minPrice, maxPrice, across);
            var y = ScatterBottom - Along(bid.QualityScore, 0, maxQuality, up);
            shapes.Add(new VectorCircle(x, y, 4, bid.Ranked ? VectorColours.Blue : VectorColours.Grey, bid.Bidder));
            // Labels of dots on the right half go to their left, so that none runs off the drawing.
            var left = x > (ScatterLeft + ScatterRight) / 2;
            var label = Label(bid.Bidder);
            var width = label.Length * TickSize * 0.55f;
            var (from, to) = left ? (x - 7 - width, x - 7) : (x + 7, x + 7 + width);
            var baseline = Enumerable.Range(0, 2 * bids.Count + 1).Select(i => y + 3 + (i % 2 == 0 ? 1 : -1) * ((i + 1) / 2) * (TickSize + 2))
                .First(b => !placed.Any(p => p.Left < to && from < p.Right && Math.Abs(p.Baseline - b) < TickSize + 1));
            placed.Add((from, to, baseline));
            shapes.Add(new VectorText(left ? to : from, baseline, label, TickSize, left ? VectorTextAnchor.End : VectorTextAnchor.Start));
        }
        shapes.Add(new VectorText(ScatterLeft, ScatterTop - 12, "Quality score", LabelSize));
        shapes.Add(new VectorText((ScatterLeft + ScatterRight) / 2, ScatterBottom + 32, "Evaluated price", LabelSize, VectorTextAnchor.Middle));
        return new VectorDrawing(Width, ScatterBottom + 40, $"Price against quality, {lot}",
            Describe($"Scatter chart of the evaluated price against the quality score of each of the {bids.Count} bid(s)",
                bids.Select(b => $"{b.Bidder} £{b.EvaluatedPrice.ToString("#,##0.00", CultureInfo.InvariantCulture)} and {Score(b.QualityScore)}")), shapes);
    }

    /// <summary>
    /// A scale from a round minimum at or below <paramref name="low"/> to a round maximum at or above
    /// <paramref name="high"/>, with ticks at steps of 1, 2 or 5 times a power of ten (both ends are ticks). A range of
    /// one value (or none) runs from zero.
    /// </summary>
    public static (decimal Min, decimal Max, IReadOnlyList<decimal> Ticks) Scale(decimal low, decimal high)
    {
        if (high <= low) low = Math.Min(0, high);
        if (high <= low) high = low + 1;
        var raw = (double)(high - low) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normal = raw / magnitude;
        var step = (decimal)((normal <= 1 ? 1 : normal <= 2 ? 2 : normal <= 5 ? 5 : 10) * magnitude);
        var min = Math.Floor(low / step) * step;
        var max = Math.Ceiling(high / step) * step;
        var ticks = new List<decimal>();
        for (var tick = min; tick <= max; tick += step) ticks.Add(tick);
        return (min, max, ticks);
    }

    private static float Along(decimal value, decimal min, decimal max, float length) => (float)((Math.Clamp(value, min, max) - min) / (max - min)) * length;

    private static string Label(string bidder) => bidder.Length <= MaxLabel ? bidder : bidder[..(MaxLabel - 3)].TrimEnd() + "...";

    private static string Score(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Tick(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Describe(string what, IEnumerable<string> points) => $"{what}: {string.Join("; ", points)}.";
}
