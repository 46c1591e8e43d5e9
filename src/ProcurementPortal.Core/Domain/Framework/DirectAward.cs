using System.Text.Json.Serialization;

namespace ProcurementPortal.Core.Domain.Framework;

/// <summary>The framework's objective mechanism for awarding a call-off directly, without competition.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DirectAwardRule>))]
public enum DirectAwardRule
{
    /// <summary>The active member ranked highest on the framework's evaluation.</summary>
    HighestRanked = 1,
    /// <summary>The active member with the lowest framework rate for the need band.</summary>
    LowestRate,
}

/// <summary>
/// A lot's member as the mechanism reads it: its framework rank, status, agreed rate for the need band (null when it has
/// none) and spare capacity: the hours a week it has stated it can take less the hours of its live call-offs on the lot
/// (null when it has stated none).
/// </summary>
public sealed record DirectAwardCandidate(Guid MemberId, string ProviderName, int? Rank, MemberStatus Status, decimal? BandRate, decimal? SpareHoursPerWeek = null)
{
    /// <summary>Room for <paramref name="hoursPerWeek"/> more: always, when the member has stated no capacity.</summary>
    public bool HasCapacityFor(decimal hoursPerWeek) => SpareHoursPerWeek is not { } spare || spare >= hoursPerWeek;
}

/// <summary>
/// The objective mechanism for a direct award on a lot, as the direct-award page states it. Only active members are
/// considered (suspended and departed members are skipped). A pure function: the same members always give the same provider.
/// </summary>
public static class DirectAwardMechanism
{
    public static string Describe(DirectAwardRule rule) => rule switch
    {
        DirectAwardRule.HighestRanked =>
            "Highest-ranked active member with capacity: the active member ranked highest in the framework's evaluation that has room for " +
            "the package's hours. Suspended members are skipped." + CapacityText,
        DirectAwardRule.LowestRate =>
            "Lowest rate for the need band: the active member whose framework rate for the band is lowest. Ties go to the member " +
            "ranked higher on the framework, then to the provider's name in alphabetical order. Suspended members are skipped." + CapacityText,
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    private const string CapacityText =
        " A member whose recorded capacity, less the hours of its live call-offs on the lot, is below the package's hours a week is " +
        "skipped; a member with no recorded capacity is not.";

    /// <summary>
    /// The member the rule proposes for a package of <paramref name="hoursPerWeek"/>, or null when no active member can
    /// take it (none, none with a rate for the band, or none with room for the hours).
    /// </summary>
    public static DirectAwardCandidate? Propose(DirectAwardRule rule, IEnumerable<DirectAwardCandidate> members, decimal hoursPerWeek)
    {
        var eligible = members.Where(m => m.Status == MemberStatus.Active && m.BandRate is not null && m.HasCapacityFor(hoursPerWeek));
        var ordered = rule switch
        {
            DirectAwardRule.HighestRanked => eligible.OrderBy(m => m.Rank ?? int.MaxValue),
            DirectAwardRule.LowestRate => eligible.OrderBy(m => m.BandRate).ThenBy(m => m.Rank ?? int.MaxValue),
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
        return ordered.ThenBy(m => m.ProviderName, StringComparer.Ordinal).ThenBy(m => m.MemberId).FirstOrDefault();
    }
}
