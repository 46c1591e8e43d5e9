using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Evaluation;

/// <summary>The decision on one pass/fail question for one bid; a fail needs its reason.</summary>
public sealed record GateCommand(Guid QuestionId, bool? Passed, string? Reason);

/// <summary>
/// Pass/fail questions come first (issue 6.3): a procurement officer records, for each bid, whether it passes each
/// gate that applies (CQC registration, insurance …). A bid goes to the evaluators only once every gate passed; a
/// failing bid is excluded from scoring and ranking with the recorded reason. Decisions can change until moderation.
/// </summary>
public sealed class RecordGateHandler(PortalDbContext db, EvaluationLoader loader, AuditLog audit)
{
    public async Task<Outcome<GateDecision>> HandleAsync(Guid procurementId, Guid bidId, Guid userId, GateCommand command, CancellationToken ct)
    {
        var state = await loader.LoadAsync(procurementId, ct);
        if (state?.Bid(bidId) is not { } bid)
        {
            return Outcome<GateDecision>.NotFound();
        }
        var p = state.Procurement;
        if (p.State is not (ProcurementState.Opened or ProcurementState.Evaluation))
        {
            return EvaluationRules.StateError(p.State, "record a pass/fail decision");
        }
        var question = EvaluationResults.QuestionsFor(p, bid, QuestionType.PassFail).FirstOrDefault(q => q.Id == command.QuestionId);
        var errors = new Errors()
            .Require(question is not null, nameof(GateCommand.QuestionId), "Choose a pass/fail question that applies to this bid")
            .Require(command.Passed is not null, nameof(GateCommand.Passed), "Say whether the bid passes")
            .Require(command.Passed != false || !string.IsNullOrWhiteSpace(command.Reason), nameof(GateCommand.Reason), "Give the reason the bid fails");
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var decision = state.Gates.FirstOrDefault(g => g.BidId == bidId && g.QuestionId == command.QuestionId);
        if (decision is null)
        {
            decision = new GateDecision { ProcurementId = p.Id, BidId = bidId, QuestionId = command.QuestionId };
            db.GateDecisions.Add(decision);
        }
        decision.Passed = command.Passed!.Value;
        decision.Reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        decision.DecidedByUserId = userId;
        decision.DecidedAt = await db.DatabaseNowAsync(ct);
        audit.Record(decision.Passed ? "evaluation.gate_passed" : "evaluation.gate_failed", nameof(Procurement), p.Id,
            $"{p.Reference}: {bid.ProviderName} {(decision.Passed ? "passes" : "fails")} \"{question!.Text}\"{(decision.Reason is { } r ? $": {r}" : "")}");
        await db.SaveChangesAsync(ct);
        return Outcome<GateDecision>.Ok(decision);
    }
}
