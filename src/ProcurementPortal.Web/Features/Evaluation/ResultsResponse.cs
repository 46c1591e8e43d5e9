using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Drawing;

namespace ProcurementPortal.Web.Features.Evaluation;

public sealed record RankedBidResponse(
    Guid BidId, string Bidder, decimal QualityScore, decimal PriceScore, decimal TotalScore, decimal EvaluatedPrice, int? Rank, bool Recommended,
    string? ExclusionReason, bool AbnormallyLow, string? ClarificationRequest);

public sealed record LotResultResponse(
    Guid LotId, int Number, string Name, int? MaxProviders, IReadOnlyList<RankedBidResponse> Ranking, int Recommended,
    decimal? ExpectedAnnualCost, decimal? HighestAnnualCost, decimal? AnnualBudget, decimal? Headroom)
{
    /// <summary>The lot's two report charts, from the same rounded figures as its table.</summary>
    public (VectorDrawing Scores, VectorDrawing PriceAndQuality) Charts()
    {
        var bids = Ranking.Select(r => new ChartBid(r.Bidder, r.QualityScore, r.TotalScore, r.EvaluatedPrice, r.Rank is not null)).ToList();
        var lot = $"lot {Number}: {Name}";
        return (EvaluationCharts.ScoreDistribution(lot, bids), EvaluationCharts.PriceAgainstQuality(lot, bids));
    }
}

/// <summary>The results as the API gives them: scores rounded to two places for people, money in pounds and pence.</summary>
public sealed record ResultsResponse(
    string State, bool Published, string TieBreakRule, int MissingModerations, int MissingPrices, IReadOnlyList<LotResultResponse> Lots,
    decimal ExpectedAnnualCost, decimal? CurrentAnnualSpend, decimal? SavingAgainstCurrentSpend, IReadOnlyList<PartnerShare> Partners)
{
    public static ResultsResponse From(ResultsView view) => new(
        view.State.Procurement.State.ToString(), view.Published, view.State.Procurement.TieBreakRule.ToString(), view.MissingModerations, view.MissingPrices,
        view.Outcome.Lots.Select(l => new LotResultResponse(l.Lot.Id, l.Lot.Number, l.Lot.Name, l.Lot.MaxProviders,
            l.Ranking.Select(r =>
            {
                var price = view.Prices.FirstOrDefault(x => x.BidId == r.BidId && x.LotId == l.Lot.Id);
                return new RankedBidResponse(r.BidId, r.BidderName, Scoring.Display(r.QualityScore), Scoring.Display(r.PriceScore),
                    Scoring.Display(r.TotalScore), r.EvaluatedPrice, r.Rank, r.Recommended, r.ExclusionReason, price?.AbnormallyLow ?? false, price?.ClarificationRequest);
            }).ToList(),
            l.Cost.Recommended, l.Cost.ExpectedAnnualCost, l.Cost.HighestAnnualCost, l.Cost.AnnualBudget, l.Cost.Headroom)).ToList(),
        view.Outcome.ExpectedAnnualCost, view.Outcome.CurrentAnnualSpend, view.Outcome.SavingAgainstCurrentSpend, view.Outcome.Partners);
}
