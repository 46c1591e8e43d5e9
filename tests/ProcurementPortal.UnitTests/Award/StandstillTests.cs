using ProcurementPortal.Core.Calendar;
using ProcurementPortal.Core.Domain.Award;

namespace ProcurementPortal.UnitTests.Award;

/// <summary>Procurement Act 2023 s.51 and PCR 2015 reg. 87 against the real 2026–2027 England and Wales bank holidays.</summary>
public sealed class StandstillTests
{
    private static DateTime London(int y, int m, int d, int h = 10) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(y, m, d, h, 0, 0, DateTimeKind.Unspecified), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

    private static StandstillEnd Act(DateTime published, WorkingCalendar? calendar = null) =>
        Standstill.EndOf(StandstillRegime.ProcurementAct2023, published, published, calendar ?? WorkingCalendar.Shipped);

    [Fact]
    public void A_notice_published_on_a_working_day_counts_that_day_as_the_first_of_eight()
    {
        var end = Act(London(2026, 6, 1)); // Monday
        Assert.Equal(new DateOnly(2026, 6, 10), end.LastDay); // 1,2,3,4,5,8,9,10 June
        Assert.Equal(new DateTime(2026, 6, 10, 23, 0, 0, DateTimeKind.Utc), end.EndsAtUtc); // midnight BST
    }

    [Fact]
    public void A_notice_published_on_a_Saturday_starts_counting_on_Monday()
    {
        Assert.Equal(new DateOnly(2026, 6, 17), Act(London(2026, 6, 6)).LastDay); // 8..17 June
    }

    [Fact]
    public void Standstill_across_Christmas_and_New_Year_skips_the_substitute_Boxing_Day_and_New_Years_Day()
    {
        // 23, 24, 29, 30, 31 December 2026 (25 and 28 are bank holidays), 4, 5, 6 January 2027 (1 January is one).
        var end = Act(London(2026, 12, 23));
        Assert.Equal(new DateOnly(2027, 1, 6), end.LastDay);
        Assert.Equal(new DateTime(2027, 1, 7, 0, 0, 0, DateTimeKind.Utc), end.EndsAtUtc);
    }

    [Fact]
    public void Standstill_across_Easter_2027_skips_Good_Friday_and_Easter_Monday_and_ends_in_summer_time()
    {
        // 23, 24, 25, 30, 31 March, 1, 2, 5 April 2027 (26 and 29 March are bank holidays; clocks go forward on 28 March).
        var end = Act(London(2027, 3, 23));
        Assert.Equal(new DateOnly(2027, 4, 5), end.LastDay);
        Assert.Equal(new DateTime(2027, 4, 5, 23, 0, 0, DateTimeKind.Utc), end.EndsAtUtc);
    }

    [Fact]
    public void Standstill_across_the_October_clock_change_ends_at_midnight_Greenwich_time()
    {
        // Published Monday 19 October 2026 in summer time; the clocks go back on 25 October; the eighth day is 28 October.
        var end = Act(London(2026, 10, 19));
        Assert.Equal(new DateOnly(2026, 10, 28), end.LastDay);
        Assert.Equal(new DateTime(2026, 10, 29, 0, 0, 0, DateTimeKind.Utc), end.EndsAtUtc);
    }

    [Fact]
    public void A_notice_published_late_in_the_evening_counts_the_London_day_not_the_UTC_day()
    {
        // 23:30 on Friday 2 October 2026 in London is 22:30 UTC the same day; 00:30 on Saturday is 23:30 UTC on Friday.
        Assert.Equal(new DateOnly(2026, 10, 13), Act(London(2026, 10, 2, 23)).LastDay);
        Assert.Equal(new DateOnly(2026, 10, 14), Act(London(2026, 10, 3, 0)).LastDay);
    }

    [Fact]
    public void A_day_the_tenant_adds_is_skipped_like_a_bank_holiday()
    {
        var calendar = new WorkingCalendar([new DateOnly(2026, 6, 3)]);
        Assert.Equal(new DateOnly(2026, 6, 11), Act(London(2026, 6, 1), calendar).LastDay);
    }

    [Fact]
    public void Under_the_old_regulations_ten_days_run_from_the_letters_and_a_last_day_on_a_holiday_moves_to_the_next_working_day()
    {
        var letters = London(2026, 12, 15); // the tenth day after is Friday 25 December, then 28 December: next working day 29th
        var end = Standstill.EndOf(StandstillRegime.PublicContractsRegulations2015, letters.AddDays(5), letters, WorkingCalendar.Shipped);
        Assert.Equal(new DateOnly(2026, 12, 29), end.LastDay);
        Assert.Equal(new DateOnly(2026, 6, 11), Standstill.EndOf(StandstillRegime.PublicContractsRegulations2015, London(2026, 6, 1), London(2026, 6, 1), WorkingCalendar.Shipped).LastDay);
    }
}
