using ProcurementPortal.Core.Demo;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.UnitTests.Procurements;

public sealed class AffordabilityTests
{
    [Fact]
    public void Lancashire_lots_cost_the_sum_of_ceiling_times_volume_exactly()
    {
        var model = Affordability.Of(LancashireFramework.Build(DateTime.UtcNow));

        // East: 41,600 h × £14.50 + 31,200 × £15.75 + 20,800 × £16.90 + 10,400 × £17.96
        Assert.Equal(1_632_904.00m, model.Lots[0].AnnualCostAtCeiling);
        Assert.Equal(1_224_678.00m, model.Lots[1].AnnualCostAtCeiling);
        Assert.Equal(2_449_356.00m, model.Lots[2].AnnualCostAtCeiling);
        Assert.Equal(5_306_938.00m, model.AnnualCostAtCeiling);
        Assert.Equal(603_200.00m, model.Lots[0].Bands[0].AnnualCost);
    }

    [Fact]
    public void Saving_is_todays_spend_less_the_framework_cost_and_headroom_is_budget_less_cost()
    {
        var model = Affordability.Of(LancashireFramework.Build(DateTime.UtcNow));

        Assert.Equal(1_493_062.00m, model.SavingAgainstCurrentSpend);
        Assert.Equal(693_062.00m, model.Headroom);
    }

    [Fact]
    public void A_band_without_a_ceiling_is_marked_and_left_out_of_the_cost()
    {
        var procurement = LancashireFramework.Build(DateTime.UtcNow);
        procurement.Lots[0].Bands[3].CeilingRate = null;
        procurement.Lots[0].AnnualBudget = 1_500_000m;

        var lot = Affordability.Of(procurement).Lots[0];

        Assert.True(lot.HasBandsWithoutCeiling);
        Assert.Null(lot.Bands[3].AnnualCost);
        Assert.Equal(1_632_904.00m - 186_784.00m, lot.AnnualCostAtCeiling);
        Assert.Equal(1_500_000m - 1_446_120.00m, lot.Headroom);
    }
}
