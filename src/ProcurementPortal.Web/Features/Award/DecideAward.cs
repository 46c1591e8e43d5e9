using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Integrations;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Award;

public sealed record DecideAwardCommand(ApprovalDecision? Decision, string? Comments);

/// <summary>
/// An approver approves the recommendation (AwardRecommended → AwardApproved) or rejects it back to moderation, with
/// comments (required to reject). Refused, with the reason, to anyone who evaluated, moderated or recommended it.
/// </summary>
public sealed class DecideAwardHandler(PortalDbContext db, AwardLoader loader, AuditLog audit, WebhookOutbox webhooks)
{
    public async Task<Outcome<AwardView>> HandleAsync(Guid procurementId, DecideAwardCommand command, Guid userId, string userName, TransitionActor actor, CancellationToken ct)
    {
        var state = await loader.LoadAsync(procurementId, ct);
        if (state is null)
        {
            return Outcome<AwardView>.NotFound();
        }
        var errors = new Errors()
            .Require(command.Decision is not null, nameof(command.Decision), "Choose whether to approve or reject the award")
            .Require(command.Decision != ApprovalDecision.Rejected || !string.IsNullOrWhiteSpace(command.Comments), nameof(command.Comments),
                "Say why you reject the award recommendation");
        if (state.Award is null)
        {
            errors.Add("State", "There is no award recommendation to decide yet");
        }
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var award = state.Award!;
        var p = state.Procurement;
        var disqualified = await AwardSegregation.ProblemsAsync(db, state, userId, ct);
        var result = command.Decision == ApprovalDecision.Approved
            ? ProcurementLifecycle.ApproveAward(p, actor, disqualified)
            : ProcurementLifecycle.RejectAward(p, actor, disqualified);
        if (!result.Succeeded)
        {
            return StandstillWording.FromTransition(result);
        }
        award.Decision = command.Decision;
        award.DecidedByUserId = userId;
        award.DecidedByName = userName;
        award.DecisionComments = string.IsNullOrWhiteSpace(command.Comments) ? null : command.Comments.Trim();
        award.DecidedAt = await db.DatabaseNowAsync(ct);
        audit.Record(command.Decision == ApprovalDecision.Approved ? "award.approved" : "award.rejected", nameof(Procurement), p.Id,
            $"{p.Reference}: {result.From} → {result.To} by {userName}" + (award.DecisionComments is { } c ? $": {c}" : ""));
        if (command.Decision == ApprovalDecision.Approved)
        {
            await webhooks.EnqueueAsync(WebhookEvents.AwardApproved, new
            {
                procurementId = p.Id, p.Reference, p.Title, approvedAt = new DateTimeOffset(award.DecidedAt.Value, TimeSpan.Zero),
            }, ct);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<AwardView>.Ok(AwardView.From(state));
    }
}
