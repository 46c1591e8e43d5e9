using ProcurementPortal.Core.Domain.Award;

namespace ProcurementPortal.Core.Calendar;

/// <summary>
/// The shipped England and Wales bank holidays (<see cref="UkCalendar"/>) plus the days a tenant adds: the working
/// days of ARCHITECTURE.md ("a table the app ships and an admin can extend").
/// </summary>
public sealed class WorkingCalendar(IEnumerable<DateOnly> extraNonWorkingDays)
{
    private readonly HashSet<DateOnly> _extra = [.. extraNonWorkingDays];

    public static readonly WorkingCalendar Shipped = new([]);

    public bool IsWorkingDay(DateOnly day) => UkCalendar.IsWorkingDay(day) && !_extra.Contains(day);

    public DateOnly NextWorkingDayOnOrAfter(DateOnly day)
    {
        var current = day;
        while (!IsWorkingDay(current)) current = current.AddDays(1);
        return current;
    }
}

/// <summary>When a standstill ends, as an instant (UTC) and as the last day counted (Europe/London).</summary>
public sealed record StandstillEnd(DateOnly LastDay, DateTime EndsAtUtc);

public static class Standstill
{
    public const int ActWorkingDays = 8;
    public const int RegulationsCalendarDays = 10;

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>
    /// Procurement Act 2023 s.51(2)–(3): the mandatory standstill period is 8 working days beginning with the day the
    /// contract award notice is published (so that day counts when it is a working day) and ends at midnight at the
    /// end of the eighth. PCR 2015 reg. 87(2)(a) and (4): 10 days beginning with the day after the letters are sent
    /// electronically, ending at midnight at the end of the tenth, moved to the end of the next working day when the
    /// tenth is not one.
    /// </summary>
    public static StandstillEnd EndOf(StandstillRegime regime, DateTime noticePublishedUtc, DateTime lettersSentUtc, WorkingCalendar calendar)
    {
        DateOnly last;
        if (regime == StandstillRegime.ProcurementAct2023)
        {
            var day = calendar.NextWorkingDayOnOrAfter(LondonDay(noticePublishedUtc));
            for (var counted = 1; counted < ActWorkingDays;)
            {
                day = day.AddDays(1);
                if (calendar.IsWorkingDay(day)) counted++;
            }
            last = day;
        }
        else
        {
            last = calendar.NextWorkingDayOnOrAfter(LondonDay(lettersSentUtc).AddDays(RegulationsCalendarDays));
        }
        return new StandstillEnd(last, MidnightAfter(last));
    }

    public static DateOnly LondonDay(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London));

    /// <summary>Midnight at the end of a London day, as UTC (23:00 the day before in summer time, 00:00 in winter).</summary>
    public static DateTime MidnightAfter(DateOnly londonDay) =>
        TimeZoneInfo.ConvertTimeToUtc(londonDay.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), London);
}
