using System.Diagnostics;

namespace ProcurementPortal.Bench;

/// <summary>
/// One figure and the reference measured beside it in the same run, so that the ratio stays comparable between
/// machines and runs on a noisy machine. <see cref="HigherIsBetter"/> says which way the ratio should move.
/// </summary>
public sealed record BenchResult(
    string Name,
    double Figure,
    string Unit,
    string ReferenceName,
    double Reference,
    bool HigherIsBetter,
    string? Target = null,
    bool? TargetMet = null,
    IReadOnlyDictionary<string, double>? Extra = null)
{
    public double Ratio => Reference == 0 ? double.NaN : Figure / Reference;
}

public interface IBenchScenario
{
    string Name { get; }
    Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, CancellationToken ct);
}

public static class Timing
{
    /// <summary>Runs <paramref name="action"/> <paramref name="runs"/> times after one warm-up; the median in ms.</summary>
    public static async Task<double> MedianMsAsync(int runs, Func<Task> action)
    {
        await action();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
