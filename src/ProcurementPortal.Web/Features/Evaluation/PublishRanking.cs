using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Evaluation;

/// <summary>
/// Publishes the moderated ranking as the award recommendation (Moderation → AwardRecommended): the moderator or a
/// procurement officer, once every score is moderated and every price evaluated. The results are then final; the
/// report shows them.
/// </summary>
public sealed class PublishRankingHandler(PortalDbContext db, EvaluationResultsQuery results, AuditLog audit)
{
    public async Task<Outcome<EvaluationOutcome>> HandleAsync(Guid procurementId, Guid userId, TransitionActor actor, CancellationToken ct)
    {
        var view = await results.LoadAsync(procurementId, ct);
        if (view is null || !(actor.IsOfficer || view.State.Member(userId, PanelRole.Moderator) is not null))
        {
            return Outcome<EvaluationOutcome>.NotFound();
        }
        var p = view.State.Procurement;
        var missing = new List<(string, string)>();
        if (view.MissingModerations > 0)
        {
            missing.Add(("Scores", $"{view.MissingModerations} question score(s) still to moderate"));
        }
        if (view.MissingPrices > 0)
        {
            missing.Add(("Prices", "Evaluate the prices (again) before publishing the ranking"));
        }
        var result = ProcurementLifecycle.RecommendAward(p, actor, missing);
        if (!result.Succeeded)
        {
            return EvaluationRules.FromTransition(result);
        }
        var outcome = view.Outcome;
        audit.Record("evaluation.ranking_published", nameof(Procurement), p.Id,
            $"{p.Reference}: {result.From} → {result.To}. " + string.Join(" ", outcome.Lots.Select(l =>
                $"Lot {l.Lot.Number}: {string.Join(", ", l.Ranking.Where(r => r.Recommended).Select(r => $"{r.Rank}. {r.BidderName} {Scoring.Display(r.TotalScore)}"))}.")));
        await db.SaveChangesAsync(ct);
        return Outcome<EvaluationOutcome>.Ok(outcome);
    }
}
