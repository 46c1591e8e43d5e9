using System.Globalization;
using ProcurementPortal.Core.Domain.MarketIntent;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>
/// Times are stored in UTC and entered and shown in UK time (Europe/London), GMT or BST as the date falls. The
/// conversions themselves are <see cref="UkEventTime"/>'s (Core); this adds the page formats.
/// </summary>
public static class UkTime
{
    public static TimeZoneInfo London => UkEventTime.London;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static DateTime ToUk(DateTime utc) => UkEventTime.ToUkOffset(utc).DateTime;

    /// <summary>"25 November 2026 at 3:04pm", the GOV.UK style for a date and time.</summary>
    public static string Format(DateTime utc)
    {
        var uk = ToUk(utc);
        return $"{uk.ToString("d MMMM yyyy", English)} at {uk.ToString("h:mm", English)}{(uk.Hour < 12 ? "am" : "pm")}";
    }

    /// <summary>The UTC instant at which a UK calendar day begins.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), London);

    /// <summary>"12:00pm on 9 January 2027 (GMT)": a deadline, naming the UK offset in force then (GMT, or BST = UTC+1).</summary>
    public static string FormatDeadline(DateTime utc)
    {
        var uk = ToUk(utc);
        var zone = London.IsDaylightSavingTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) ? "BST" : "GMT";
        return $"{uk.ToString("h:mm", English)}{(uk.Hour < 12 ? "am" : "pm")} on {uk.ToString("d MMMM yyyy", English)} ({zone})";
    }

    /// <summary>
    /// The UTC instant of a UK date and wall-clock time. False for a time the clocks skip (the hour from 1am on the
    /// last Sunday in March); a time that happens twice (late October) is taken as the first, in BST.
    /// </summary>
    public static bool TryToUtc(DateOnly day, TimeOnly time, out DateTime utc)
    {
        var converted = UkEventTime.ToUtc(day, time);
        utc = converted ?? default;
        return converted is not null;
    }
}
