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
    public DateTime UpdatedAt { get; set; }

    public static DecisionReportTemplate Default() => new()
    {
        Sections = ReportSections.Defaults.Select(s => new TemplateSection { Key = s.Key, Boilerplate = s.DefaultBoilerplate }).ToList(),
    };
}

public sealed class TemplateSection
{
    public required string Key { get; set; }
    public string Boilerplate { get; set; } = "";
}

/// <summary>A section a decision report can have: its key (as templates and the API name it) and its heading.</summary>
public sealed record ReportSection(string Key, string Heading, string DefaultBoilerplate);

/// <summary>The sections of a decision report as the Leeds, Lambeth and Northamptonshire papers use them.</summary>
public static class ReportSections
{
    public const string Summary = "summary";
    public const string Recommendations = "recommendations";
    public const string Background = "background";
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
