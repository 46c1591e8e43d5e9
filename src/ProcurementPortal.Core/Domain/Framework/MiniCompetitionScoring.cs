using ProcurementPortal.Core.Calendar;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Core.Domain.Framework;

/// <summary>A response as the scoring reads it: its weekly price over the bands involved and the officer's scores so far.</summary>
public sealed record ResponseToScore(Guid ResponseId, string ProviderName, DateTime ReceivedAt, decimal WeeklyPrice, IReadOnlyList<AnswerScore> Scores);

/// <summary>One response's place: quality and price points (two places each), total, and whether every question is scored.</summary>
public sealed record ScoredResponse(int Position, ResponseToScore Response, decimal QualityPoints, decimal PricePoints, decimal Total, bool FullyScored);

/// <summary>
/// The framework's rule for a mini-competition, stated on its page: the weights are the framework tender's (price weight,
/// quality the rest); the price is the weekly price over the bands involved (Σ rate × hours a week), scored by the
/// tender's price formula against the lowest weekly price; quality points are the quality weight × Σ (question weight ×
/// score ÷ 5) ÷ Σ question weights. Ties go to the higher quality points, then the lower price, then the earlier
/// response. A pure function: the same responses always rank the same.
/// </summary>
public static class MiniCompetitionScoring
{
    /// <summary>Σ rate × hours a week over the bands involved, to the penny (a band without a rate counts nothing).</summary>
    public static decimal WeeklyPrice(IEnumerable<CompetitionBand> bands, IEnumerable<BandRate> rates)
    {
        var byCode = rates.ToDictionary(r => r.Code);
        return Round(bands.Sum(b => byCode.TryGetValue(b.Code, out var r) ? r.Rate * b.HoursPerWeek : 0m));
    }

    public static string Describe(decimal priceWeight, string priceFormula)
    {
        var quality = 100m - priceWeight;
        var price = priceFormula == PriceFormulas.DifferenceFromLowest
            ? $"{priceWeight:0.##} × (1 − (this weekly price − the lowest) ÷ the lowest), not below 0"
            : $"{priceWeight:0.##} × the lowest weekly price ÷ this weekly price";
        return $"Weights are the framework's: price {priceWeight:0.##}%, quality {quality:0.##}%. " +
            "Weekly price = Σ (your rate for a band × the hours a week in that band). " +
            $"Price points = {price}. " +
            $"Quality points = {quality:0.##} × Σ (question weight × score ÷ 5) ÷ Σ question weights. " +
            "Total = quality points + price points, each to two places. Ties go to the higher quality points, then the lower weekly price, then the earlier response.";
    }

    public static IReadOnlyList<ScoredResponse> Rank(IReadOnlyList<CompetitionQuestion> questions, decimal priceWeight, string priceFormula, IEnumerable<ResponseToScore> responses)
    {
        var list = responses.ToList();
        var priced = list.Where(r => r.WeeklyPrice > 0).ToList();
        var lowest = priced.Count == 0 ? 0m : priced.Min(r => r.WeeklyPrice);
        var qualityWeight = 100m - priceWeight;
        var totalWeight = questions.Sum(q => q.Weight);
        return list
            .Select(r =>
            {
                var byNumber = r.Scores.ToDictionary(s => s.Number, s => s.Score);
                var weighted = questions.Sum(q => byNumber.TryGetValue(q.Number, out var s) ? Scoring.WeightedQuestionScore(q.Weight, s) : 0m);
                var quality = totalWeight > 0 ? Round(qualityWeight * weighted / totalWeight) : 0m;
                var price = r.WeeklyPrice > 0 ? Round(Scoring.PriceScore(priceFormula, priceWeight, r.WeeklyPrice, lowest)) : 0m;
                return (Response: r, Quality: quality, Price: price, Total: quality + price, Full: questions.All(q => byNumber.ContainsKey(q.Number)));
            })
            .OrderByDescending(x => x.Total)
            .ThenByDescending(x => x.Quality)
            .ThenBy(x => x.Response.WeeklyPrice)
            .ThenBy(x => x.Response.ReceivedAt)
            .ThenBy(x => x.Response.ProviderName, StringComparer.Ordinal)
            .ThenBy(x => x.Response.ResponseId)
            .Select((x, i) => new ScoredResponse(i + 1, x.Response, x.Quality, x.Price, x.Total, x.Full))
            .ToList();
    }

    /// <summary>
    /// A call-off's standstill ends as the award's does (Procurement Act 2023 s.51: 8 working days beginning with the
    /// day of the award decision, England and Wales bank holidays and the tenant's own non-working days skipped).
    /// </summary>
    public static StandstillEnd StandstillEnd(DateTime awardedAtUtc, WorkingCalendar calendar) =>
        Standstill.EndOf(StandstillRegime.ProcurementAct2023, awardedAtUtc, awardedAtUtc, calendar);

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
