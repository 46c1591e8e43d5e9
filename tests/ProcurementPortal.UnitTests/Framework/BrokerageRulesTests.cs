using ProcurementPortal.Core.Domain.Framework;

namespace ProcurementPortal.UnitTests.Framework;

/// <summary>The brokerage ranking rule (60% framework score, 40% price), the call-off value convention and postcode districts.</summary>
public sealed class BrokerageRulesTests
{
    private static readonly DateTime Noon = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    private static OfferToRank Offer(string name, decimal score, int rank, decimal rate, int secondsAfterNoon = 0) =>
        new(Guid.CreateVersion7(), name, score, rank, rate, Noon.AddSeconds(secondsAfterNoon));

    [Fact]
    public void Quality_is_60_points_shared_by_score_and_price_40_by_the_lowest_rate()
    {
        var ranked = BrokerageRanking.Rank([
            Offer("Ribble", 80m, 1, 18.00m),
            Offer("Pendle", 60m, 2, 16.00m),
            Offer("Wyre", 70m, 3, 20.00m),
        ]);
        Assert.Equal(["Ribble", "Pendle", "Wyre"], ranked.Select(r => r.Offer.ProviderName));
        // Ribble: 60 × 80/80 = 60; 40 × 16/18 = 35.56 → 95.56. Pendle: 45 + 40 = 85. Wyre: 52.50 + 32 = 84.50.
        Assert.Equal([95.56m, 85.00m, 84.50m], ranked.Select(r => r.Total));
        Assert.Equal([1, 2, 3], ranked.Select(r => r.Position));
    }

    [Fact]
    public void A_tie_goes_to_the_better_framework_rank_then_to_the_earlier_offer()
    {
        var ranked = BrokerageRanking.Rank([
            Offer("Later, same rank", 70m, 2, 17.00m, secondsAfterNoon: 30),
            Offer("Rank 3", 70m, 3, 17.00m, secondsAfterNoon: 1),
            Offer("Earlier, same rank", 70m, 2, 17.00m, secondsAfterNoon: 10),
        ]);
        Assert.Equal(["Earlier, same rank", "Later, same rank", "Rank 3"], ranked.Select(r => r.Offer.ProviderName));
    }

    [Fact]
    public void The_same_offers_in_any_order_rank_the_same()
    {
        var offers = Enumerable.Range(1, 12).Select(i => Offer($"P{i}", 50m + i % 4 * 5, i, 15m + i % 3, i % 5)).ToList();
        var first = BrokerageRanking.Rank(offers).Select(r => r.Offer.ResponseId).ToList();
        var reversed = BrokerageRanking.Rank(Enumerable.Reverse(offers)).Select(r => r.Offer.ResponseId).ToList();
        var shuffled = BrokerageRanking.Rank(offers.OrderBy(o => o.ResponseId.GetHashCode())).Select(r => r.Offer.ResponseId).ToList();
        Assert.Equal(first, reversed);
        Assert.Equal(first, shuffled);
    }

    [Fact]
    public void No_offers_rank_as_nothing() => Assert.Empty(BrokerageRanking.Rank([]));

    [Fact]
    public void A_call_off_is_worth_rate_times_hours_a_week_52_weeks_a_year_and_its_weeks_to_the_end_date()
    {
        // 14 hours at £17.50 from Monday 7 December 2026 to Sunday 5 December 2027: 364 days = 52 weeks.
        var value = CallOffValue.Of(17.50m, 14m, new DateOnly(2026, 12, 7), new DateOnly(2027, 12, 5));
        Assert.Equal(245.00m, value.Weekly);
        Assert.Equal(12_740.00m, value.Annual);
        Assert.Equal(52m, value.Weeks);
        Assert.Equal(12_740.00m, value.OverTerm);
    }

    [Fact]
    public void Part_weeks_are_counted_in_days_over_seven_to_the_penny()
    {
        var value = CallOffValue.Of(16.25m, 10.5m, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 10)); // 10 days
        Assert.Equal(170.63m, value.Weekly); // 170.625 rounded away from zero
        Assert.Equal(243.76m, value.OverTerm); // 170.63 × 10/7 = 243.757…
    }

    [Theory]
    [InlineData("PR1", "PR1")]
    [InlineData(" bb11 ", "BB11")]
    [InlineData("EC1A", "EC1A")]
    [InlineData("W1", "W1")]
    public void A_postcode_district_is_kept_in_capitals(string typed, string kept) => Assert.Equal(kept, PostcodeDistrict.Normalise(typed));

    [Theory]
    [InlineData("PR1 8XJ")]
    [InlineData("PR18XJ")]
    [InlineData("1 County Hall")]
    [InlineData("Preston")]
    [InlineData("")]
    [InlineData(null)]
    public void A_full_postcode_or_an_address_is_not_a_district(string? typed) => Assert.Null(PostcodeDistrict.Normalise(typed));
}
