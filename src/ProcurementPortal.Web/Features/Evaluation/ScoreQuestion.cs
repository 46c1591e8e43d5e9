using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Evaluation;

/// <summary>An evaluator's score of one question, 0–5 against its descriptors, with the justification.</summary>
public sealed record ScoreCommand(int? Score, string? Justification);

/// <summary>
/// Individual, blind scoring (issue 6.4): an evaluator scores each question assigned to them for each bid they may
/// see (declared, no conflict, passed the gates). Scores can change until the evaluator submits them.
/// </summary>
public sealed class ScoreQuestionHandler(PortalDbContext db, EvaluationLoader loader, AuditLog audit)
{
    public async Task<Outcome<IndividualScore>> HandleAsync(Guid procurementId, Guid bidId, Guid questionId, Guid userId, ScoreCommand command, CancellationToken ct)
    {
        var state = await loader.LoadAsync(procurementId, ct);
        if (state is null || state.Member(userId, PanelRole.Evaluator) is not { } member)
        {
            return Outcome<IndividualScore>.NotFound();
        }
        if (EvaluatorBidAccess.Check(state, member, bidId) is { } refused)
        {
            return refused.IsNotFound ? Outcome<IndividualScore>.NotFound() : refused.Errors!;
        }
        var bid = state.Bid(bidId)!;
        if (!state.AssignedQuestions(member, bid).Any(x => x.Question.Id == questionId))
        {
            return Outcome<IndividualScore>.NotFound();
        }
        var errors = new Errors().Require(member.ScoresSubmittedAt is null, nameof(ScoreCommand.Score), "You have submitted your scores; they can no longer change");
        EvaluationRules.RequireScore(errors, command.Score, nameof(ScoreCommand.Score));
        EvaluationRules.RequireReasoning(errors, command.Justification, nameof(ScoreCommand.Justification), "justification");
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var score = await db.IndividualScores.SingleOrDefaultAsync(s => s.BidId == bidId && s.QuestionId == questionId && s.UserId == userId, ct);
        if (score is null)
        {
            score = new IndividualScore { ProcurementId = procurementId, BidId = bidId, QuestionId = questionId, UserId = userId, Justification = "" };
            db.IndividualScores.Add(score);
        }
        score.Score = command.Score!.Value;
        score.Justification = command.Justification!.Trim();
        score.ScoredAt = await db.DatabaseNowAsync(ct);
        // The score itself is not in the log until the scores are submitted, so the log cannot unblind the panel.
        audit.Record("evaluation.question_scored", nameof(Procurement), procurementId,
            $"{state.Procurement.Reference}: {member.DisplayName} scored a question of {state.EvaluatorLabel(bid)}");
        await db.SaveChangesAsync(ct);
        return Outcome<IndividualScore>.Ok(score);
    }
}

/// <summary>Whether an evaluator may see a bid now: the same answer for reading it and for scoring it.</summary>
public static class EvaluatorBidAccess
{
    /// <summary>Null when allowed; else not found (not theirs to see: a conflict, another lot's bid, an excluded bid) or the reason to wait.</summary>
    public static Outcome<bool>? Check(EvaluationState state, PanelMember member, Guid bidId)
    {
        if (state.Bid(bidId) is not { } bid || state.IsConflicted(member.UserId, bidId) || !EvaluationState.Covers(member, bid))
        {
            return Outcome<bool>.NotFound();
        }
        if (state.Procurement.State is not (ProcurementState.Evaluation or ProcurementState.Moderation))
        {
            return EvaluationRules.StateError(state.Procurement.State, "score bids");
        }
        if (!state.HasDeclaredAll(member.UserId))
        {
            return new Errors().Add("Declarations", "Declare any conflict of interest with each bidder before you see a bid");
        }
        if (!EvaluationResults.GatesDecided(state.Procurement, bid, state.Gates.ToList()))
        {
            return new Errors().Add("Gates", "This bid's pass/fail questions have not been checked yet");
        }
        if (!state.PassedGates(bid))
        {
            return Outcome<bool>.NotFound();
        }
        return null;
    }
}
