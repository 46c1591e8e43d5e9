using System.Text.RegularExpressions;

namespace ProcurementPortal.Core.Domain.Framework;

/// <summary>An offer as the ranking reads it: the member's framework evaluation score and rank, and its offer.</summary>
public sealed record OfferToRank(Guid ResponseId, string ProviderName, decimal FrameworkScore, int? FrameworkRank, decimal HourlyRate, DateTime ReceivedAt);

public sealed record RankedOffer(int Position, OfferToRank Offer, decimal QualityPoints, decimal PricePoints, decimal Total);

/// <summary>
/// The framework's rule for ranking offers on a package request, as the request page states it: 60 points for quality
/// (the member's framework evaluation score ÷ the highest such score among the offers) and 40 for price (the lowest
/// offered rate ÷ this offer's rate), each rounded to two places; ties go to the better framework rank, then the
/// earlier offer, then the provider's name. A pure function: the same offers always rank the same.
/// </summary>
public static class BrokerageRanking
{
    public const decimal QualityWeight = 60m;
    public const decimal PriceWeight = 40m;

    public const string Rule =
        "60% quality (the provider's framework evaluation score, as a share of the highest score among the offers) and 40% price " +
        "(the lowest offered hourly rate divided by this offer's rate). Ties go to the provider ranked higher on the framework, " +
        "then to the earlier offer.";

    public static IReadOnlyList<RankedOffer> Rank(IEnumerable<OfferToRank> offers)
    {
        var list = offers.ToList();
        if (list.Count == 0)
        {
            return [];
        }
        var bestScore = list.Max(o => o.FrameworkScore);
        var lowestRate = list.Min(o => o.HourlyRate);
        return list
            .Select(o =>
            {
                var quality = bestScore > 0 ? Round(QualityWeight * o.FrameworkScore / bestScore) : 0m;
                var price = o.HourlyRate > 0 ? Round(PriceWeight * lowestRate / o.HourlyRate) : PriceWeight;
                return (Offer: o, Quality: quality, Price: price, Total: quality + price);
            })
            .OrderByDescending(x => x.Total)
            .ThenBy(x => x.Offer.FrameworkRank ?? int.MaxValue)
            .ThenBy(x => x.Offer.ReceivedAt)
            .ThenBy(x => x.Offer.ProviderName, StringComparer.Ordinal)
            .ThenBy(x => x.Offer.ResponseId)
            .Select((x, i) => new RankedOffer(i + 1, x.Offer, x.Quality, x.Price, x.Total))
            .ToList();
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}

/// <summary>What a placement costs, by the convention the confirm page states.</summary>
public sealed record CallOffValue(decimal Weekly, decimal Annual, decimal OverTerm, decimal Weeks)
{
    public const int WeeksInYear = 52;

    public const string Convention =
        "Weekly value = hourly rate × hours per week. Annual value = weekly value × 52 weeks. " +
        "Contract value = weekly value × the weeks from the start date to the framework's end date (days ÷ 7), to the penny.";

    public static CallOffValue Of(decimal hourlyRate, decimal hoursPerWeek, DateOnly startsOn, DateOnly endsOn) =>
        OfWeekly(hourlyRate * hoursPerWeek, startsOn, endsOn);

    /// <summary>The same convention from a weekly price already summed over several bands (Σ rate × hours).</summary>
    public static CallOffValue OfWeekly(decimal weeklyPrice, DateOnly startsOn, DateOnly endsOn)
    {
        var weekly = Math.Round(weeklyPrice, 2, MidpointRounding.AwayFromZero);
        var weeks = Math.Max(0, endsOn.DayNumber - startsOn.DayNumber + 1) / 7m;
        return new CallOffValue(weekly, weekly * WeeksInYear, Math.Round(weekly * weeks, 2, MidpointRounding.AwayFromZero), Math.Round(weeks, 2));
    }
}

/// <summary>
/// A postcode district (the outward code: "PR1", "BB11", "EC1A"): where a package is, without the address. A full
/// postcode ("PR1 8XJ") is refused, so that no request holds more than matching needs.
/// </summary>
public static partial class PostcodeDistrict
{
    public static string? Normalise(string? text)
    {
        var value = text?.Trim().ToUpperInvariant();
        return value is not null && Pattern().IsMatch(value) ? value : null;
    }

    [GeneratedRegex(@"^[A-Z]{1,2}[0-9][0-9A-Z]?$")]
    private static partial Regex Pattern();
}
