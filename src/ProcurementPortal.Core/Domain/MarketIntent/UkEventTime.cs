using System.Globalization;

namespace ProcurementPortal.Core.Domain.MarketIntent;

/// <summary>Event times are entered and shown in UK time (Europe/London) and stored in UTC.</summary>
public static class UkEventTime
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The UK offset in force at a UTC instant, as the API shows times.</summary>
    public static DateTimeOffset ToUkOffset(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), London);

    /// <summary>
    /// The UTC instant of a UK wall-clock time; null when the time does not exist that day (the clocks go forward).
    /// An hour that happens twice (the clocks go back) is read as the first, summer-time one.
    /// </summary>
    public static DateTime? ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (London.IsInvalidTime(local))
        {
            return null;
        }
        var offset = London.IsAmbiguousTime(local) ? London.GetAmbiguousTimeOffsets(local).Max() : London.GetUtcOffset(local);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    /// <summary>"Monday 5 December 2016, 10am to 12:30pm", the GOV.UK style for a time range on one day.</summary>
    public static string Range(DateTime startsAtUtc, DateTime endsAtUtc)
    {
        var start = ToUkOffset(startsAtUtc).DateTime;
        var end = ToUkOffset(endsAtUtc).DateTime;
        var day = start.ToString("dddd d MMMM yyyy", English);
        return start.Date == end.Date
            ? $"{day}, {Clock(start)} to {Clock(end)}"
            : $"{day}, {Clock(start)} to {end.ToString("dddd d MMMM yyyy", English)}, {Clock(end)}";
    }

    /// <summary>GOV.UK clock times: 10am, 12:30pm, midday, midnight.</summary>
    public static string Clock(DateTime uk) => (uk.Hour, uk.Minute) switch
    {
        (0, 0) => "midnight",
        (12, 0) => "midday",
        _ => $"{(uk.Hour % 12 == 0 ? 12 : uk.Hour % 12)}{(uk.Minute == 0 ? "" : $":{uk.Minute:00}")}{(uk.Hour < 12 ? "am" : "pm")}",
    };
}
