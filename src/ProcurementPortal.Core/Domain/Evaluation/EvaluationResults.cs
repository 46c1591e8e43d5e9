using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Core.Domain.Evaluation;

/// <summary>A bid's evaluated price for a lot among the lot's other compliant prices.</summary>
public sealed record LotPrice(Guid BidId, decimal EvaluatedPrice, decimal LotMeanPrice, bool AbnormallyLow, bool AboveCeiling);

/// <summary>One lot's outcome: every bid ranked or excluded, and what the recommended bids would cost.</summary>
public sealed record LotResult(Lot Lot, IReadOnlyList<RankedBid> Ranking, LotCost Cost);

/// <summary>
/// What the recommended providers of a lot would cost a year. A framework shares the lot's expected volume among its
/// providers, so the expected cost is the mean of their evaluated prices (each priced at the full volume); the highest
/// is the cost if the dearest provider took it all. Headroom = lot budget − expected cost.
/// </summary>
public sealed record LotCost(int Recommended, decimal? ExpectedAnnualCost, decimal? HighestAnnualCost, decimal? AnnualBudget, decimal? Headroom);

/// <summary>A pooled partner's share of the expected annual cost of the recommended providers.</summary>
public sealed record PartnerShare(string Name, decimal SharePercent, decimal AnnualCost);

public sealed record EvaluationOutcome(
    IReadOnlyList<LotResult> Lots, decimal ExpectedAnnualCost, decimal? CurrentAnnualSpend, decimal? SavingAgainstCurrentSpend,
    IReadOnlyList<PartnerShare> Partners);

/// <summary>
/// The results of an evaluation from its recorded decisions, as pure functions over the model and the opened bids:
/// the gates, the moderated scores and the sealed rates. The scoring rules themselves are <see cref="Scoring"/> and
/// <see cref="LotRanking"/>; this only decides which questions and bids each lot counts.
/// </summary>
public static class EvaluationResults
{
    /// <summary>The questions of the model that apply to a lot (no lots named, or this one), in model order.</summary>
    public static IEnumerable<EvaluationQuestion> QuestionsFor(Procurement p, Guid lotId, QuestionType type) =>
        p.Sections.OrderBy(s => s.Number).SelectMany(s => s.Questions.OrderBy(q => q.Number))
            .Where(q => q.Type == type && (q.LotIds.Count == 0 || q.LotIds.Contains(lotId)));

    /// <summary>The questions that apply to a bid, whichever of its lots they belong to.</summary>
    public static IEnumerable<EvaluationQuestion> QuestionsFor(Procurement p, OpenedBid bid, QuestionType type) =>
        p.Sections.OrderBy(s => s.Number).SelectMany(s => s.Questions.OrderBy(q => q.Number))
            .Where(q => q.Type == type && (q.LotIds.Count == 0 || q.LotIds.Any(bid.LotIds.Contains)));

    /// <summary>
    /// The evaluated prices of a lot (Σ rate × expected volume, in pence) for the bids that priced every band of it,
    /// flagged abnormally low when more than the procurement's threshold below the mean of those prices.
    /// </summary>
    public static IReadOnlyList<LotPrice> PricesFor(Procurement p, Lot lot, IEnumerable<OpenedBid> bids)
    {
        var priced = bids
            .Where(b => b.LotIds.Contains(lot.Id) && lot.Bands.Count > 0 && lot.Bands.All(band => b.Rates.ContainsKey(band.Id)))
            .Select(b => (Bid: b, Price: Math.Round(
                Scoring.EvaluatedPrice(lot.Bands.Select(band => new PricedBand(b.Rates[band.Id], band.ExpectedAnnualVolume))),
                2, MidpointRounding.AwayFromZero)))
            .ToList();
        var prices = priced.Select(x => x.Price).ToList();
        var mean = prices.Count == 0 ? 0m : Math.Round(prices.Average(), 2, MidpointRounding.AwayFromZero);
        return priced.Select(x => new LotPrice(x.Bid.BidId, x.Price, mean,
            Scoring.IsAbnormallyLow(x.Price, prices, p.AbnormallyLowThresholdPercent),
            lot.Bands.Any(band => x.Bid.Rates[band.Id] > band.CeilingRate))).ToList();
    }

    /// <summary>The failed gate of a bid, if any (its recorded reason), or null when every gate that applies passed.</summary>
    public static string? FailedGate(OpenedBid bid, IReadOnlyCollection<GateDecision> gates)
    {
        var failed = gates.FirstOrDefault(g => g.BidId == bid.BidId && !g.Passed);
        return failed is null ? null : $"Failed a pass/fail question: {failed.Reason}";
    }

    /// <summary>True when every pass/fail question that applies to the bid has a decision.</summary>
    public static bool GatesDecided(Procurement p, OpenedBid bid, IReadOnlyCollection<GateDecision> gates) =>
        QuestionsFor(p, bid, QuestionType.PassFail).All(q => gates.Any(g => g.BidId == bid.BidId && g.QuestionId == q.Id));

    /// <summary>A bid goes to the evaluators once every gate that applies is decided and passed.</summary>
    public static bool PassedGates(Procurement p, OpenedBid bid, IReadOnlyCollection<GateDecision> gates) =>
        GatesDecided(p, bid, gates) && FailedGate(bid, gates) is null;

    public static EvaluationOutcome Compute(
        Procurement p, IReadOnlyList<OpenedBid> bids, IReadOnlyCollection<GateDecision> gates,
        IReadOnlyDictionary<(Guid BidId, Guid QuestionId), int> moderated)
    {
        var lots = p.Lots.OrderBy(l => l.Number).Select(lot => ForLot(p, lot, bids, gates, moderated)).ToList();
        var total = lots.Sum(l => l.Cost.ExpectedAnnualCost ?? 0m);
        var partners = p.PooledPartners
            .Select(x => new PartnerShare(x.Name, x.SharePercent, Math.Round(total * x.SharePercent / 100m, 2, MidpointRounding.AwayFromZero)))
            .ToList();
        return new EvaluationOutcome(lots, total, p.CurrentAnnualSpend, p.CurrentAnnualSpend is { } spend ? spend - total : null, partners);
    }

    private static LotResult ForLot(
        Procurement p, Lot lot, IReadOnlyList<OpenedBid> bids, IReadOnlyCollection<GateDecision> gates,
        IReadOnlyDictionary<(Guid BidId, Guid QuestionId), int> moderated)
    {
        var forLot = bids.Where(b => b.LotIds.Contains(lot.Id)).ToList();
        var prices = PricesFor(p, lot, forLot.Where(b => PassedGates(p, b, gates))).ToDictionary(x => x.BidId);
        var scored = QuestionsFor(p, lot.Id, QuestionType.Scored).ToList();
        var entries = forLot.Select(b =>
        {
            var scores = scored.Select(q => (Question: q, Score: moderated.TryGetValue((b.BidId, q.Id), out var s) ? s : 0)).ToList();
            return new RankingEntry(
                b.BidId, b.ProviderName,
                scores.Sum(x => Scoring.WeightedQuestionScore(x.Question.Weight, x.Score)),
                prices.TryGetValue(b.BidId, out var price) ? price.EvaluatedPrice : 0m,
                PassedGates(p, b, gates),
                scores.All(x => x.Question.MinimumScore is not { } min || x.Score >= min));
        });
        var ranking = LotRanking.Rank(entries, p.PriceFormula, p.PriceWeight, p.TieBreakRule, lot.MaxProviders)
            .Select(r => r.Rank is null && FailedGate(forLot.Single(b => b.BidId == r.BidId), gates) is { } reason
                ? r with { ExclusionReason = reason }
                : r)
            .ToList();
        var recommended = ranking.Where(r => r.Recommended).Select(r => r.EvaluatedPrice).ToList();
        decimal? expected = recommended.Count == 0 ? null : Math.Round(recommended.Average(), 2, MidpointRounding.AwayFromZero);
        var cost = new LotCost(recommended.Count, expected, recommended.Count == 0 ? null : recommended.Max(), lot.AnnualBudget,
            lot.AnnualBudget is { } budget && expected is { } e ? budget - e : null);
        return new LotResult(lot, ranking, cost);
    }
}
