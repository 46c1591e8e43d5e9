namespace ProcurementPortal.Core.Domain.Evaluation;

/// <summary>
/// The formal opening of a procurement's bids after the deadline: two different procurement officers must each
/// confirm it (EU Directive 2014/24 Annex IV; PCR 2015 reg. 22). The first confirmation waits here; the second
/// completes the opening, moves the procurement to Opened and records how many bids were opened.
/// </summary>
public class BidOpening : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProcurementId { get; set; }
    public Guid FirstOfficerUserId { get; set; }
    public required string FirstOfficerName { get; set; }
    public DateTime FirstConfirmedAt { get; set; }
    public Guid? SecondOfficerUserId { get; set; }
    public string? SecondOfficerName { get; set; }
    public DateTime? SecondConfirmedAt { get; set; }
    /// <summary>The bids whose current sealed version was opened; set when the second officer confirms.</summary>
    public int? BidsOpened { get; set; }

    public bool IsComplete => SecondConfirmedAt is not null;
}

public enum PanelRole
{
    /// <summary>Scores the questions of the sections assigned (all sections when none are named).</summary>
    Evaluator = 1,
    /// <summary>Records the consensus score and rationale for each question; does not score individually.</summary>
    Moderator,
}

/// <summary>A tenant member on a procurement's evaluation panel.</summary>
public class PanelMember : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProcurementId { get; set; }
    public Guid UserId { get; set; }
    public required string DisplayName { get; set; }
    public PanelRole Role { get; set; } = PanelRole.Evaluator;
    /// <summary>The sections this evaluator scores; empty means every section.</summary>
    public List<Guid> SectionIds { get; set; } = [];
    /// <summary>The lots whose bids this evaluator scores; empty means every lot.</summary>
    public List<Guid> LotIds { get; set; } = [];
    /// <summary>When the evaluator submitted their scores (then they are final, and others' scores become visible).</summary>
    public DateTime? ScoresSubmittedAt { get; set; }
    /// <summary>The evaluation deadline this member was last reminded of; a moved deadline earns a fresh reminder.</summary>
    public DateTime? RemindedForDeadline { get; set; }
}

/// <summary>
/// A named evaluator from outside the organisation, invited by email to a procurement's panel: the invitation gives
/// the Evaluator role, and accepting it puts the person on this panel with these sections and lots.
/// </summary>
public class PanelInvitation : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProcurementId { get; set; }
    public Guid InvitationId { get; set; }
    public required string Email { get; set; }
    public required string DisplayName { get; set; }
    /// <summary>The sections the evaluator will score; empty means every section.</summary>
    public List<Guid> SectionIds { get; set; } = [];
    /// <summary>The lots whose bids the evaluator will score; empty means every lot.</summary>
    public List<Guid> LotIds { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    /// <summary>When the person accepted and joined the panel.</summary>
    public DateTime? JoinedAt { get; set; }
}

/// <summary>A panel member's declaration about one bidder, made before they see any bid.</summary>
public class ConflictDeclaration : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProcurementId { get; set; }
    public Guid BidId { get; set; }
    public Guid UserId { get; set; }
    public bool HasConflict { get; set; }
    /// <summary>What the conflict is (e.g. "the provider's chief executive is an elected member of the council").</summary>
    public string? Details { get; set; }
    public DateTime DeclaredAt { get; set; }
}

/// <summary>The decision on one pass/fail question for one bid; a fail excludes the bid, with the reason recorded.</summary>
public class GateDecision : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProcurementId { get; set; }
    public Guid BidId { get; set; }
    public Guid QuestionId { get; set; }
    public bool Passed { get; set; }
    public string? Reason { get; set; }
    public Guid DecidedByUserId { get; set; }
    public DateTime DecidedAt { get; set; }
}

/// <summary>One evaluator's score of one question of one bid, 0–5 against the descriptors, with a justification.</summary>
public class IndividualScore : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProcurementId { get; set; }
    public Guid BidId { get; set; }
    public Guid QuestionId { get; set; }
    public Guid UserId { get; set; }
    public int Score { get; set; }
    public required string Justification { get; set; }
    public DateTime ScoredAt { get; set; }
}

/// <summary>The moderator's consensus score of one question of one bid: the score that counts.</summary>
public class ModeratedScore : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProcurementId { get; set; }
    public Guid BidId { get; set; }
    public Guid QuestionId { get; set; }
    public int Score { get; set; }
    public required string Rationale { get; set; }
    public Guid ModeratorUserId { get; set; }
    public DateTime ModeratedAt { get; set; }
}

/// <summary>
/// A bid's evaluated price for one lot, from its sealed rates × the bands' expected volumes, with the flags the
/// evaluators must act on: abnormally low against the lot's mean (and the clarification request recorded for it), and
/// rates above a ceiling where the tender flags rather than refuses them.
/// </summary>
public class PriceEvaluation : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProcurementId { get; set; }
    public Guid BidId { get; set; }
    public Guid LotId { get; set; }
    public decimal EvaluatedPrice { get; set; }
    public decimal LotMeanPrice { get; set; }
    public bool AbnormallyLow { get; set; }
    public bool AboveCeiling { get; set; }
    /// <summary>The clarification asked of the bidder about an abnormally low price (PCR 2015 reg. 69).</summary>
    public string? ClarificationRequest { get; set; }
    public DateTime? ClarificationRequestedAt { get; set; }
    public DateTime EvaluatedAt { get; set; }
}
