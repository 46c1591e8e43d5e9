using System.Text.Json.Serialization;

namespace ProcurementPortal.Core.Domain.DecisionReports;

/// <summary>What a decision report decides about: a procurement, or a waiver of the contract procedure rules for contracts in the register.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DecisionSubjectType>))]
public enum DecisionSubjectType
{
    Procurement = 1,
    Waiver,
}

[JsonConverter(typeof(JsonStringEnumConverter<DecisionReportStatus>))]
public enum DecisionReportStatus
{
    Draft = 1,
    InReview,
    Approved,
    Rejected,
}

/// <summary>Impact on one protected characteristic, as the equality impact assessment forms tick it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EqualityImpact>))]
public enum EqualityImpact
{
    Positive = 1,
    Negative,
    Neutral,
    Unsure,
}

/// <summary>
/// One version of a decision (DDP) report. Versions of one report share a <see cref="SeriesId"/>; an approved version
/// never changes again (a change is a new version, a new draft). The figures it shows — savings, the pooled split,
/// engagement, the timetable, the key-decision dates — are computed from its subject's data while it is a draft and
/// frozen into <see cref="ApprovedFactsJson"/> when it is approved.
/// </summary>
public class DecisionReport : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }

    /// <summary>The id every version of this report shares (the first version's id).</summary>
    public Guid SeriesId { get; set; }
    public int Version { get; set; } = 1;

    public DecisionSubjectType SubjectType { get; set; } = DecisionSubjectType.Procurement;
    public Guid SubjectId { get; set; }

    public required string Title { get; set; }
    public DecisionReportStatus Status { get; set; } = DecisionReportStatus.Draft;

    public string SummaryOfMainIssues { get; set; } = "";
    public string Recommendations { get; set; } = "";
    public string Background { get; set; } = "";
    public List<ReportOption> Options { get; set; } = [];
    /// <summary>The cut to the current budget the report proposes, in percent (Leeds CBMHS: 10).</summary>
    public decimal? BudgetReductionPercent { get; set; }
    public string ValueAndSavings { get; set; } = "";
    public string ConsultationAndEngagement { get; set; } = "";
    public List<EqualityAssessment> Equality { get; set; } = [];
    public string LegalImplications { get; set; } = "";
    public string FinancialImplications { get; set; } = "";
    /// <summary>Who takes the decision, e.g. "Director of Adults and Health (delegated decision panel)".</summary>
    public string DecisionMaker { get; set; } = "";
    public DateOnly? DecisionDate { get; set; }

    /// <summary>For a waiver report: the contracts it extends, the exemption relied on, and why (null for a procurement's report).</summary>
    public WaiverDetails? Waiver { get; set; }

    public Guid? AuthorUserId { get; set; }
    public string AuthorName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionComment { get; set; }

    /// <summary>The computed figures as they stood at approval (JSON of <c>DecisionReportFacts</c>).</summary>
    public string? ApprovedFactsJson { get; set; }

    public uint RowVersion { get; set; }

    public bool IsEditable => Status == DecisionReportStatus.Draft;

    /// <summary>A copy as the next version: a new draft with the same content, written by <paramref name="authorName"/>.</summary>
    public DecisionReport NextVersion(Guid? authorUserId, string authorName, DateTime now) => new()
    {
        SeriesId = SeriesId,
        Version = Version + 1,
        SubjectType = SubjectType,
        SubjectId = SubjectId,
        Title = Title,
        SummaryOfMainIssues = SummaryOfMainIssues,
        Recommendations = Recommendations,
        Background = Background,
        Options = Options.Select(o => o.Copy()).ToList(),
        BudgetReductionPercent = BudgetReductionPercent,
        ValueAndSavings = ValueAndSavings,
        ConsultationAndEngagement = ConsultationAndEngagement,
        Equality = Equality.Select(e => e.Copy()).ToList(),
        LegalImplications = LegalImplications,
        FinancialImplications = FinancialImplications,
        DecisionMaker = DecisionMaker,
        DecisionDate = DecisionDate,
        Waiver = Waiver?.Copy(),
        AuthorUserId = authorUserId,
        AuthorName = authorName,
        CreatedAt = now,
        UpdatedAt = now,
    };
}

/// <summary>
/// What a waiver report asks: to extend the chosen contracts by a number of months without competition, relying on
/// one of the tenant's contract procedure rule exemptions (its text copied in, so the report reads the same if the
/// tenant's list changes), with the reasons, the risks and the plan to re-procure.
/// </summary>
public sealed class WaiverDetails
{
    public List<WaivedContract> Contracts { get; set; } = [];
    public int ExtensionMonths { get; set; }
    public string? ExemptionCode { get; set; }
    public string ExemptionText { get; set; } = "";
    public string Reasons { get; set; } = "";
    public string Risks { get; set; } = "";
    public string ReprocurementPlan { get; set; } = "";

    public WaiverDetails Copy() => new()
    {
        Contracts = Contracts.Select(c => new WaivedContract { ContractId = c.ContractId }).ToList(),
        ExtensionMonths = ExtensionMonths,
        ExemptionCode = ExemptionCode,
        ExemptionText = ExemptionText,
        Reasons = Reasons,
        Risks = Risks,
        ReprocurementPlan = ReprocurementPlan,
    };
}

/// <summary>A contract of the register that a waiver report extends.</summary>
public sealed class WaivedContract
{
    public Guid ContractId { get; set; }
}

/// <summary>One row of the options appraisal: the option, its benefits and risks, its cost, and whether it is preferred.</summary>
public sealed class ReportOption
{
    public required string Option { get; set; }
    public string Benefits { get; set; } = "";
    public string Risks { get; set; } = "";
    public decimal? Cost { get; set; }
    public bool Preferred { get; set; }

    public ReportOption Copy() => new() { Option = Option, Benefits = Benefits, Risks = Risks, Cost = Cost, Preferred = Preferred };
}

/// <summary>One row of the equality impact assessment.</summary>
public sealed class EqualityAssessment
{
    public required string Characteristic { get; set; }
    public EqualityImpact? Impact { get; set; }
    public string Evidence { get; set; } = "";

    public EqualityAssessment Copy() => new() { Characteristic = Characteristic, Impact = Impact, Evidence = Evidence };
}

/// <summary>The protected characteristics of the Equality Act 2010, s.4, in the order the Act lists them.</summary>
public static class ProtectedCharacteristics
{
    public static readonly IReadOnlyList<string> All =
    [
        "Age",
        "Disability",
        "Gender reassignment",
        "Marriage and civil partnership",
        "Pregnancy and maternity",
        "Race",
        "Religion or belief",
        "Sex",
        "Sexual orientation",
    ];
}
