namespace ProcurementPortal.Core.Domain.Procurements;

/// <summary>
/// The affordability model of a banded fee structure: at ceiling rates, what each lot and the whole framework
/// would cost a year (Σ ceiling × expected volume), against the lot and procurement budgets and today's spend.
/// </summary>
public static class Affordability
{
    public static AffordabilityModel Of(Procurement procurement)
    {
        var lots = procurement.Lots.OrderBy(l => l.Number).Select(lot =>
        {
            var bands = lot.Bands.Select(b => new BandCost(b.Code, b.Unit, b.CeilingRate, b.ExpectedAnnualVolume,
                b.CeilingRate is { } rate ? rate * b.ExpectedAnnualVolume : null)).ToList();
            var cost = bands.Sum(b => b.AnnualCost ?? 0m);
            return new LotAffordability(lot.Id, lot.Name, bands, cost, lot.AnnualBudget,
                lot.AnnualBudget is { } budget ? budget - cost : null, bands.Any(b => b.AnnualCost is null));
        }).ToList();
        var total = lots.Sum(l => l.AnnualCostAtCeiling);
        return new AffordabilityModel(lots, total, procurement.AnnualBudget,
            procurement.AnnualBudget is { } b ? b - total : null,
            procurement.CurrentAnnualSpend,
            procurement.CurrentAnnualSpend is { } spend ? spend - total : null);
    }
}

public sealed record BandCost(string Code, FeeUnit Unit, decimal? CeilingRate, decimal ExpectedAnnualVolume, decimal? AnnualCost);

/// <summary>Headroom is budget − cost: negative means the lot is unaffordable at ceiling rates.</summary>
public sealed record LotAffordability(
    Guid LotId, string Name, IReadOnlyList<BandCost> Bands, decimal AnnualCostAtCeiling, decimal? AnnualBudget,
    decimal? Headroom, bool HasBandsWithoutCeiling);

/// <summary>Saving is today's annual spend − the framework's annual cost at ceiling rates (negative: it costs more).</summary>
public sealed record AffordabilityModel(
    IReadOnlyList<LotAffordability> Lots, decimal AnnualCostAtCeiling, decimal? AnnualBudget, decimal? Headroom,
    decimal? CurrentAnnualSpend, decimal? SavingAgainstCurrentSpend);
