using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Evaluation;

/// <summary>
/// Everything the evaluation use cases decide from: the procurement and its model, the opened bids (none before the
/// opening: <see cref="OpenedBids"/> refuses), the panel, the declarations and the gate decisions.
/// </summary>
public sealed record EvaluationState(
    Procurement Procurement, IReadOnlyList<OpenedBid> Bids, IReadOnlyList<PanelMember> Panel,
    IReadOnlyList<ConflictDeclaration> Declarations, IReadOnlyList<GateDecision> Gates)
{
    public const int MinimumJustification = 20;

    private readonly Lazy<IReadOnlyDictionary<Guid, string>> _labels = new(() => BidderLabels.For(Bids.Select(b => b.BidId)));

    public PanelMember? Member(Guid userId, PanelRole role) => Panel.FirstOrDefault(m => m.UserId == userId && m.Role == role);

    public IEnumerable<PanelMember> Evaluators => Panel.Where(m => m.Role == PanelRole.Evaluator).OrderBy(m => m.DisplayName, StringComparer.Ordinal);

    public PanelMember? Moderator => Panel.FirstOrDefault(m => m.Role == PanelRole.Moderator);

    public OpenedBid? Bid(Guid bidId) => Bids.FirstOrDefault(b => b.BidId == bidId);

    public bool HasDeclaredAll(Guid userId) => Bids.All(b => Declarations.Any(d => d.UserId == userId && d.BidId == b.BidId));

    public bool IsConflicted(Guid userId, Guid bidId) => Declarations.Any(d => d.UserId == userId && d.BidId == bidId && d.HasConflict);

    public bool PassedGates(OpenedBid bid) => EvaluationResults.PassedGates(Procurement, bid, Gates.ToList());

    public bool EveryGateDecided => Bids.All(b => EvaluationResults.GatesDecided(Procurement, b, Gates.ToList()));

    /// <summary>The bids scored: those that passed every gate.</summary>
    public IEnumerable<OpenedBid> EligibleBids => Bids.Where(PassedGates);

    /// <summary>How evaluators see a bidder: "Bidder A" while the tender hides names (until moderation), else its name.</summary>
    public string EvaluatorLabel(OpenedBid bid) =>
        Procurement.HideBidderNames && Procurement.State < ProcurementState.Moderation ? _labels.Value[bid.BidId] : bid.ProviderName;

    /// <summary>Whether the bid is in one of the member's lots (every bid when the member has no lots named).</summary>
    public static bool Covers(PanelMember member, OpenedBid bid) => member.LotIds.Count == 0 || bid.LotIds.Any(member.LotIds.Contains);

    /// <summary>
    /// The scored questions of a member's sections (all when none are named) that apply to the bid in the member's lots
    /// (all when none are named); none for a bid outside the member's lots.
    /// </summary>
    public IEnumerable<(EvaluationSection Section, EvaluationQuestion Question)> AssignedQuestions(PanelMember member, OpenedBid bid) =>
        Procurement.Sections.OrderBy(s => s.Number)
            .Where(s => Covers(member, bid) && (member.SectionIds.Count == 0 || member.SectionIds.Contains(s.Id)))
            .SelectMany(s => s.Questions.OrderBy(q => q.Number).Select(q => (s, q)))
            .Where(x => x.q.Type == QuestionType.Scored
                && (x.q.LotIds.Count == 0 || x.q.LotIds.Any(l => bid.LotIds.Contains(l) && (member.LotIds.Count == 0 || member.LotIds.Contains(l)))));

    /// <summary>What an evaluator must score: every assigned question of every eligible bid in their lots they have no conflict with.</summary>
    public IEnumerable<(OpenedBid Bid, EvaluationQuestion Question)> WorkOf(PanelMember member) =>
        EligibleBids.Where(b => !IsConflicted(member.UserId, b.BidId) && Covers(member, b))
            .SelectMany(b => AssignedQuestions(member, b).Select(x => (b, x.Question)));

    /// <summary>What the moderator must settle: every scored question of every eligible bid that some evaluator scored.</summary>
    public IEnumerable<(OpenedBid Bid, EvaluationSection Section, EvaluationQuestion Question)> ModerationItems =>
        EligibleBids.SelectMany(b => Procurement.Sections.OrderBy(s => s.Number)
            .SelectMany(s => s.Questions.OrderBy(q => q.Number).Select(q => (b, s, q)))
            .Where(x => x.q.Type == QuestionType.Scored && (x.q.LotIds.Count == 0 || x.q.LotIds.Any(b.LotIds.Contains))));
}

public sealed class EvaluationLoader(PortalDbContext db, OpenedBids opened)
{
    public async Task<EvaluationState?> LoadAsync(Guid procurementId, CancellationToken ct)
    {
        var procurement = await db.LoadWholeAsync(procurementId, ct);
        if (procurement is null)
        {
            return null;
        }
        var bids = OpenedBids.IsOpen(procurement) ? await opened.LoadAsync(procurement, ct) : [];
        var panel = await db.PanelMembers.Where(m => m.ProcurementId == procurementId).ToListAsync(ct);
        var declarations = await db.ConflictDeclarations.Where(d => d.ProcurementId == procurementId).ToListAsync(ct);
        var gates = await db.GateDecisions.Where(g => g.ProcurementId == procurementId).ToListAsync(ct);
        return new EvaluationState(procurement, bids, panel, declarations, gates);
    }
}

/// <summary>Small shared wording and checks of the evaluation use cases.</summary>
public static class EvaluationRules
{
    public static Errors StateError(ProcurementState state, string doing) =>
        new Errors().Add("State", $"You cannot {doing} while the procurement is {ProcurementLifecycle.Describe(state)}");

    public static void RequireScore(Errors errors, int? score, string field) =>
        errors.Require(score is >= 0 and <= Scoring.MaxQuestionScore, field, "Choose a score from 0 to 5");

    public static void RequireReasoning(Errors errors, string? text, string field, string what) =>
        errors.Require((text?.Trim().Length ?? 0) >= EvaluationState.MinimumJustification, field,
            $"Write a {what} of at least {EvaluationState.MinimumJustification} characters");

    public static Errors FromTransition(TransitionResult result)
    {
        var errors = new Errors();
        foreach (var (field, message) in result.Problems)
        {
            errors.Add(field, message);
        }
        return errors;
    }
}
