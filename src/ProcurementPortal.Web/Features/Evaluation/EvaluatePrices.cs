using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Evaluation;

/// <summary>
/// Price evaluation per lot (issue 6.6): each bid's evaluated price from its sealed rates × the bands' expected volumes,
/// among the bids that passed the gates. A price more than the procurement's threshold below the lot's mean is flagged
/// abnormally low and a clarification request to the bidder is recorded, once (PCR 2015 reg. 69). Running it again
/// brings the prices up to date with the gate decisions and asks nothing twice.
/// </summary>
public sealed class EvaluatePricesHandler(PortalDbContext db, EvaluationLoader loader, AuditLog audit)
{
    public async Task<Outcome<IReadOnlyList<PriceEvaluation>>> HandleAsync(Guid procurementId, CancellationToken ct)
    {
        var state = await loader.LoadAsync(procurementId, ct);
        if (state is null)
        {
            return Outcome<IReadOnlyList<PriceEvaluation>>.NotFound();
        }
        var p = state.Procurement;
        if (p.State is not (ProcurementState.Evaluation or ProcurementState.Moderation))
        {
            return EvaluationRules.StateError(p.State, "evaluate prices");
        }
        if (!state.EveryGateDecided)
        {
            return new Errors().Add("Gates", "Check every bid's pass/fail questions before evaluating prices");
        }
        var now = await db.DatabaseNowAsync(ct);
        var existing = await db.PriceEvaluations.Where(x => x.ProcurementId == procurementId).ToListAsync(ct);
        var current = new List<PriceEvaluation>();
        var eligible = state.EligibleBids.ToList();
        foreach (var lot in p.Lots.OrderBy(l => l.Number))
        {
            foreach (var price in EvaluationResults.PricesFor(p, lot, eligible))
            {
                var row = existing.FirstOrDefault(x => x.BidId == price.BidId && x.LotId == lot.Id);
                if (row is null)
                {
                    row = new PriceEvaluation { ProcurementId = procurementId, BidId = price.BidId, LotId = lot.Id };
                    db.PriceEvaluations.Add(row);
                }
                row.EvaluatedPrice = price.EvaluatedPrice;
                row.LotMeanPrice = price.LotMeanPrice;
                row.AbnormallyLow = price.AbnormallyLow;
                row.AboveCeiling = price.AboveCeiling;
                row.EvaluatedAt = now;
                if (row.AbnormallyLow && row.ClarificationRequest is null)
                {
                    var bidder = state.Bid(price.BidId)!.ProviderName;
                    row.ClarificationRequest =
                        $"Your evaluated price for lot {lot.Number} ({lot.Name}) is {Money.Format(price.EvaluatedPrice)} a year, more than "
                        + $"{p.AbnormallyLowThresholdPercent:0.##}% below the mean of the lot's prices ({Money.Format(price.LotMeanPrice)}). "
                        + "Please explain how you will deliver the service at these rates, including staff pay at or above the National Living Wage.";
                    row.ClarificationRequestedAt = now;
                    audit.Record("evaluation.abnormally_low_clarification_requested", nameof(Procurement), p.Id,
                        $"{p.Reference}: {bidder}'s price for lot {lot.Number} ({Money.Format(price.EvaluatedPrice)}) is abnormally low against the mean "
                        + $"{Money.Format(price.LotMeanPrice)}; clarification requested");
                }
                current.Add(row);
            }
        }
        db.PriceEvaluations.RemoveRange(existing.Except(current));
        audit.Record("evaluation.prices_evaluated", nameof(Procurement), p.Id,
            $"{p.Reference}: {current.Count} price(s) evaluated, {current.Count(x => x.AbnormallyLow)} abnormally low, {current.Count(x => x.AboveCeiling)} above a ceiling");
        await db.SaveChangesAsync(ct);
        return Outcome<IReadOnlyList<PriceEvaluation>>.Ok(current);
    }
}
