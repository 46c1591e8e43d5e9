using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Bids;

public sealed record WithdrawnBid(string WithdrawnReceiptNumber, DateTimeOffset WithdrawnAt, string WithdrawnAtUkText);

/// <summary>The outcome of a withdrawal: done, or refused as late.</summary>
public sealed record WithdrawOutcome(WithdrawnBid? Withdrawn, LateBid? Late);

/// <summary>
/// Withdraws the submitted bid until the deadline (judged like a submission, by the database clock at the start of its
/// transaction, under the procurement row held in share mode): no version counts any more; every version and the draft
/// are kept, and it can be submitted again.
/// </summary>
public sealed class WithdrawBid(PortalDbContext db, BidWorkspace workspace, AuditLog audit, SubmitBid submit)
{
    public async Task<Outcome<WithdrawOutcome>> HandleAsync(Guid procurementId, Guid? providerId, CancellationToken ct)
    {
        var scope = await workspace.OpenAsync(procurementId, providerId, ct);
        if (scope?.Bid is not { } bid)
        {
            return Outcome<WithdrawOutcome>.NotFound();
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var window = await SubmissionWindow.EnterAsync(db, procurementId, ct);
        if (window.Late("Your withdrawal", "Your submitted bid still stands.") is { } late)
        {
            return Outcome<WithdrawOutcome>.Ok(new WithdrawOutcome(null, late));
        }
        await db.Entry(bid).ReloadAsync(ct);
        var current = (await workspace.VersionsAsync(bid.Id, ct)).FirstOrDefault(v => v.Id == bid.CurrentVersionId);
        if (bid.Status != BidStatus.Submitted || current is null)
        {
            return new Errors().Add("Bid", "There is no submitted bid to withdraw");
        }
        bid.Status = BidStatus.Withdrawn;
        bid.CurrentVersionId = null;
        bid.WithdrawnAt = window.Now;
        var withdrawn = new WithdrawnBid(current.ReceiptNumber, new DateTimeOffset(DateTime.SpecifyKind(window.Now, DateTimeKind.Utc)), BidViews.FormatToSecond(window.Now));
        await submit.EmailAsync(scope, "bid-withdrawn", new { withdrawn.WithdrawnReceiptNumber, WithdrawnAt = withdrawn.WithdrawnAtUkText }, ct);
        audit.RecordWithoutActor(StartBid.SealedActor, "bid.withdrawn", nameof(Bid), bid.Id, $"{scope.Procurement.Reference} receipt {current.ReceiptNumber} withdrawn");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<WithdrawOutcome>.Ok(new WithdrawOutcome(withdrawn, null));
    }
}
