using ProcurementPortal.Core.Domain.Framework;

namespace ProcurementPortal.UnitTests.Framework;

public sealed class DirectAwardMechanismTests
{
    private const decimal Hours = 14m;

    private static DirectAwardCandidate M(string name, int? rank, decimal? rate, MemberStatus status = MemberStatus.Active, decimal? spare = null) =>
        new(Guid.NewGuid(), name, rank, status, rate, spare);

    [Fact]
    public void A_member_without_room_for_the_packages_hours_is_skipped_and_one_with_no_recorded_capacity_is_not()
    {
        // Alpha (rank 1) has 10 spare hours a week: not enough for 14. Bravo has exactly 14. Charlie has recorded none.
        var members = new[] { M("Alpha Care", 1, 13.00m, spare: 10m), M("Bravo Care", 2, 14.00m, spare: 14m), M("Charlie Care", 3, 13.50m) };
        Assert.Equal("Bravo Care", DirectAwardMechanism.Propose(DirectAwardRule.HighestRanked, members, Hours)!.ProviderName);
        Assert.Equal("Charlie Care", DirectAwardMechanism.Propose(DirectAwardRule.LowestRate, members, Hours)!.ProviderName);
        Assert.Equal("Alpha Care", DirectAwardMechanism.Propose(DirectAwardRule.HighestRanked, members, 10m)!.ProviderName);
        Assert.Null(DirectAwardMechanism.Propose(DirectAwardRule.HighestRanked, [M("Alpha Care", 1, 13.00m, spare: 0m)], Hours));
    }

    [Fact]
    public void Highest_ranked_rule_proposes_rank_one()
    {
        var members = new[] { M("Bravo Care", 2, 14.00m), M("Alpha Care", 1, 15.75m), M("Charlie Care", 3, 13.00m) };
        Assert.Equal("Alpha Care", DirectAwardMechanism.Propose(DirectAwardRule.HighestRanked, members, Hours)!.ProviderName);
    }

    [Fact]
    public void Highest_ranked_rule_skips_a_suspended_top_ranked_member()
    {
        var members = new[] { M("Alpha Care", 1, 15.75m, MemberStatus.Suspended), M("Charlie Care", 3, 13.00m), M("Bravo Care", 2, 14.00m) };
        Assert.Equal("Bravo Care", DirectAwardMechanism.Propose(DirectAwardRule.HighestRanked, members, Hours)!.ProviderName);
    }

    [Fact]
    public void Lowest_rate_rule_proposes_the_cheapest_active_member_for_the_band()
    {
        // 13.00 is suspended; of the active members 14.00 (rank 3) is lowest.
        var members = new[] { M("Alpha Care", 1, 15.75m), M("Delta Care", 2, 13.00m, MemberStatus.Suspended), M("Charlie Care", 3, 14.00m), M("Bravo Care", 4, 14.50m) };
        Assert.Equal("Charlie Care", DirectAwardMechanism.Propose(DirectAwardRule.LowestRate, members, Hours)!.ProviderName);
    }

    [Fact]
    public void Lowest_rate_ties_go_to_the_better_rank_then_the_provider_name()
    {
        var byRank = new[] { M("Alpha Care", 4, 14.00m), M("Zulu Care", 2, 14.00m), M("Bravo Care", 1, 15.00m) };
        Assert.Equal("Zulu Care", DirectAwardMechanism.Propose(DirectAwardRule.LowestRate, byRank, Hours)!.ProviderName);
        var byName = new[] { M("Zulu Care", 3, 14.00m), M("Alpha Care", 3, 14.00m) };
        Assert.Equal("Alpha Care", DirectAwardMechanism.Propose(DirectAwardRule.LowestRate, byName, Hours)!.ProviderName);
    }

    [Fact]
    public void Members_without_a_rate_for_the_band_and_unranked_members_come_last_or_not_at_all()
    {
        var members = new[] { M("Alpha Care", 1, null), M("Bravo Care", null, 12.00m), M("Charlie Care", 5, 14.00m) };
        Assert.Equal("Charlie Care", DirectAwardMechanism.Propose(DirectAwardRule.HighestRanked, members, Hours)!.ProviderName);
        Assert.Equal("Bravo Care", DirectAwardMechanism.Propose(DirectAwardRule.LowestRate, members, Hours)!.ProviderName);
    }

    [Fact]
    public void No_active_member_means_no_proposal()
    {
        Assert.Null(DirectAwardMechanism.Propose(DirectAwardRule.HighestRanked, [M("Alpha Care", 1, 14m, MemberStatus.Suspended)], Hours));
        Assert.Null(DirectAwardMechanism.Propose(DirectAwardRule.LowestRate, [], Hours));
    }
}
