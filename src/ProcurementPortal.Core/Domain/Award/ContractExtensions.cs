using System.Globalization;
using System.Text.RegularExpressions;

namespace ProcurementPortal.Core.Domain.Award;

/// <summary>One extension option of a contract: its number, its length and the day it must be decided by.</summary>
public sealed record ExtensionOption(int Number, int Months, DateOnly DecisionOn, DateOnly ExtendsTo);

/// <summary>
/// Reads a contract's extension options as tenders write them ("2 + 1 years", "12 + 12 months", "1 year") and dates
/// each one's decision: an option must be taken up before the term it would extend ends (Lambeth: 2 years + 1
/// optional), so option 1 is decided by the contract's end date and each later option by the end of the one before.
/// Anything it cannot read gives no options (the text is still shown as written).
/// </summary>
public static partial class ContractExtensions
{
    public static IReadOnlyList<ExtensionOption> Options(DateOnly endsOn, string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || Pattern().Match(text.Trim()) is not { Success: true } match)
        {
            return [];
        }
        var inMonths = text.Contains("month", StringComparison.OrdinalIgnoreCase) && !text.Contains("year", StringComparison.OrdinalIgnoreCase);
        var perUnit = inMonths ? 1 : 12;
        var options = new List<ExtensionOption>();
        var decision = endsOn;
        foreach (var (capture, i) in match.Groups["n"].Captures.Select((c, i) => (c, i)))
        {
            var months = int.Parse(capture.Value, CultureInfo.InvariantCulture) * perUnit;
            var extendsTo = decision.AddDays(1).AddMonths(months).AddDays(-1);
            options.Add(new ExtensionOption(i + 1, months, decision, extendsTo));
            decision = extendsTo;
        }
        return options;
    }

    [GeneratedRegex(@"^(?<n>\d{1,2})(?:\s*(?:years?|months?))?(?:\s*\+\s*(?<n>\d{1,2})(?:\s*(?:years?|months?))?)*\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
