using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Procurements;

/// <summary>How the procurement pages word states, choices and money differences.</summary>
public static class ProcurementDisplay
{
    public static string StateText(ProcurementState state)
    {
        var text = ProcurementLifecycle.Describe(state);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>The GOV.UK tag colour for a state (the words say it too: colour is never the only sign).</summary>
    public static string StateTagClass(ProcurementState state) => state switch
    {
        ProcurementState.Draft => "govuk-tag govuk-tag--grey",
        ProcurementState.MarketEngagement => "govuk-tag govuk-tag--purple",
        ProcurementState.TenderOpen => "govuk-tag govuk-tag--blue",
        ProcurementState.Cancelled => "govuk-tag govuk-tag--red",
        ProcurementState.Awarded or ProcurementState.Live => "govuk-tag govuk-tag--green",
        _ => "govuk-tag govuk-tag--yellow",
    };

    public static string LabelOf(IReadOnlyList<Choice> choices, string value) =>
        choices.FirstOrDefault(c => c.Value == value)?.Label ?? value;

    /// <summary>Budget − cost in words: "£1.00 within budget" or "−£1.00 over budget".</summary>
    public static string Headroom(decimal? headroom) => headroom switch
    {
        null => "No budget set",
        < 0 => $"{Money.Format(headroom.Value)} over budget",
        _ => $"{Money.Format(headroom.Value)} within budget",
    };

    /// <summary>Today's spend − the new structure's cost in words.</summary>
    public static string Saving(decimal saving) => saving < 0
        ? $"{Money.Format(saving)}: the new fee structure costs {Money.Format(-saving)} a year more than today"
        : $"{Money.Format(saving)} a year less than today";

    public static string Percent(decimal value) => $"{value:0.##}%";
}
