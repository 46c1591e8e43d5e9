namespace ProcurementPortal.Core.Domain.Procurements;

/// <summary>One sourcing exercise of a tenant, from market engagement to award.</summary>
public class Procurement : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }

    /// <summary>Per-tenant reference, e.g. LCC-2026-0007.</summary>
    public string Reference { get; set; } = "";
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    /// <summary>Common Procurement Vocabulary code, e.g. 85312000-9 (social work services without accommodation).</summary>
    public string? CpvCode { get; set; }
    public ProcedureType ProcedureType { get; set; } = ProcedureType.OpenFramework;
    public ProcurementState State { get; set; } = ProcurementState.Draft;

    public decimal? EstimatedValue { get; set; }
    /// <summary>Annual budget for the services bought (all lots).</summary>
    public decimal? AnnualBudget { get; set; }
    /// <summary>What the tenant spends a year on these services today, if known: the base for the saving.</summary>
    public decimal? CurrentAnnualSpend { get; set; }
    public int? ContractTermMonths { get; set; }
    public string? ExtensionOptions { get; set; }

    public CeilingBreachRule CeilingBreachRule { get; set; } = CeilingBreachRule.Refuse;
    /// <summary>Weight of price in the total score, in percent; the quality questions' weights make up the rest.</summary>
    public decimal PriceWeight { get; set; }
    public string PriceFormula { get; set; } = PriceFormulas.LowestPriceRatio;

    /// <summary>How bids with equal totals are ordered in a lot's ranking; declared in the tender.</summary>
    public Evaluation.TieBreakRule TieBreakRule { get; set; } = Evaluation.TieBreakRule.HigherQuality;
    /// <summary>Evaluators see "Bidder A", "Bidder B" … instead of names until moderation; declared in the tender.</summary>
    public bool HideBidderNames { get; set; }
    /// <summary>A price more than this many percent below the lot's mean is flagged as abnormally low.</summary>
    public decimal AbnormallyLowThresholdPercent { get; set; } = 20m;
    /// <summary>When the evaluators' individual scores are due; evaluators are reminded before it.</summary>
    public DateTime? EvaluationDeadline { get; set; }

    public DateTime? ClarificationDeadline { get; set; }
    public DateTime? SubmissionDeadline { get; set; }
    public DateTime? PublishedAt { get; set; }
    /// <summary>The clarification deadline the deadline job has reported to the officers; a moved deadline is reported again.</summary>
    public DateTime? ClarificationDeadlineReportedFor { get; set; }
    /// <summary>When an officer cancelled the procurement (database clock), and why: told to every provider and published.</summary>
    public DateTime? CancelledAt { get; set; }
    public string? CancellationReason { get; set; }

    public List<PooledPartner> PooledPartners { get; set; } = [];
    public List<Lot> Lots { get; set; } = [];
    public List<EvaluationSection> Sections { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public uint RowVersion { get; set; }

    /// <summary>The lots, sections and questions may change only before the tender opens (later, by addendum).</summary>
    public bool IsFrozen => State >= ProcurementState.TenderOpen;
}

/// <summary>A commissioner contributing to a pooled budget (e.g. a Section 75 agreement), with its share.</summary>
public class PooledPartner
{
    public required string Name { get; set; }
    public decimal SharePercent { get; set; }
}

public static class PriceFormulas
{
    /// <summary>Score = weight × lowest evaluated price ÷ this bid's evaluated price.</summary>
    public const string LowestPriceRatio = "lowest-price-ratio";
    /// <summary>Score = weight × (1 − (price − lowest) ÷ lowest), not below zero.</summary>
    public const string DifferenceFromLowest = "difference-from-lowest";

    public static readonly IReadOnlyList<string> All = [LowestPriceRatio, DifferenceFromLowest];
}
