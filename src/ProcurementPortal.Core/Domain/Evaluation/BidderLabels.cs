namespace ProcurementPortal.Core.Domain.Evaluation;

/// <summary>
/// Neutral names for bidders while the tender hides them from evaluators: "Bidder A", "Bidder B" … "Bidder Z",
/// "Bidder AA" …, given in the order of the bids' ids, so a bidder keeps its label on every page.
/// </summary>
public static class BidderLabels
{
    public static IReadOnlyDictionary<Guid, string> For(IEnumerable<Guid> bidIds) =>
        bidIds.Order().Select((id, i) => (id, $"Bidder {Letters(i)}")).ToDictionary(x => x.id, x => x.Item2);

    private static string Letters(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : Letters(index / 26 - 1) + (char)('A' + index % 26);
}
