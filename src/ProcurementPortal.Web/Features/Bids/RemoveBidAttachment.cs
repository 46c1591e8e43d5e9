using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Bids;

/// <summary>
/// Removes a file from the draft while the tender is open. The row and the encrypted file are kept, marked removed:
/// a version submitted earlier may have sealed the file, and must still open whole.
/// </summary>
public sealed class RemoveBidAttachment(PortalDbContext db, BidWorkspace workspace, AuditLog audit)
{
    public async Task<Outcome<BidAttachmentView>> HandleAsync(Guid procurementId, Guid? providerId, Guid attachmentId, CancellationToken ct)
    {
        var scope = await workspace.OpenAsync(procurementId, providerId, ct);
        var attachment = scope?.Bid is { } bid
            ? await db.BidAttachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.BidId == bid.Id && a.RemovedAt == null, ct)
            : null;
        if (attachment is null)
        {
            return Outcome<BidAttachmentView>.NotFound();
        }
        if (!scope!.IsOpen)
        {
            return new Errors().Add("Bid", "The tender is no longer open: the bid cannot be changed");
        }
        attachment.RemovedAt = await db.DatabaseNowAsync(ct);
        audit.RecordWithoutActor(StartBid.SealedActor, "bid.attachment_removed", nameof(Bid), attachment.BidId,
            $"{scope.Procurement.Reference}: a file removed (SHA-256 {attachment.Sha256})");
        await db.SaveChangesAsync(ct);
        return Outcome<BidAttachmentView>.Ok(BidViews.Attachment(attachment));
    }
}
