using System.Security.Cryptography;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Files;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Bids;

/// <summary>The upload form, the page's and the API's: a file, and the question it supports (none: a supporting document).</summary>
public sealed class UploadBidAttachmentForm
{
    public IFormFile? File { get; set; }
    /// <summary>A question of the tender whose attachment rule allows files; leave out for the bid's supporting documents.</summary>
    public Guid? QuestionId { get; set; }
}

/// <summary>
/// Attaches a file to the provider's draft while the tender is open (issue 5, item 2). The file passes the same
/// checks as tender documents (size, kind by its bytes, one extension, a plain name) and the virus-scan hook; it is
/// then encrypted with the procurement's bid protector and only the ciphertext is stored, by a random name. The
/// SHA-256 of the plain bytes is recorded: the sealed bid lists it, and the receipt shows it.
/// </summary>
public sealed class UploadBidAttachment(PortalDbContext db, BidWorkspace workspace, BidProtector protector, FileUploads uploads, AuditLog audit, IActor actor)
{
    /// <summary>Files per question, and supporting documents per bid.</summary>
    public const int MaxFilesPerPlace = 20;

    public async Task<Outcome<BidAttachmentView>> HandleAsync(Guid procurementId, Guid? providerId, UploadBidAttachmentForm form, CancellationToken ct)
    {
        var scope = await workspace.OpenAsync(procurementId, providerId, ct);
        if (scope?.Bid is not { } bid)
        {
            return Outcome<BidAttachmentView>.NotFound();
        }
        var errors = new Errors().Require(scope.IsOpen, "Bid", "The tender is no longer open: the bid cannot be changed");
        if (form.QuestionId is { } questionId)
        {
            var question = BidRules.ApplicableQuestions(scope.Procurement, scope.Content.LotIds).Select(x => x.Question).SingleOrDefault(q => q.Id == questionId);
            errors.Require(question is not null, nameof(form.QuestionId), "This question does not apply to the lots you chose")
                .Require(question is null || question.Attachments != AttachmentRule.None, nameof(form.QuestionId), "This question does not take attachments");
        }
        var here = scope.Attachments.Where(a => a.QuestionId == form.QuestionId).ToList();
        errors.Require(here.Count < MaxFilesPerPlace, nameof(form.File), $"You can attach up to {MaxFilesPerPlace} files here: remove one first");
        if (form.File is null || form.File.Length == 0)
        {
            errors.Add(nameof(form.File), "Select a file");
        }
        if (!errors.IsEmpty)
        {
            return errors;
        }

        await using var content = await uploads.BufferAsync(form.File!.OpenReadStream(), ct);
        var (upload, fileErrors) = await uploads.CheckAsync(form.File.FileName, content, ct);
        if (upload is null)
        {
            fileErrors.ToList().ForEach(message => errors.Add(nameof(form.File), message));
            return errors;
        }
        if (here.Any(a => string.Equals(a.FileName, upload.FileName, StringComparison.OrdinalIgnoreCase)))
        {
            return errors.Add(nameof(form.File), $"You have already attached a file called \"{upload.FileName}\" here: remove it first, or rename the new one");
        }

        var plain = content.ToArray();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(plain));
        using var cipher = new MemoryStream(protector.Protect(procurementId, plain));
        var stored = await uploads.StoreAsync(cipher, ct);
        var attachment = new BidAttachment
        {
            BidId = bid.Id,
            ProcurementId = procurementId,
            QuestionId = form.QuestionId,
            FileName = upload.FileName,
            ContentType = upload.Kind.ContentType,
            SizeBytes = upload.Size,
            Sha256 = sha256,
            StorageName = stored.StorageName,
            UploadedAt = await db.DatabaseNowAsync(ct),
            UploadedByUserId = actor.UserId!.Value,
        };
        db.BidAttachments.Add(attachment);
        // The file name may name the bidder: the tenant's log keeps only the hash until the opening.
        audit.RecordWithoutActor(StartBid.SealedActor, "bid.attachment_added", nameof(Bid), bid.Id,
            $"{scope.Procurement.Reference}: a file attached ({upload.Size:N0} bytes, SHA-256 {sha256})");
        await db.SaveChangesAsync(ct);
        return Outcome<BidAttachmentView>.Ok(BidViews.Attachment(attachment));
    }
}
