namespace ProcurementPortal.Core.Demo;

/// <summary>
/// Lambeth's Integrated Personalised Support Alliance for adult mental health (Cabinet, 9 February 2015): Lambeth
/// Council and NHS Lambeth CCG pool a £12.285m budget under a Section 75 agreement (CCG 57.6%, Council 42.4%) for 190
/// people now in residential spot placements and in-patient rehabilitation, with 23% savings (£2.8m) from year 2, when
/// the contract is worth £9.375m a year; two years with the option of a third. The three weekly bands and the split of
/// the 190 people between them are this portal's demo figures.
/// </summary>
public static class LambethIpsa
{
    public const string Title = "Integrated Personalised Support Alliance (IPSA): adult mental health";
    public const string Description = "Personalised recovery packages of care, support and housing for 190 people now in residential spot placements and in-patient rehabilitation, delivered by an alliance of providers with Lambeth Council and NHS Lambeth CCG.";
    public const decimal CurrentAnnualSpend = 12_285_000m;
    public const decimal AnnualBudget = 9_375_000m;
    public const int ContractTermMonths = 24;
    public const string ExtensionOptions = "One optional extension of 12 months";
    public const decimal CcgSharePercent = 57.6m;
    public const decimal CouncilSharePercent = 42.4m;
    public const string LotName = "Community rehabilitation and recovery";

    /// <summary>190 people, paid by the week (52 weeks a year).</summary>
    public static readonly DemoBand[] Bands =
    [
        new("B1", "Intensive support", "Intensive care and support on moving on from rehabilitation or residential care", "Week", 1_400m, 40 * 52m),
        new("B2", "High support", "Daily support in their own settled accommodation", "Week", 950m, 70 * 52m),
        new("B3", "Recovery support", "Recovery focused support a few times a week, with a personal budget", "Week", 600m, 80 * 52m),
    ];
}
