namespace ProcurementPortal.Core.Domain.Procurements;

/// <summary>The lifecycle of ARCHITECTURE.md; changed only through <see cref="ProcurementLifecycle"/>.</summary>
public enum ProcurementState
{
    Draft = 1,
    MarketEngagement,
    TenderOpen,
    SubmissionsClosed,
    Opened,
    Evaluation,
    Moderation,
    AwardRecommended,
    AwardApproved,
    Standstill,
    Awarded,
    Live,
    Expired,
    Cancelled,
}

public enum ProcedureType
{
    OpenFramework = 1,
    CompetitiveFlexible,
    DynamicMarket,
}

/// <summary>What the tender says happens to a rate above its band's ceiling.</summary>
public enum CeilingBreachRule
{
    /// <summary>The rate cannot be submitted.</summary>
    Refuse = 1,
    /// <summary>The rate can be submitted and is flagged to evaluators.</summary>
    Flag,
}

public enum FeeUnit
{
    Hour = 1,
    Night,
    Week,
    Session,
    Placement,
}
