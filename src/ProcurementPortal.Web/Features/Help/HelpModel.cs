namespace ProcurementPortal.Web.Features.Help;

/// <summary>
/// Who a page's help is for: the roles of <see cref="Core.Domain.Role"/> (a provider's admin and bid writers share one
/// guide), the platform admin, and <see cref="Anyone"/> for pages every user sees (signing in, your account).
/// </summary>
[Flags]
public enum HelpAudience
{
    Anyone = 1,
    ProcurementOfficer = 2,
    Evaluator = 4,
    Approver = 8,
    TenantAdmin = 16,
    Provider = 32,
    PlatformAdmin = 64,

    /// <summary>Every role of a commissioning body (pages any member of the tenant may open).</summary>
    TenantMembers = ProcurementOfficer | Evaluator | Approver | TenantAdmin,
}

/// <summary>Where a page sits in the life of a procurement; the guides list their pages in this order.</summary>
public enum HelpStage
{
    GettingStarted,
    Administration,
    MarketEngagement,
    BuildingTheTender,
    TenderOpen,
    Bidding,
    OpeningAndEvaluation,
    AwardAndStandstill,
    Contracts,
    Reports,
}

/// <summary>The help for one page, keyed as routing knows it (controller name without "Controller", action name).</summary>
public sealed record HelpEntry(string Controller, string Action, HelpAudience For, HelpStage Stage, string Title, string Text);

/// <summary>A printable guide: every entry for its audience, plus the entries for anyone.</summary>
public sealed record HelpGuide(string Slug, string Name, HelpAudience Audience, string Introduction)
{
    public bool Includes(HelpEntry entry) => (entry.For & (Audience | HelpAudience.Anyone)) != 0;
}

public static class HelpStages
{
    public static string Heading(this HelpStage stage) => stage switch
    {
        HelpStage.GettingStarted => "Getting started and your account",
        HelpStage.Administration => "Running your organisation on the portal",
        HelpStage.MarketEngagement => "Market engagement",
        HelpStage.BuildingTheTender => "Building the tender",
        HelpStage.TenderOpen => "While the tender is open",
        HelpStage.Bidding => "Writing and submitting a bid",
        HelpStage.OpeningAndEvaluation => "Opening and evaluating the bids",
        HelpStage.AwardAndStandstill => "Award and standstill",
        HelpStage.Contracts => "Contracts",
        HelpStage.Reports => "Decision and waiver reports",
        _ => stage.ToString(),
    };
}
