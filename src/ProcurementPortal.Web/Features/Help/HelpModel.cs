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

    /// <summary>Account settings every user has, at the end of every guide.</summary>
    YourAccount,
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
        HelpStage.GettingStarted => "Getting started",
        HelpStage.Administration => "Running your organisation on the portal",
        HelpStage.MarketEngagement => "Market engagement",
        HelpStage.BuildingTheTender => "Building the tender",
        HelpStage.TenderOpen => "While the tender is open",
        HelpStage.Bidding => "Writing and submitting a bid",
        HelpStage.OpeningAndEvaluation => "Opening and evaluating the bids",
        HelpStage.AwardAndStandstill => "Award and standstill",
        HelpStage.Contracts => "Contracts",
        HelpStage.Reports => "Decision and waiver reports",
        HelpStage.YourAccount => "Your account and settings",
        _ => stage.ToString(),
    };

    /// <summary>One sentence under the stage's heading (in the PDF it also keeps the heading with its text).</summary>
    public static string Summary(this HelpStage stage) => stage switch
    {
        HelpStage.GettingStarted => "Signing in, joining an organisation, and the dashboard that shows what needs your attention.",
        HelpStage.Administration => "Your organisation on the portal: its people and roles and, for a commissioner, its letterhead, working days and audit log.",
        HelpStage.MarketEngagement => "What a commissioner means to buy, its engagement events, and providers' expressions of interest.",
        HelpStage.BuildingTheTender => "The procurement's details, lots, fee bands, evaluation model and documents, up to publishing.",
        HelpStage.TenderOpen => "From publishing to the deadline: finding the tender, questions and answers, and addenda.",
        HelpStage.Bidding => "A provider's bid: lots, answers, files, prices and declarations, sealed until the deadline.",
        HelpStage.OpeningAndEvaluation => "After the deadline: two officers open the bids, the panel scores them, then moderation agrees the scores.",
        HelpStage.AwardAndStandstill => "Recommendation, approval, letters to every bidder and the standstill before contracts are made.",
        HelpStage.Contracts => "The contract register and its expiry reminders.",
        HelpStage.Reports => "Reports for the delegated decision panel, and waivers to extend contracts.",
        HelpStage.YourAccount => "Your password, two-factor authentication, notifications and email preferences.",
        _ => "",
    };
}
