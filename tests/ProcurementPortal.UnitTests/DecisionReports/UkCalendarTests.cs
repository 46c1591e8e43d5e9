using ProcurementPortal.Core.Calendar;

namespace ProcurementPortal.UnitTests.DecisionReports;

public sealed class UkCalendarTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    [InlineData(2026, 12, 28)] // Boxing Day falls on a Saturday: the substitute is Monday
    [InlineData(2027, 12, 27)] // Christmas Day on a Saturday
    [InlineData(2027, 12, 28)] // Boxing Day on a Sunday
    [InlineData(2028, 1, 3)]   // New Year's Day on a Saturday
    [InlineData(2027, 3, 26)]  // Good Friday
    [InlineData(2027, 3, 29)]  // Easter Monday
    [InlineData(2026, 8, 31)]  // Summer bank holiday
    public void Bank_holidays_of_England_and_Wales_are_not_working_days(int y, int m, int d)
    {
        Assert.True(UkCalendar.IsBankHoliday(D(y, m, d)));
        Assert.False(UkCalendar.IsWorkingDay(D(y, m, d)));
    }

    [Fact]
    public void Weekends_are_not_working_days_and_ordinary_weekdays_are()
    {
        Assert.False(UkCalendar.IsWorkingDay(D(2027, 2, 6)));  // Saturday
        Assert.False(UkCalendar.IsWorkingDay(D(2027, 2, 7)));  // Sunday
        Assert.True(UkCalendar.IsWorkingDay(D(2027, 2, 8)));   // Monday
        Assert.False(UkCalendar.IsBankHoliday(D(2026, 12, 26))); // a Saturday, not itself the holiday
    }

    [Fact]
    public void Clear_days_leave_out_the_first_and_the_last_day()
    {
        Assert.Equal(28, UkCalendar.ClearDaysBetween(D(2027, 1, 10), D(2027, 2, 8)));
        Assert.Equal(0, UkCalendar.ClearDaysBetween(D(2027, 2, 8), D(2027, 2, 9)));
        // Friday to the next Monday but one: the weekend between does not count as working days.
        Assert.Equal(5, UkCalendar.ClearWorkingDaysBetween(D(2027, 2, 5), D(2027, 2, 15)));
    }

    [Fact]
    public void A_notice_leaves_28_clear_days_and_is_published_on_a_working_day()
    {
        // Decision on Tuesday 9 March 2027: 29 days before is Monday 8 February, a working day.
        Assert.Equal(D(2027, 2, 8), UkCalendar.LatestNoticeDay(D(2027, 3, 9), 28));
        Assert.Equal(28, UkCalendar.ClearDaysBetween(D(2027, 2, 8), D(2027, 3, 9)));
        // Decision on Monday 8 February 2027: 29 days before is Sunday 10 January, so the notice goes out on Friday 8 January.
        Assert.Equal(D(2027, 1, 8), UkCalendar.LatestNoticeDay(D(2027, 2, 8), 28));
        // Decision on Tuesday 29 September 2026: 29 days before is the summer bank holiday, so Friday 28 August.
        Assert.Equal(D(2026, 8, 28), UkCalendar.LatestNoticeDay(D(2026, 9, 29), 28));
        Assert.True(UkCalendar.ClearDaysBetween(D(2026, 8, 28), D(2026, 9, 29)) >= 28);
    }

    [Fact]
    public void Call_in_runs_five_clear_working_days_past_weekends_and_bank_holidays()
    {
        // Monday 8 February 2027: Tuesday to Friday, then Monday 15th.
        Assert.Equal(D(2027, 2, 15), UkCalendar.EndOfClearWorkingDays(D(2027, 2, 8), 5));
        // Thursday 24 December 2026: Christmas Day, the weekend, the Boxing Day substitute and New Year's Day are skipped.
        Assert.Equal(D(2027, 1, 5), UkCalendar.EndOfClearWorkingDays(D(2026, 12, 24), 5));
        Assert.Equal(4, UkCalendar.ClearWorkingDaysBetween(D(2026, 12, 24), D(2027, 1, 5)));
        // Thursday 25 March 2027: Good Friday, the weekend and Easter Monday are skipped.
        Assert.Equal(D(2027, 4, 5), UkCalendar.EndOfClearWorkingDays(D(2027, 3, 25), 5));
    }

    [Fact]
    public void A_day_outside_the_known_years_is_refused_rather_than_guessed()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UkCalendar.IsWorkingDay(D(2031, 1, 6)));
        Assert.False(UkCalendar.CoversDecisionOn(D(2030, 12, 20)));
        Assert.True(UkCalendar.CoversDecisionOn(D(2027, 2, 8)));
    }
}
