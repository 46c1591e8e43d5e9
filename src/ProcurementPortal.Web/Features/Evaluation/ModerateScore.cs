using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Evaluation;

/// <summary>The moderator's consensus score of one question of one bid, and why.</summary>
public sealed record ModerateCommand(int? Score, string? Rationale);

/// <summary>
/// Moderation (issue 6.5): the moderator records the consensus score of each question of each bid with its rationale;
/// a consensus without a rationale is refused. The moderated score is the one that counts in the results.
/// </summary>
public sealed class ModerateScoreHandler(PortalDbContext db, EvaluationLoader loader, AuditLog audit)
{
    public async Task<Outcome<ModeratedScore>> HandleAsync(Guid procurementId, Guid bidId, Guid questionId, Guid userId, ModerateCommand command, CancellationToken ct)
    {
        var state = await loader.LoadAsync(procurementId, ct);
        if (state is null || state.Member(userId, PanelRole.Moderator) is not { } moderator || state.IsConflicted(userId, bidId)
            || !state.ModerationItems.Any(x => x.Bid.BidId == bidId && x.Question.Id == questionId))
        {
            return Outcome<ModeratedScore>.NotFound();
        }
        var p = state.Procurement;
        if (p.State != ProcurementState.Moderation)
        {
            return EvaluationRules.StateError(p.State, "moderate scores");
        }
        var errors = new Errors().Require(state.HasDeclaredAll(userId), "Declarations", "Declare any conflict of interest with each bidder first");
        EvaluationRules.RequireScore(errors, command.Score, nameof(ModerateCommand.Score));
        EvaluationRules.RequireReasoning(errors, command.Rationale, nameof(ModerateCommand.Rationale), "rationale for the consensus score");
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var moderated = await db.ModeratedScores.SingleOrDefaultAsync(s => s.BidId == bidId && s.QuestionId == questionId, ct);
        if (moderated is null)
        {
            moderated = new ModeratedScore { ProcurementId = procurementId, BidId = bidId, QuestionId = questionId, Rationale = "" };
            db.ModeratedScores.Add(moderated);
        }
        moderated.Score = command.Score!.Value;
        moderated.Rationale = command.Rationale!.Trim();
        moderated.ModeratorUserId = userId;
        moderated.ModeratedAt = await db.DatabaseNowAsync(ct);
        var (bid, section, question) = state.ModerationItems.First(x => x.Bid.BidId == bidId && x.Question.Id == questionId);
        audit.Record("evaluation.score_moderated", nameof(Procurement), p.Id,
            $"{p.Reference}: {moderator.DisplayName} moderated question {section.Number}.{question.Number} of {bid.ProviderName} to {moderated.Score}: {moderated.Rationale}");
        await db.SaveChangesAsync(ct);
        return Outcome<ModeratedScore>.Ok(moderated);
    }
}
