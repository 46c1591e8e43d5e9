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
    public static Procurement Procurement() => new()
    {
        Title = "Community Based Mental Health Service",
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
}
