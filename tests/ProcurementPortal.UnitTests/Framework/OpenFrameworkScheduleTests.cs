using ProcurementPortal.Core.Domain.Framework;

namespace ProcurementPortal.UnitTests.Framework;

public sealed class OpenFrameworkScheduleTests
{
    private static readonly DateOnly FirstAward = new(2026, 1, 15);

    private static IReadOnlyList<(string Field, string Message)> Problems(DateOnly endsOn, params DateOnly[] reopenings) =>
        OpenFrameworkSchedule.Problems(FirstAward, reopenings, endsOn);

    [Fact]
    public void A_scheme_may_run_to_the_day_before_the_eighth_anniversary_of_the_first_award()
    {
        Assert.Equal(new DateOnly(2034, 1, 14), OpenFrameworkSchedule.LatestEnd(FirstAward));
        Assert.Empty(Problems(new DateOnly(2034, 1, 14), new DateOnly(2028, 6, 1), new DateOnly(2031, 6, 1)));
    }

    [Fact]
    public void A_scheme_ending_more_than_eight_years_after_the_first_award_is_refused()
    {
        var problem = Assert.Single(Problems(new DateOnly(2034, 1, 15), new DateOnly(2028, 6, 1), new DateOnly(2031, 6, 1)));
        Assert.Equal("EndsOn", problem.Field);
        Assert.Contains("14 January 2034", problem.Message);
    }

    [Fact]
    public void The_first_reopening_must_come_within_three_years_of_the_first_award()
    {
        Assert.Empty(Problems(new DateOnly(2030, 1, 1), new DateOnly(2029, 1, 14)));
        var problem = Assert.Single(Problems(new DateOnly(2030, 1, 1), new DateOnly(2029, 1, 15)));
        Assert.Equal("Reopenings", problem.Field);
        Assert.Contains("within 3 years", problem.Message);
    }

    [Fact]
    public void A_gap_of_more_than_five_years_between_reopenings_is_refused()
    {
        var problem = Assert.Single(Problems(new DateOnly(2034, 1, 14), new DateOnly(2027, 1, 1), new DateOnly(2032, 1, 1)));
        Assert.Contains("within 5 years of reopening 1", problem.Message);
    }

    [Fact]
    public void A_scheme_running_more_than_five_years_after_its_last_reopening_is_refused()
    {
        var problem = Assert.Single(Problems(new DateOnly(2034, 1, 14), new DateOnly(2027, 1, 1)));
        Assert.Contains("more than 5 years after the last reopening", problem.Message);
    }

    [Fact]
    public void An_open_framework_needs_a_reopening_in_order_and_inside_the_scheme()
    {
        Assert.Contains(Problems(new DateOnly(2030, 1, 1)), p => p.Field == "Reopenings" && p.Message.Contains("at least one"));
        Assert.Contains(Problems(new DateOnly(2030, 1, 1), new DateOnly(2028, 1, 1), new DateOnly(2027, 1, 1)), p => p.Message.Contains("must come after reopening 1"));
        Assert.Contains(Problems(new DateOnly(2027, 1, 1), new DateOnly(2028, 1, 1)), p => p.Message.Contains("before the scheme ends"));
    }

    [Fact]
    public void The_next_award_is_due_three_years_after_the_first_then_five_after_the_last()
    {
        Assert.Equal(new DateOnly(2029, 1, 14), OpenFrameworkSchedule.LatestNextAward(FirstAward, null));
        Assert.Equal(new DateOnly(2033, 3, 9), OpenFrameworkSchedule.LatestNextAward(FirstAward, new DateOnly(2028, 3, 10)));
    }

    [Fact]
    public void A_reopening_is_due_sixty_days_ahead_and_a_started_round_counts_for_it()
    {
        var reopenings = new[] { new DateOnly(2028, 6, 1), new DateOnly(2031, 6, 1) };
        var ends = new DateOnly(2034, 1, 14);
        Assert.Empty(OpenFrameworkSchedule.Due(FirstAward, reopenings, ends, 0, null, new DateOnly(2028, 4, 1)));
        var due = Assert.Single(OpenFrameworkSchedule.Due(FirstAward, reopenings, ends, 0, null, new DateOnly(2028, 4, 2)));
        Assert.Equal((SchemeDueKind.ReopeningDue, new DateOnly(2028, 6, 1)), (due.Kind, due.DueOn));
        Assert.Empty(OpenFrameworkSchedule.Due(FirstAward, reopenings, ends, 1, new DateOnly(2028, 6, 1), new DateOnly(2028, 4, 2)));
    }

    [Fact]
    public void The_latest_lawful_award_is_warned_of_until_a_round_is_awarded()
    {
        var latest = OpenFrameworkSchedule.Due(FirstAward, [new DateOnly(2028, 6, 1)], new DateOnly(2033, 5, 31), 1, null, new DateOnly(2028, 12, 1));
        var due = Assert.Single(latest);
        Assert.Equal((SchemeDueKind.LatestAward, new DateOnly(2029, 1, 14)), (due.Kind, due.DueOn));
    }
}
