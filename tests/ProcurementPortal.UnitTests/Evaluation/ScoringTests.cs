using ProcurementPortal.Core.Demo;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.UnitTests.Evaluation;

public sealed class ScoringTests
{
    // Lancashire East: 2,000 hours a week × 52, split 40/30/20/10 across the four need bands.
    private static readonly decimal[] EastVolumes = [41_600m, 31_200m, 20_800m, 10_400m];

    private static decimal EastPrice(params decimal[] rates) =>
        Scoring.EvaluatedPrice(rates.Zip(EastVolumes, (r, v) => new PricedBand(r, v)));

    [Fact]
    public void Evaluated_price_is_the_sum_of_rate_times_expected_volume_over_the_bands()
    {
        Assert.Equal(1_560_000.00m, EastPrice(14.00m, 15.00m, 16.00m, 17.00m));
        // At the ceilings: 603,200 + 491,400 + 351,520 + 186,784.
        Assert.Equal(1_632_904.00m, EastPrice(LancashireFramework.Bands.Select(b => b.Ceiling).ToArray()));
    }

    [Fact]
    public void Lowest_price_ratio_scores_a_dearer_bid_by_the_ratio_of_the_lowest_price_to_its_own()
    {
        var score = Scoring.PriceScore(PriceFormulas.LowestPriceRatio, 40m, 1_632_904m, 1_560_000m);
        Assert.Equal(38.21m, Scoring.Display(score));
        Assert.Equal(40m, Scoring.PriceScore(PriceFormulas.LowestPriceRatio, 40m, 1_560_000m, 1_560_000m));
    }

    [Fact]
    public void Difference_from_lowest_takes_the_percentage_above_the_lowest_off_the_weight_and_stops_at_zero()
    {
        Assert.Equal(38.13m, Scoring.Display(Scoring.PriceScore(PriceFormulas.DifferenceFromLowest, 40m, 1_632_904m, 1_560_000m)));
        Assert.Equal(0m, Scoring.PriceScore(PriceFormulas.DifferenceFromLowest, 40m, 3_500_000m, 1_560_000m));
    }

    [Fact]
    public void A_question_weighted_30_scored_3_of_5_earns_18()
    {
        Assert.Equal(18m, Scoring.WeightedQuestionScore(30m, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Scoring.WeightedQuestionScore(30m, 6));
    }

    [Fact]
    public void A_price_more_than_the_threshold_below_the_mean_is_abnormally_low()
    {
        decimal[] prices = [1_560_000m, 1_632_904m, 1_600_000m, 1_100_000m];
        // Mean 1,473,226; 20% below is 1,178,580.8.
        Assert.True(Scoring.IsAbnormallyLow(1_100_000m, prices, 20m));
        Assert.False(Scoring.IsAbnormallyLow(1_560_000m, prices, 20m));
        Assert.False(Scoring.IsAbnormallyLow(1_100_000m, [1_100_000m], 20m));
    }

    [Fact]
    public void Lancashire_east_ranks_the_better_quality_bid_first_although_it_is_dearer()
    {
        var cheaper = new RankingEntry(Guid.NewGuid(), "Aire Valley Recovery Trust", 42m, EastPrice(14.00m, 15.00m, 16.00m, 17.00m));
        var better = new RankingEntry(Guid.NewGuid(), "Ribble Valley Supported Living", 54m, EastPrice(14.50m, 15.75m, 16.90m, 17.96m));
        var failed = new RankingEntry(Guid.NewGuid(), "Brixton Wellbeing", 60m, 1_000_000m, PassedGates: false);

        var ranked = LotRanking.Rank([cheaper, better, failed], PriceFormulas.LowestPriceRatio, 40m, TieBreakRule.HigherQuality, maxProviders: 1);

        Assert.Equal(["Ribble Valley Supported Living", "Aire Valley Recovery Trust", "Brixton Wellbeing"], ranked.Select(r => r.BidderName));
        Assert.Equal(92.21m, Scoring.Display(ranked[0].TotalScore));
        Assert.Equal(82m, ranked[1].TotalScore);
        Assert.Equal([1, 2], ranked.Take(2).Select(r => r.Rank!.Value));
        Assert.Equal([true, false, false], ranked.Select(r => r.Recommended));
        Assert.Null(ranked[2].Rank);
        Assert.Equal("Failed a pass/fail question", ranked[2].ExclusionReason);
    }

    [Fact]
    public void Equal_totals_are_ordered_by_the_declared_tie_break_rule()
    {
        // Quality 50 + full price 40 = 90; quality 51.0 + 39.0 = 90 (price 1,600,000 against a lowest of 1,560,000).
        var lowestPrice = 1_560_000m;
        var dearer = lowestPrice * 40m / 39m;
        var cheap = new RankingEntry(Guid.NewGuid(), "Cheap", 50m, lowestPrice);
        var good = new RankingEntry(Guid.NewGuid(), "Good", 51m, dearer);

        var byQuality = LotRanking.Rank([cheap, good], PriceFormulas.LowestPriceRatio, 40m, TieBreakRule.HigherQuality, null);
        var byPrice = LotRanking.Rank([cheap, good], PriceFormulas.LowestPriceRatio, 40m, TieBreakRule.LowerPrice, null);

        Assert.Equal(byQuality[0].TotalScore, byQuality[1].TotalScore);
        Assert.Equal(["Good", "Cheap"], byQuality.Select(r => r.BidderName));
        Assert.Equal(["Cheap", "Good"], byPrice.Select(r => r.BidderName));
        Assert.Equal([1, 2], byPrice.Select(r => r.Rank!.Value));
    }

    [Fact]
    public void Identical_bids_share_a_rank_and_a_tie_across_the_line_recommends_both()
    {
        var a = new RankingEntry(Guid.NewGuid(), "A", 50m, 1_000_000m);
        var b = new RankingEntry(Guid.NewGuid(), "B", 50m, 1_000_000m);
        var c = new RankingEntry(Guid.NewGuid(), "C", 40m, 1_000_000m);

        var ranked = LotRanking.Rank([c, b, a], PriceFormulas.LowestPriceRatio, 40m, TieBreakRule.HigherQuality, maxProviders: 1);

        Assert.Equal([1, 1, 3], ranked.Select(r => r.Rank!.Value));
        Assert.Equal([true, true, false], ranked.Select(r => r.Recommended));
    }
}
