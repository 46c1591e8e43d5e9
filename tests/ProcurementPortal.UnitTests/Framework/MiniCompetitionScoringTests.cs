using ProcurementPortal.Core.Calendar;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.UnitTests.Framework;

/// <summary>The mini-competition rule (framework weights, weekly price over the bands, quality by question weight) and its standstill, worked by hand.</summary>
public sealed class MiniCompetitionScoringTests
{
    private static readonly DateTime Noon = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly CompetitionBand[] Bands = [new("B1", "Low support", 10m), new("B2", "Medium support", 20m)];
    private static readonly CompetitionQuestion[] Questions = [new(1, "Weekend staffing", 30m), new(2, "Involving the family", 10m)];

    private static ResponseToScore Response(string name, decimal b1, decimal b2, int q1, int q2, int secondsAfterNoon = 0) =>
        new(Guid.CreateVersion7(), name, Noon.AddSeconds(secondsAfterNoon), MiniCompetitionScoring.WeeklyPrice(Bands, [new("B1", b1), new("B2", b2)]),
            [new(1, q1, "why"), new(2, q2, "why")]);

    [Fact]
    public void The_weekly_price_is_each_band_rate_times_its_hours()
    {
        // 10 × £14.00 + 20 × £16.00 = £460.00
        Assert.Equal(460.00m, MiniCompetitionScoring.WeeklyPrice(Bands, [new("B1", 14.00m), new("B2", 16.00m)]));
    }

    [Fact]
    public void Quality_shares_the_framework_quality_weight_by_question_weight_and_price_is_the_lowest_weekly_price_over_this()
    {
        var ranked = MiniCompetitionScoring.Rank(Questions, 40m, PriceFormulas.LowestPriceRatio, [
            Response("Ribble", 14.00m, 16.00m, 4, 5), // £460: quality 60 × (24 + 10) ÷ 40 = 51.00; price 40 × 430 ÷ 460 = 37.39; total 88.39
            Response("Pendle", 13.00m, 15.00m, 3, 3), // £430: quality 60 × (18 + 6) ÷ 40 = 36.00; price 40.00; total 76.00
            Response("Wyre", 15.00m, 17.00m, 5, 5),   // £490: quality 60.00; price 40 × 430 ÷ 490 = 35.10; total 95.10
        ]);
        Assert.Equal(["Wyre", "Ribble", "Pendle"], ranked.Select(r => r.Response.ProviderName));
        Assert.Equal([60.00m, 51.00m, 36.00m], ranked.Select(r => r.QualityPoints));
        Assert.Equal([35.10m, 37.39m, 40.00m], ranked.Select(r => r.PricePoints));
        Assert.Equal([95.10m, 88.39m, 76.00m], ranked.Select(r => r.Total));
        Assert.Equal([1, 2, 3], ranked.Select(r => r.Position));
        Assert.All(ranked, r => Assert.True(r.FullyScored));
    }

    [Fact]
    public void Equal_totals_go_to_the_higher_quality_then_the_earlier_response()
    {
        CompetitionQuestion[] one = [new(1, "Weekend staffing", 10m)];
        CompetitionBand[] band = [new("B1", "Low support", 10m)];
        ResponseToScore R(string name, decimal rate, int score, int seconds) =>
            new(Guid.CreateVersion7(), name, Noon.AddSeconds(seconds), MiniCompetitionScoring.WeeklyPrice(band, [new("B1", rate)]), [new(1, score, "why")]);
        var ranked = MiniCompetitionScoring.Rank(one, 50m, PriceFormulas.LowestPriceRatio, [
            R("Cheaper", 10.00m, 3, 0),  // £100: quality 50 × 3 ÷ 5 = 30; price 50; total 80
            R("Better", 12.50m, 4, 5),   // £125: quality 40; price 50 × 100 ÷ 125 = 40; total 80
            R("Later twin", 12.50m, 4, 9),
        ]);
        Assert.Equal(["Better", "Later twin", "Cheaper"], ranked.Select(r => r.Response.ProviderName));
        Assert.All(ranked, r => Assert.Equal(80m, r.Total));
    }

    [Fact]
    public void A_response_not_yet_scored_on_every_question_is_marked_and_earns_nothing_for_the_missing_ones()
    {
        var partial = new ResponseToScore(Guid.CreateVersion7(), "Ribble", Noon, 460m, [new(1, 5, "why")]);
        var ranked = Assert.Single(MiniCompetitionScoring.Rank(Questions, 40m, PriceFormulas.LowestPriceRatio, [partial]));
        Assert.False(ranked.FullyScored);
        Assert.Equal(45.00m, ranked.QualityPoints); // 60 × 30 ÷ 40
        Assert.Equal(40.00m, ranked.PricePoints);
    }

    [Fact]
    public void The_rule_states_the_weights_and_the_formula()
    {
        var rule = MiniCompetitionScoring.Describe(40m, PriceFormulas.LowestPriceRatio);
        Assert.Contains("price 40%, quality 60%", rule);
        Assert.Contains("40 × the lowest weekly price ÷ this weekly price", rule);
    }

    [Fact]
    public void The_standstill_counts_eight_working_days_from_the_award_day_across_christmas_and_new_year()
    {
        // Wed 23 Dec 2026 is day 1; 24 Dec day 2; 25 and 28 Dec are bank holidays; 29, 30, 31 Dec days 3–5; 1 Jan a bank
        // holiday; 4, 5, 6 Jan days 6–8. It ends at midnight at the end of Wed 6 Jan 2027 (GMT).
        var end = MiniCompetitionScoring.StandstillEnd(new DateTime(2026, 12, 23, 10, 0, 0, DateTimeKind.Utc), WorkingCalendar.Shipped);
        Assert.Equal(new DateOnly(2027, 1, 6), end.LastDay);
        Assert.Equal(new DateTime(2027, 1, 7, 0, 0, 0, DateTimeKind.Utc), end.EndsAtUtc);
    }

    [Fact]
    public void The_standstill_skips_the_spring_bank_holiday_and_ends_at_midnight_british_summer_time()
    {
        // Thu 21 May 2026 day 1, Fri 22 day 2, Mon 25 May a bank holiday, 26–29 May days 3–6, 1 and 2 June days 7 and 8.
        var end = MiniCompetitionScoring.StandstillEnd(new DateTime(2026, 5, 21, 9, 0, 0, DateTimeKind.Utc), WorkingCalendar.Shipped);
        Assert.Equal(new DateOnly(2026, 6, 2), end.LastDay);
        Assert.Equal(new DateTime(2026, 6, 2, 23, 0, 0, DateTimeKind.Utc), end.EndsAtUtc);
    }

    [Fact]
    public void A_council_non_working_day_in_the_standstill_moves_its_end_one_working_day_on()
    {
        var end = MiniCompetitionScoring.StandstillEnd(new DateTime(2026, 12, 23, 10, 0, 0, DateTimeKind.Utc), new WorkingCalendar([new DateOnly(2027, 1, 5)]));
        Assert.Equal(new DateOnly(2027, 1, 7), end.LastDay);
    }

    [Fact]
    public void A_call_off_from_a_weekly_price_follows_the_brokerage_convention()
    {
        // £450.00 a week × 52 = £23,400.00 a year; 1 to 28 February 2027 is 28 days, 4 weeks: £1,800.00.
        var value = CallOffValue.OfWeekly(450m, new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 28));
        Assert.Equal(450.00m, value.Weekly);
        Assert.Equal(23_400.00m, value.Annual);
        Assert.Equal(1_800.00m, value.OverTerm);
    }
}
