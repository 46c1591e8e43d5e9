using System.Globalization;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>Times are stored in UTC and entered and shown in UK time (Europe/London), GMT or BST as the date falls.</summary>
public static class UkTime
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static DateTime ToUk(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);

    /// <summary>"25 November 2026 at 3:04pm", the GOV.UK style for a date and time.</summary>
    public static string Format(DateTime utc)
    {
        var uk = ToUk(utc);
        return $"{uk.ToString("d MMMM yyyy", English)} at {uk.ToString("h:mm", English)}{(uk.Hour < 12 ? "am" : "pm")}";
    }

    /// <summary>The UTC instant at which a UK calendar day begins.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), London);
}
