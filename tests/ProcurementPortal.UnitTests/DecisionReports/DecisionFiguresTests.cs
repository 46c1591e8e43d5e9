using ProcurementPortal.Core.Domain.DecisionReports;

namespace ProcurementPortal.UnitTests.DecisionReports;

public sealed class DecisionFiguresTests
{
    [Fact]
    public void Leeds_community_mental_health_budget_cut_by_ten_percent()
    {
        // MH 3rd Sector Commissioned Services, Leeds DLT, 23 November 2016, recommendation 3.
        var savings = DecisionFigures.Savings(1_334_697m, 10m, 60)!;

        Assert.Equal(1_201_227m, savings.NewBudget);
        Assert.Equal(133_470m, savings.Saving);
        Assert.Equal(savings.CurrentBudget, savings.NewBudget + savings.Saving);
        Assert.Equal(667_350m, savings.SavingOverTerm);
    }

    [Fact]
    public void No_cut_and_no_budget_give_no_savings()
    {
        Assert.Null(DecisionFigures.Savings(null, 10m, null));
        Assert.Null(DecisionFigures.Savings(1_000m, null, null));
    }

    [Fact]
    public void Lambeth_pooled_fund_splits_by_share_and_adds_up_to_the_whole()
    {
        // IPSA, Lambeth Cabinet 9 February 2015: year 1 total contract value £11,542k, CCG 57.6% / Council 42.4%.
        var split = DecisionFigures.PooledSplit([("NHS Lambeth CCG", 57.6m), ("Lambeth Council", 42.4m)], 11_542_000m);

        Assert.Equal(6_648_192m, split[0].Amount);
        Assert.Equal(4_893_808m, split[1].Amount);
        Assert.Equal(11_542_000m, split.Sum(s => s.Amount));
    }

    [Fact]
    public void A_split_of_thirds_gives_the_rounding_to_the_last_partner()
    {
        var split = DecisionFigures.PooledSplit([("A", 33.33m), ("B", 33.33m), ("C", 33.34m)], 100m);
        Assert.Equal([33m, 33m, 34m], split.Select(s => s.Amount!.Value));
    }

    [Fact]
    public void Over_the_threshold_is_a_key_decision_with_its_forward_plan_and_call_in_dates()
    {
        var key = DecisionFigures.KeyDecision(11_542_000m, 500_000m, new DateOnly(2027, 2, 8));

        Assert.True(key.IsKeyDecision);
        Assert.Equal(new DateOnly(2027, 1, 8), key.ForwardPlanNoticeBy);
        Assert.Equal(new DateOnly(2027, 2, 15), key.CallInEnds);
    }

    [Fact]
    public void At_or_under_the_threshold_needs_no_forward_plan_notice()
    {
        var key = DecisionFigures.KeyDecision(500_000m, 500_000m, new DateOnly(2027, 2, 8));

        Assert.False(key.IsKeyDecision);
        Assert.Null(key.ForwardPlanNoticeBy);
        Assert.Equal(new DateOnly(2027, 2, 15), key.CallInEnds);
    }
}
