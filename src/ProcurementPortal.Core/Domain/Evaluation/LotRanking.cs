namespace ProcurementPortal.Core.Domain.Evaluation;

/// <summary>How two bids with the same total score are ordered; declared in the tender.</summary>
public enum TieBreakRule
{
    /// <summary>The higher quality score ranks first (then the lower price).</summary>
    HigherQuality = 1,
    /// <summary>The lower evaluated price ranks first (then the higher quality score).</summary>
    LowerPrice,
}

/// <summary>A bid for one lot as the ranking sees it: its scores so far and why it may be out.</summary>
public sealed record RankingEntry(
    Guid BidId,
    string BidderName,
    decimal QualityScore,
    decimal EvaluatedPrice,
    bool PassedGates = true,
    bool MeetsMinimumScores = true);

public sealed record RankedBid(
    Guid BidId,
    string BidderName,
    decimal QualityScore,
    decimal PriceScore,
    decimal TotalScore,
    decimal EvaluatedPrice,
    int? Rank,
    bool Recommended,
    string? ExclusionReason);

/// <summary>
/// Ranks the bids of one lot: bids failing a gate or a minimum score are excluded (with the reason), price scores are
/// computed among the remaining bids only, and the rest are ordered by total, then the tie-break rule, then the
/// bidder's name and id, so that the order never depends on the order the bids were given in. Bids equal on total,
/// quality and price share a rank. The first bids up to the lot's maximum number of providers are recommended; a tie
/// across that line recommends every tied bid, which the moderators must then resolve.
/// </summary>
public static class LotRanking
{
    public static IReadOnlyList<RankedBid> Rank(
        IEnumerable<RankingEntry> entries, string priceFormula, decimal priceWeight, TieBreakRule tieBreak, int? maxProviders)
    {
        var all = entries.ToList();
        var eligible = all.Where(e => e.PassedGates && e.MeetsMinimumScores && e.EvaluatedPrice > 0).ToList();
        var lowest = eligible.Count == 0 ? 0m : eligible.Min(e => e.EvaluatedPrice);

        var scored = eligible
            .Select(e =>
            {
                var price = Scoring.PriceScore(priceFormula, priceWeight, e.EvaluatedPrice, lowest);
                return (Entry: e, Price: price, Total: e.QualityScore + price);
            })
            .OrderByDescending(s => s.Total)
            .ThenBy(s => tieBreak == TieBreakRule.HigherQuality ? -s.Entry.QualityScore : s.Entry.EvaluatedPrice)
            .ThenBy(s => tieBreak == TieBreakRule.HigherQuality ? s.Entry.EvaluatedPrice : -s.Entry.QualityScore)
            .ThenBy(s => s.Entry.BidderName, StringComparer.Ordinal)
            .ThenBy(s => s.Entry.BidId)
            .ToList();

        var ranked = new List<RankedBid>(all.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            var (entry, price, total) = scored[i];
            var sharesRankWithPrevious = i > 0 && scored[i - 1].Total == total
                && scored[i - 1].Entry.QualityScore == entry.QualityScore
                && scored[i - 1].Entry.EvaluatedPrice == entry.EvaluatedPrice;
            var rank = sharesRankWithPrevious ? ranked[i - 1].Rank!.Value : i + 1;
            var recommended = maxProviders is not { } max || rank <= max;
            ranked.Add(new RankedBid(entry.BidId, entry.BidderName, entry.QualityScore, price, total,
                entry.EvaluatedPrice, rank, recommended, null));
        }

        ranked.AddRange(all.Except(eligible)
            .OrderBy(e => e.BidderName, StringComparer.Ordinal).ThenBy(e => e.BidId)
            .Select(e => new RankedBid(e.BidId, e.BidderName, e.QualityScore, 0m, 0m, e.EvaluatedPrice, null, false,
                !e.PassedGates ? "Failed a pass/fail question"
                : !e.MeetsMinimumScores ? "Scored below the minimum acceptable score on a question"
                : "No evaluated price")));
        return ranked;
    }
}
