namespace ProcurementPortal.Core.Domain.DecisionReports;

/// <summary>
/// A tenant's template for decision reports: the sections in its order (a section left out is not printed) with the
/// standing text printed under each heading, and the value above which a decision is a key decision. A tenant without
/// one uses <see cref="ReportSections.Defaults"/> and £500,000.
/// </summary>
public class DecisionReportTemplate : ITenantOwned
{
    public const decimal DefaultKeyDecisionThreshold = 500_000m;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public decimal KeyDecisionThreshold { get; set; } = DefaultKeyDecisionThreshold;
    public List<TemplateSection> Sections { get; set; } = [];
    /// <summary>The contract procedure rule exemptions a waiver may rely on; <see cref="WaiverExemptions.Defaults"/> when empty.</summary>
    public List<WaiverExemption> Exemptions { get; set; } = [];
    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<WaiverExemption> ExemptionChoices() =>
        Exemptions.Count > 0 ? Exemptions : WaiverExemptions.Defaults;

    public static DecisionReportTemplate Default() => new()
    {
        Sections = ReportSections.Defaults.Select(s => new TemplateSection { Key = s.Key, Boilerplate = s.DefaultBoilerplate }).ToList(),
    };

    /// <summary>
    /// The sections a report prints, in order. A waiver report also prints the waiver sections a template saved before
    /// they existed leaves out (after the background); a procurement's report never prints them.
    /// </summary>
    public IReadOnlyList<TemplateSection> SectionsFor(DecisionSubjectType subject)
    {
        if (subject != DecisionSubjectType.Waiver)
        {
            return Sections.Where(s => ReportSections.Find(s.Key) is { WaiverOnly: false }).ToList();
        }
        var sections = Sections.ToList();
        var missing = ReportSections.Defaults.Where(d => d.WaiverOnly && sections.All(s => s.Key != d.Key))
            .Select(d => new TemplateSection { Key = d.Key, Boilerplate = d.DefaultBoilerplate }).ToList();
        var after = sections.FindIndex(s => s.Key == ReportSections.Background);
        sections.InsertRange(after + 1, missing);
        return sections;
    }
}

/// <summary>One exemption in a tenant's contract procedure rules: its number as the rules give it, and what it allows.</summary>
public sealed class WaiverExemption
{
    public required string Code { get; set; }
    public required string Description { get; set; }
}

/// <summary>
/// A starting list of the exemptions councils' contract procedure rules commonly allow; each tenant replaces it with
/// the numbering and wording of its own rules on the report template page.
/// </summary>
public static class WaiverExemptions
{
    public static readonly IReadOnlyList<WaiverExemption> Defaults =
    [
        new() { Code = "EX1", Description = "Extension of an existing contract for a limited period while its replacement is procured" },
        new() { Code = "EX2", Description = "Only one provider can deliver the services, for technical reasons or because of exclusive rights" },
        new() { Code = "EX3", Description = "Extreme urgency brought about by events the council could not foresee and did not cause" },
        new() { Code = "EX4", Description = "Continuity of care: changing provider would harm the people the service supports" },
        new() { Code = "EX5", Description = "The services are bought through a joint arrangement led by another public body" },
    ];
}

public sealed class TemplateSection
{
    public required string Key { get; set; }
    public string Boilerplate { get; set; } = "";
}

/// <summary>A section a decision report can have: its key (as templates and the API name it) and its heading.</summary>
/// <param name="WaiverOnly">Printed in waiver reports only (the contracts extended, the exemption, risks, re-procurement).</param>
public sealed record ReportSection(string Key, string Heading, string DefaultBoilerplate, bool WaiverOnly = false);

/// <summary>The sections of a decision report as the Leeds, Lambeth and Northamptonshire papers use them.</summary>
public static class ReportSections
{
    public const string Summary = "summary";
    public const string Recommendations = "recommendations";
    public const string Background = "background";
    public const string WaivedContracts = "waived-contracts";
    public const string WaiverReasons = "waiver-reasons";
    public const string WaiverRisks = "waiver-risks";
    public const string Reprocurement = "reprocurement";
    public const string Options = "options";
    public const string ValueAndSavings = "value-and-savings";
    public const string PooledBudget = "pooled-budget";
    public const string Consultation = "consultation";
    public const string Equality = "equality";
    public const string Legal = "legal";
    public const string Financial = "financial";
    public const string Timetable = "timetable";
    public const string KeyDecision = "key-decision";
    public const string DecisionMaker = "decision-maker";

    public static readonly IReadOnlyList<ReportSection> Defaults =
    [
        new(Summary, "Summary of main issues", ""),
        new(Recommendations, "Recommendations", "The decision-maker is asked to agree the following."),
        new(Background, "Background", ""),
        new(WaivedContracts, "Contracts to be extended", "The contracts below would be extended without competition. Values are the contracts' annual values over the months added.", WaiverOnly: true),
        new(WaiverReasons, "Reasons for the waiver", "The waiver relies on this exemption in the contract procedure rules:", WaiverOnly: true),
        new(WaiverRisks, "Risks", "", WaiverOnly: true),
        new(Reprocurement, "Plan to re-procure", "", WaiverOnly: true),
        new(Options, "Options appraisal", "The options considered, with their benefits, risks and cost. The preferred option is marked."),
        new(ValueAndSavings, "Value and savings", "The figures below are computed from the procurement's budget and today's spend."),
        new(PooledBudget, "Pooled budget", "Contributions to the pooled fund, and so savings and costs, are apportioned between the partners in proportion to their shares."),
        new(Consultation, "Consultation and engagement", "Providers were engaged through the market intent statement, its events and expressions of interest."),
        new(Equality, "Equality impact assessment", "The expected impact of the proposal on each protected characteristic of the Equality Act 2010, with the evidence for it."),
        new(Legal, "Legal implications", ""),
        new(Financial, "Financial implications", ""),
        new(Timetable, "Procurement timetable", ""),
        new(KeyDecision, "Key decision", "A key decision must appear on the forward plan at least 28 clear days before it is taken, and may be called in within 5 clear working days after it is published."),
        new(DecisionMaker, "Decision-maker", ""),
    ];

    public static ReportSection? Find(string key) => Defaults.FirstOrDefault(s => s.Key == key);
}
