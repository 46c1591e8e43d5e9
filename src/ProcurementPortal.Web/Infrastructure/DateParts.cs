namespace ProcurementPortal.Web.Infrastructure;

/// <summary>A date as GOV.UK's date input posts it: day, month and year boxes.</summary>
public static class DateParts
{
    /// <summary>
    /// The date, or null when all three boxes are empty. A date that is not real adds "<paramref name="what"/> must be a
    /// real date" under <paramref name="field"/> (the day box, where the error summary's link lands) and gives null.
    /// </summary>
    public static DateOnly? Read(string? day, string? month, string? year, Errors errors, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(day) && string.IsNullOrWhiteSpace(month) && string.IsNullOrWhiteSpace(year))
        {
            return null;
        }
        if (int.TryParse(day, out var d) && int.TryParse(month, out var m) && int.TryParse(year, out var y)
            && y is >= 1000 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new DateOnly(y, m, d);
        }
        errors.Add(field, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be a real date");
        return null;
    }
}
