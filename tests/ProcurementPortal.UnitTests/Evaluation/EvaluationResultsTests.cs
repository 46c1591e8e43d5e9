using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.UnitTests.Evaluation;

public sealed class EvaluationResultsTests
{
    private static readonly FeeBand Low = new() { Code = "B1", Name = "Low", CeilingRate = 16m, ExpectedAnnualVolume = 1000m };
    private static readonly FeeBand High = new() { Code = "B2", Name = "High", CeilingRate = 20m, ExpectedAnnualVolume = 500m };
    private static readonly Lot East = new() { Number = 1, Name = "East", MaxProviders = 2, AnnualBudget = 30_000m, Bands = [Low, High] };
    private static readonly EvaluationQuestion Gate = new() { Text = "CQC registered?", Type = QuestionType.PassFail };
    private static readonly EvaluationQuestion Recovery = new() { Text = "Recovery", Type = QuestionType.Scored, Weight = 60m, MinimumScore = 2 };

    private static Procurement Tender() => new()
    {
        Title = "Framework", PriceWeight = 40m, CurrentAnnualSpend = 40_000m, Lots = [East],
        Sections = [new EvaluationSection { Number = 1, Title = "Quality", Questions = [Gate, Recovery] }],
        PooledPartners = [new PooledPartner { Name = "CCG", SharePercent = 57.6m }, new PooledPartner { Name = "Council", SharePercent = 42.4m }],
    };

    private static OpenedBid Bid(string name, decimal low, decimal high) => new(Guid.NewGuid(), Guid.NewGuid(), name, "R1", DateTime.UtcNow,
        [East.Id], new Dictionary<Guid, string>(), new Dictionary<Guid, decimal> { [Low.Id] = low, [High.Id] = high }, new BidDeclarations());

    private static GateDecision Pass(OpenedBid bid, bool passed = true) =>
        new() { BidId = bid.BidId, QuestionId = Gate.Id, Passed = passed, Reason = passed ? null : "No CQC registration" };

    [Fact]
    public void Evaluated_prices_are_rate_times_volume_and_a_price_more_than_20_percent_below_the_mean_is_abnormally_low()
    {
        var a = Bid("A", 15m, 19m);   // 15 000 + 9 500 = 24 500
        var b = Bid("B", 14m, 18m);   // 14 000 + 9 000 = 23 000
        var c = Bid("C", 8m, 10m);    //  8 000 + 5 000 = 13 000; mean 20 166.67; 80% of it is 16 133.33

        var prices = EvaluationResults.PricesFor(Tender(), East, [a, b, c]).ToDictionary(p => p.BidId);

        Assert.Equal(24_500m, prices[a.BidId].EvaluatedPrice);
        Assert.Equal(23_000m, prices[b.BidId].EvaluatedPrice);
        Assert.Equal(20_166.67m, prices[c.BidId].LotMeanPrice);
        Assert.True(prices[c.BidId].AbnormallyLow);
        Assert.False(prices[b.BidId].AbnormallyLow);
    }

    [Fact]
    public void A_failed_gate_excludes_with_its_recorded_reason_and_a_score_below_the_minimum_excludes_too()
    {
        var p = Tender();
        var good = Bid("Good", 15m, 19m);
        var failed = Bid("Failed", 14m, 18m);
        var weak = Bid("Weak", 14.5m, 18.5m);
        var moderated = new Dictionary<(Guid, Guid), int> { [(good.BidId, Recovery.Id)] = 4, [(failed.BidId, Recovery.Id)] = 5, [(weak.BidId, Recovery.Id)] = 1 };

        var lot = Assert.Single(EvaluationResults.Compute(p, [good, failed, weak], [Pass(good), Pass(failed, false), Pass(weak)], moderated).Lots);

        var byName = lot.Ranking.ToDictionary(r => r.BidderName);
        Assert.Equal(1, byName["Good"].Rank);
        Assert.Equal(48m, byName["Good"].QualityScore);
        Assert.Equal(40m, byName["Good"].PriceScore);
        Assert.Equal("Failed a pass/fail question: No CQC registration", byName["Failed"].ExclusionReason);
        Assert.Null(byName["Weak"].Rank);
        Assert.Contains("minimum", byName["Weak"].ExclusionReason);
    }

    [Fact]
    public void Affordability_is_the_mean_of_the_recommended_prices_against_the_lot_budget_split_between_pooled_partners()
    {
        var a = Bid("A", 15m, 19m);   // 24 500
        var b = Bid("B", 14m, 18m);   // 23 000
        var c = Bid("C", 15.5m, 19.5m); // 25 250, third: not recommended (max 2)
        var moderated = new[] { a, b, c }.ToDictionary(x => (x.BidId, Recovery.Id), _ => 3);

        var outcome = EvaluationResults.Compute(Tender(), [a, b, c], [Pass(a), Pass(b), Pass(c)], moderated);

        var cost = Assert.Single(outcome.Lots).Cost;
        Assert.Equal(2, cost.Recommended);
        Assert.Equal(23_750m, cost.ExpectedAnnualCost);
        Assert.Equal(24_500m, cost.HighestAnnualCost);
        Assert.Equal(6_250m, cost.Headroom);
        Assert.Equal(16_250m, outcome.SavingAgainstCurrentSpend);
        Assert.Equal([13_680m, 10_070m], outcome.Partners.Select(x => x.AnnualCost));
    }

    [Fact]
    public void Bidder_labels_run_A_to_Z_then_AA_and_do_not_depend_on_input_order()
    {
        var ids = Enumerable.Range(0, 28).Select(_ => Guid.NewGuid()).ToList();

        var labels = BidderLabels.For(ids);
        var reversed = BidderLabels.For(Enumerable.Reverse(ids));

        Assert.Equal(labels, reversed);
        var ordered = ids.Order().Select(id => labels[id]).ToList();
        Assert.Equal("Bidder A", ordered[0]);
        Assert.Equal("Bidder Z", ordered[25]);
        Assert.Equal("Bidder AA", ordered[26]);
        Assert.Equal("Bidder AB", ordered[27]);
    }
}
