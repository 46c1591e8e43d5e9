using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.DecisionReports;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Core.Demo;

/// <summary>
/// The Leeds Community Based Mental Health Service (MH 3rd Sector Commissioned Services, Leeds DLT, 23 November 2016):
/// three services costing £1,334,697 a year procured as one, the budget cut by 10% to £1,201,227, a saving of
/// £133,470. The procurement and its approved decision report, as demo data.
/// </summary>
public static class LeedsCbmhs
{
    public const string Title = "Community Based Mental Health Service";

    /// <summary>The register references of the four contracts the waiver extends.</summary>
    public const string WaiverContractPrefix = "ASC-MH-01";

    public const string WaiverTitle = "Waiver: extend four mental health third sector contracts for a year while the new service is procured";

    public static Procurement Procurement() => new()
    {
        Title = Title,
        Description = "One community based mental health service in place of the Leeds Mind, Touchstone and Community Links services: information, a single point of access and assessment, recovery focused support.",
        CpvCode = "85312000-9",
        CurrentAnnualSpend = 1_334_697m,
        AnnualBudget = 1_201_227m,
        ContractTermMonths = 60,
        PriceWeight = 40m,
    };

    public static DecisionReport Report(Procurement procurement, DateTime now) => new()
    {
        SubjectId = procurement.Id,
        Title = "Community Based Mental Health Service: approval to procure",
        SummaryOfMainIssues = "Three third sector services (Touchstone, Community Links and Leeds Mind) provide support at the continuity end of the mental health framework. They are to be procured as one community based mental health service, specified for recovery, continuity and sustainment.",
        Recommendations = "Agree that the procurement exercise for a Community Based Mental Health Service commences in early 2017/18 and that the budget for the service is reduced by 10 percent once it has been procured.",
        Background = "The contracts date from the old mental health support grant. The obligation to retender was last waived until March 2017, to align this procurement with the mental health framework agreed in September 2016.",
        Options =
        [
            new() { Option = "Undertake a procurement exercise for a single service", Benefits = "Savings can be made. Easier for service users to navigate.", Risks = "Destabilising the current status quo.", Cost = 1_201_227m, Preferred = true },
            new() { Option = "Undertake three separate procurement exercises", Benefits = "Nothing changes for the services and users.", Risks = "Difficult to achieve value for money. Complicated for service users to navigate services.", Cost = 1_334_697m },
        ],
        BudgetReductionPercent = 10m,
        ConsultationAndEngagement = "The commissioning manager has met the current providers regularly; they are aware of the need to merge their services to offer better value.",
        Equality = ProtectedCharacteristics.All.Select(c => new EqualityAssessment
        {
            Characteristic = c,
            Impact = c == "Disability" ? EqualityImpact.Positive : c == "Race" || c == "Sex" ? EqualityImpact.Unsure : EqualityImpact.Neutral,
            Evidence = c switch
            {
                "Disability" => "People with mental health needs get one point of access and recovery focused support.",
                "Race" or "Sex" => "Dosti, a service for Asian women, is to be folded into the new service: its users' access will be monitored.",
                _ => "No differential impact was found.",
            },
        }).ToList(),
        LegalImplications = "The procurement follows the Council's contract procedure rules and the Public Contracts Regulations 2015 light-touch regime.",
        FinancialImplications = "The saving of £133,470 a year counts towards the Adult Social Care savings for 2018/19.",
        DecisionMaker = "Director of Adults and Health (delegated decision panel)",
        DecisionDate = new DateOnly(2027, 2, 8),
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>
    /// The four contracts the paper's first recommendation would extend for a year by a waiver while the new service is
    /// procured (Leeds Mind without its employment element, Touchstone, Community Links, WCTS), at their annual values,
    /// dated ten years on like the rest of the demo: let under the old grant, last waived to 31 March 2027.
    /// </summary>
    public static IReadOnlyList<Contract> ContractsToExtend(Guid ownerUserId, DateTime now) =>
    [
        Existing("ASC-MH-0101", "Leeds Mind", "Inkwell and wellbeing service (without the employment element)", 351_953m, ownerUserId, now),
        Existing("ASC-MH-0102", "Touchstone", "Support centre and community support team", 596_596m, ownerUserId, now),
        Existing("ASC-MH-0103", "Community Links", "Mental health support service", 385_248m, ownerUserId, now),
        Existing("ASC-MH-0104", "Women's Counselling and Therapy Service", "Counselling and therapy for women", 143_340m, ownerUserId, now),
    ];

    /// <summary>The last waiver, recorded as each contract's extension history: a year to 31 March 2027.</summary>
    public static ContractExtension LastWaiver(Contract contract, DateTime now) => new()
    {
        ContractId = contract.Id,
        PreviousEndsOn = new DateOnly(2026, 3, 31),
        NewEndsOn = contract.EndsOn,
        AddedValue = contract.AnnualValue,
        Authority = "Waiver (DDP report), to align the procurement with the mental health framework",
        RecordedAt = now,
        RecordedByName = "Adults and Health commissioning",
    };

    private static Contract Existing(string reference, string provider, string title, decimal annual, Guid owner, DateTime now) => new()
    {
        Reference = reference,
        Title = title,
        ProviderName = provider,
        LotName = "Mental health third sector services",
        StartsOn = new DateOnly(2014, 4, 1),
        EndsOn = new DateOnly(2027, 3, 31),
        AnnualValue = annual,
        Value = annual * 13,
        OwnerUserId = owner,
        CreatedAt = now,
    };

    public const string LotName = "Community based mental health service";

    /// <summary>
    /// The tender's fee bands (this portal's demo figures): at their ceilings they cost £1,192,000 a year, within the
    /// paper's budget of £1,201,227.
    /// </summary>
    public static readonly DemoBand[] Bands =
    [
        new("B1", "Information and access", "Information, a single point of access and assessment", "Session", 95m, 2_600m),
        new("B2", "Recovery support", "Recovery focused one-to-one support", "Hour", 21.50m, 30_000m),
        new("B3", "Sustainment", "Peer and group support to stay well", "Session", 60m, 5_000m),
    ];
}
