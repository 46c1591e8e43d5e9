using System.Globalization;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>Pounds and pence as people read and type them: £1,234,567.89, and −£… (a true minus sign) below zero.</summary>
public static class Money
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Format(decimal amount) =>
        (amount < 0 ? "\u2212£" : "£") + Math.Abs(amount).ToString("#,##0.00", English);

    public static string Format(decimal? amount, string missing) => amount is { } a ? Format(a) : missing;

    /// <summary>For a form field: 1234567.89 written as 1,234,567.89 (what <see cref="TryParse"/> reads back).</summary>
    public static string ForInput(decimal? amount) => amount?.ToString("#,##0.00", English) ?? "";

    /// <summary>Reads "1,234.50", "£1234.5" or " 1234 "; blank is no amount. False when it is not an amount of money.</summary>
    public static bool TryParse(string? text, out decimal? amount)
    {
        amount = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var cleaned = text.Trim().TrimStart('£').Replace(" ", "", StringComparison.Ordinal);
        if (decimal.TryParse(cleaned, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, English, out var value))
        {
            amount = value;
            return true;
        }
        return false;
    }
}
