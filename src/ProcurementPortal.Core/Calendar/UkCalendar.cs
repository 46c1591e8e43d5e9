namespace ProcurementPortal.Core.Calendar;

/// <summary>
/// Days as council procedure counts them: working days skip weekends and the England and Wales bank holidays
/// (gov.uk/bank-holidays, 2024–2030); "clear days" leave out both the day that starts a period and the day that
/// ends it. See docs/adr/017 for the reading of the forward-plan and call-in rules.
/// </summary>
public static class UkCalendar
{
    public const int FirstYear = 2024;
    public const int LastYear = 2030;

    /// <summary>England and Wales bank holidays, substitute days included, as gov.uk publishes them.</summary>
    private static readonly HashSet<DateOnly> BankHolidays =
    [
        D(2024, 1, 1), D(2024, 3, 29), D(2024, 4, 1), D(2024, 5, 6), D(2024, 5, 27), D(2024, 8, 26), D(2024, 12, 25), D(2024, 12, 26),
        D(2025, 1, 1), D(2025, 4, 18), D(2025, 4, 21), D(2025, 5, 5), D(2025, 5, 26), D(2025, 8, 25), D(2025, 12, 25), D(2025, 12, 26),
        D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 4), D(2026, 5, 25), D(2026, 8, 31), D(2026, 12, 25), D(2026, 12, 28),
        D(2027, 1, 1), D(2027, 3, 26), D(2027, 3, 29), D(2027, 5, 3), D(2027, 5, 31), D(2027, 8, 30), D(2027, 12, 27), D(2027, 12, 28),
        D(2028, 1, 3), D(2028, 4, 14), D(2028, 4, 17), D(2028, 5, 1), D(2028, 5, 29), D(2028, 8, 28), D(2028, 12, 25), D(2028, 12, 26),
        D(2029, 1, 1), D(2029, 3, 30), D(2029, 4, 2), D(2029, 5, 7), D(2029, 5, 28), D(2029, 8, 27), D(2029, 12, 25), D(2029, 12, 26),
        D(2030, 1, 1), D(2030, 4, 19), D(2030, 4, 22), D(2030, 5, 6), D(2030, 5, 27), D(2030, 8, 26), D(2030, 12, 25), D(2030, 12, 26),
    ];

    /// <summary>
    /// Whether a decision on this day can be dated: the calendar must know the bank holidays of the notice period
    /// before it and the call-in period after it.
    /// </summary>
    public static bool CoversDecisionOn(DateOnly day) => day >= new DateOnly(FirstYear, 3, 1) && day <= new DateOnly(LastYear, 11, 30);

    public static bool IsBankHoliday(DateOnly day)
    {
        Check(day);
        return BankHolidays.Contains(day);
    }

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(day);

    /// <summary>The <paramref name="count"/>th working day after <paramref name="day"/> (the day itself not counted).</summary>
    public static DateOnly AddWorkingDays(DateOnly day, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var current = day;
        for (var counted = 0; counted < count;)
        {
            current = current.AddDays(1);
            if (IsWorkingDay(current)) counted++;
        }
        return current;
    }

    /// <summary>The working day on or before <paramref name="day"/>.</summary>
    public static DateOnly WorkingDayOnOrBefore(DateOnly day)
    {
        var current = day;
        while (!IsWorkingDay(current)) current = current.AddDays(-1);
        return current;
    }

    /// <summary>Whole days strictly between two days: neither the first nor the last counts.</summary>
    public static int ClearDaysBetween(DateOnly first, DateOnly last) => Math.Max(0, last.DayNumber - first.DayNumber - 1);

    /// <summary>Working days strictly between two days: neither the first nor the last counts.</summary>
    public static int ClearWorkingDaysBetween(DateOnly first, DateOnly last)
    {
        var count = 0;
        for (var day = first.AddDays(1); day < last; day = day.AddDays(1))
        {
            if (IsWorkingDay(day)) count++;
        }
        return count;
    }

    /// <summary>
    /// The last working day on which a notice can be published and still leave <paramref name="clearDays"/> clear
    /// (calendar) days before <paramref name="decision"/>: neither the notice day nor the decision day counts.
    /// </summary>
    public static DateOnly LatestNoticeDay(DateOnly decision, int clearDays) =>
        WorkingDayOnOrBefore(decision.AddDays(-(clearDays + 1)));

    /// <summary>
    /// The last day of a period of <paramref name="clearWorkingDays"/> clear working days after <paramref name="decision"/>
    /// (the decision day does not count; weekends and bank holidays do not count).
    /// </summary>
    public static DateOnly EndOfClearWorkingDays(DateOnly decision, int clearWorkingDays) =>
        AddWorkingDays(decision, clearWorkingDays);

    private static void Check(DateOnly day)
    {
        if (day.Year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day,
                $"The bank holiday calendar covers {FirstYear} to {LastYear}; {day:yyyy-MM-dd} is outside it.");
        }
    }

    private static DateOnly D(int year, int month, int day) => new(year, month, day);
}
