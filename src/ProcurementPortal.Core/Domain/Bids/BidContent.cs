namespace ProcurementPortal.Core.Domain.Bids;

/// <summary>What a provider writes into its bid: lots, answers, rates and declarations. Stored encrypted.</summary>
public sealed class BidContent
{
    public List<Guid> LotIds { get; set; } = [];
    /// <summary>Answer text by evaluation question id (pass/fail questions: "Yes" or "No").</summary>
    public Dictionary<Guid, string> Answers { get; set; } = [];
    /// <summary>Rate in pounds by fee band id.</summary>
    public Dictionary<Guid, decimal> Rates { get; set; } = [];
    public BidDeclarations Declarations { get; set; } = new();
}

/// <summary>The provider's declarations: checked at the pass/fail gate of the evaluation.</summary>
public sealed class BidDeclarations
{
    /// <summary>Care Quality Commission provider registration number, e.g. 1-101234567.</summary>
    public string? CqcRegistrationNumber { get; set; }
    /// <summary>Employer's liability insurance cover in pounds.</summary>
    public decimal? EmployersLiabilityCover { get; set; }
    /// <summary>Public liability insurance cover in pounds.</summary>
    public decimal? PublicLiabilityCover { get; set; }
    /// <summary>Any conflict of interest, or "None".</summary>
    public string? ConflictsOfInterest { get; set; }
}
