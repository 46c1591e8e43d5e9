using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Core.Domain.Evaluation;

/// <summary>One priced band of a bid: the provider's rate and the commissioner's expected annual volume.</summary>
public sealed record PricedBand(decimal Rate, decimal ExpectedAnnualVolume);

/// <summary>
/// The scoring rules of an evaluation, as pure functions over numbers: the same inputs give the same results in the
/// evaluation screens, the report, the letters and the benchmark. Scores are kept at full decimal precision and
/// rounded only for display (<see cref="Display"/>), so that a total is never the sum of rounded parts.
/// </summary>
public static class Scoring
{
    public const int MaxQuestionScore = 5;

    /// <summary>Evaluated price of a bid for a lot: Σ rate × expected annual volume over the lot's bands.</summary>
    public static decimal EvaluatedPrice(IEnumerable<PricedBand> bands) =>
        bands.Sum(b => b.Rate * b.ExpectedAnnualVolume);

    /// <summary>A scored question's weighted score: weight × score ÷ 5.</summary>
    public static decimal WeightedQuestionScore(decimal weight, int score)
    {
        if (score is < 0 or > MaxQuestionScore)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "A question is scored 0 to 5.");
        }
        return weight * score / MaxQuestionScore;
    }

    /// <summary>
    /// Price score of one evaluated price among the lot's compliant prices, by the tender's formula. The lowest price
    /// always earns the full price weight; no price earns more, none less than zero.
    /// </summary>
    public static decimal PriceScore(string formula, decimal priceWeight, decimal price, decimal lowestPrice)
    {
        if (price <= 0 || lowestPrice <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(price), "Evaluated prices must be positive.");
        }
        if (price < lowestPrice)
        {
            throw new ArgumentException("The lowest price cannot be above a price it is compared with.", nameof(lowestPrice));
        }
        return formula switch
        {
            PriceFormulas.LowestPriceRatio => priceWeight * lowestPrice / price,
            PriceFormulas.DifferenceFromLowest => priceWeight * Math.Max(0m, 1m - (price - lowestPrice) / lowestPrice),
            _ => throw new ArgumentException($"Unknown price formula '{formula}'.", nameof(formula)),
        };
    }

    /// <summary>
    /// Abnormally low prices: more than <paramref name="thresholdPercent"/> below the mean of the lot's prices.
    /// Such a bid is not excluded by the rule; the evaluators must ask the bidder to explain it (PCR 2015 reg. 69).
    /// </summary>
    public static bool IsAbnormallyLow(decimal price, IReadOnlyCollection<decimal> lotPrices, decimal thresholdPercent)
    {
        if (lotPrices.Count < 2)
        {
            return false;
        }
        var mean = lotPrices.Average();
        return price < mean * (1m - thresholdPercent / 100m);
    }

    /// <summary>A score for people: two decimal places, halves away from zero.</summary>
    public static decimal Display(decimal score) => Math.Round(score, 2, MidpointRounding.AwayFromZero);
}
