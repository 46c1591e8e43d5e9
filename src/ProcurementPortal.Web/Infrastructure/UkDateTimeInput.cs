using System.Globalization;
using System.Text.RegularExpressions;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>
/// A GOV.UK date input (day, month, year) with a time field, as a person in the UK types it: read as Europe/London
/// wall-clock time and turned into a UTC instant. Rendered by <c>&lt;govuk-date-time for="..."&gt;</c>.
/// </summary>
public sealed partial class UkDateTimeInput
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }
    /// <summary>24-hour ("17:30") or 12-hour ("5:30pm", "9am") time; "midday" and "midnight" too.</summary>
    public string? Time { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month)
        && string.IsNullOrWhiteSpace(Year) && string.IsNullOrWhiteSpace(Time);

    public static UkDateTimeInput From(DateTime? utc)
    {
        if (utc is not { } value)
        {
            return new UkDateTimeInput();
        }
        var uk = UkTime.ToUk(value);
        return new UkDateTimeInput
        {
            Day = uk.Day.ToString(CultureInfo.InvariantCulture),
            Month = uk.Month.ToString(CultureInfo.InvariantCulture),
            Year = uk.Year.ToString(CultureInfo.InvariantCulture),
            Time = uk.ToString("HH:mm", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>
    /// The UTC instant entered, or null when the fields are blank or wrong (then an error for <paramref name="field"/>
    /// says what to fix, in GOV.UK's words, naming the field as <paramref name="what"/>).
    /// </summary>
    public DateTimeOffset? Read(Errors errors, string field, string what)
    {
        if (IsBlank)
        {
            return null;
        }
        var missing = new[] { ("day", Day), ("month", Month), ("year", Year) }
            .Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0)
        {
            errors.Add(field, $"The {what} must include a {string.Join(" and ", missing)}");
            return null;
        }
        if (!int.TryParse(Day, out var d) || !int.TryParse(Month, out var m) || !int.TryParse(Year, out var y)
            || y is < 1000 or > 9999 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            errors.Add(field, $"The {what} must be a real date");
            return null;
        }
        if (string.IsNullOrWhiteSpace(Time))
        {
            errors.Add(field, $"Enter the time of the {what}");
            return null;
        }
        if (ParseTime(Time) is not { } time)
        {
            errors.Add(field, $"Enter the time of the {what} like 12:00, 17:30 or 5:30pm");
            return null;
        }
        if (!UkTime.TryToUtc(new DateOnly(y, m, d), time, out var utc))
        {
            errors.Add(field, $"The clocks go forward then, so that time does not exist in the UK: choose another time for the {what}");
            return null;
        }
        return new DateTimeOffset(utc);
    }

    public static TimeOnly? ParseTime(string text)
    {
        var t = text.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (t is "midday" or "noon")
        {
            return new TimeOnly(12, 0);
        }
        if (t == "midnight")
        {
            return TimeOnly.MinValue;
        }
        var match = TimePattern().Match(t);
        if (!match.Success)
        {
            return null;
        }
        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var meridiem = match.Groups["ampm"].Value;
        if (meridiem.Length > 0)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }
            hour = hour % 12 + (meridiem == "pm" ? 12 : 0);
        }
        else if (!match.Groups["m"].Success)
        {
            return null; // "9" alone: morning or evening?
        }
        return hour is >= 0 and <= 23 && minute is >= 0 and <= 59 ? new TimeOnly(hour, minute) : null;
    }

    [GeneratedRegex(@"^(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?(?<ampm>am|pm)?$")]
    private static partial Regex TimePattern();
}
