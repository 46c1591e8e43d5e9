using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Evaluation;

/// <summary>
/// An evaluator submits their scores once every question of every bid assigned to them is scored: the scores are then
/// final, and the evaluator may see the others' scores. The last evaluator's submission moves the procurement to
/// moderation through the lifecycle.
/// </summary>
public sealed class SubmitScoresHandler(PortalDbContext db, EvaluationLoader loader, AuditLog audit)
{
    public async Task<Outcome<DateTime>> HandleAsync(Guid procurementId, Guid userId, CancellationToken ct)
    {
        var state = await loader.LoadAsync(procurementId, ct);
        if (state is null || state.Member(userId, PanelRole.Evaluator) is not { } member)
        {
            return Outcome<DateTime>.NotFound();
        }
        var p = state.Procurement;
        if (p.State != ProcurementState.Evaluation)
        {
            return EvaluationRules.StateError(p.State, "submit scores");
        }
        var scored = await db.IndividualScores.AsNoTracking()
            .Where(s => s.ProcurementId == procurementId && s.UserId == userId)
            .Select(s => new { s.BidId, s.QuestionId })
            .ToListAsync(ct);
        var missing = state.WorkOf(member).Count(w => !scored.Any(s => s.BidId == w.Bid.BidId && s.QuestionId == w.Question.Id));
        var errors = new Errors()
            .Require(member.ScoresSubmittedAt is null, "Scores", "You have already submitted your scores")
            .Require(state.HasDeclaredAll(userId), "Declarations", "Declare any conflict of interest with each bidder first")
            .Require(state.EveryGateDecided, "Gates", "Every bid's pass/fail questions must be checked before scores are submitted")
            .Require(missing == 0, "Scores", $"Score every question assigned to you: {missing} still to score");
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var now = await db.DatabaseNowAsync(ct);
        member.ScoresSubmittedAt = now;
        audit.Record("evaluation.scores_submitted", nameof(Procurement), p.Id, $"{p.Reference}: {member.DisplayName} submitted their scores");
        if (state.Evaluators.All(m => m.ScoresSubmittedAt is not null))
        {
            var result = ProcurementLifecycle.StartModeration(p, TransitionActor.System, everyEvaluatorSubmitted: true);
            audit.Record("procurement.moderation_started", nameof(Procurement), p.Id, $"{p.Reference}: {result.From} → {result.To}: every evaluator has submitted");
        }
        await db.SaveChangesAsync(ct);
        return Outcome<DateTime>.Ok(now);
    }
}
