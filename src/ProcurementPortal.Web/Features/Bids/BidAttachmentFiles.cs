using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Core.Files;

namespace ProcurementPortal.Web.Features.Bids;

/// <summary>A provider's own attachment, decrypted for download.</summary>
public sealed record BidAttachmentFile(string FileName, string ContentType, byte[] Content);

/// <summary>Reads a provider's own attachment back: found through its bid (so the provider locks decide), then decrypted.</summary>
public sealed class BidAttachmentFiles(BidWorkspace workspace, BidProtector protector, FileUploads uploads)
{
    public async Task<BidAttachmentFile?> OpenAsync(Guid procurementId, Guid? providerId, Guid attachmentId, CancellationToken ct)
    {
        var scope = await workspace.OpenAsync(procurementId, providerId, ct);
        if (scope?.Attachments.SingleOrDefault(a => a.Id == attachmentId) is not { } attachment)
        {
            return null;
        }
        await using var stored = uploads.OpenRead(attachment.StorageName);
        using var cipher = new MemoryStream();
        await stored.CopyToAsync(cipher, ct);
        return new BidAttachmentFile(attachment.FileName, attachment.ContentType, protector.Unprotect(procurementId, cipher.ToArray()));
    }
}
