using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Files;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.TenderDocuments;

/// <summary>The upload form, the page's and the API's: a file, a title for a new document, and the addendum it belongs to.</summary>
public sealed class UploadTenderDocumentForm
{
    public IFormFile? File { get; set; }
    /// <summary>The document's title (new documents only); the file name without its extension when left out.</summary>
    public string? Title { get; set; }
    /// <summary>The draft addendum that brings the file; required once the tender is published, refused before.</summary>
    public Guid? AddendumId { get; set; }
}

/// <summary>
/// Uploads a tender document, or a new version of one (issue: tender building, item 7). The file passes the upload
/// checks and is stored by a random name outside the web root, with its SHA-256 and size recorded; earlier versions
/// are kept. Before publishing, documents change freely; once the tender is open, only with a draft addendum (the
/// version stays hidden from providers until the addendum is published); after the close, not at all.
/// </summary>
public sealed class UploadTenderDocumentHandler(PortalDbContext db, FileUploads uploads, AuditLog audit, IActor actor)
{
    public async Task<Outcome<TenderDocumentVersion>> HandleAsync(Guid procurementId, Guid? documentId, UploadTenderDocumentForm form, CancellationToken ct)
    {
        var procurement = await db.Procurements.SingleOrDefaultAsync(p => p.Id == procurementId, ct);
        var document = procurement is null || documentId is null
            ? null
            : await db.TenderDocuments.Include(d => d.Versions).SingleOrDefaultAsync(d => d.Id == documentId && d.ProcurementId == procurementId, ct);
        if (procurement is null || (documentId is not null && document is null))
        {
            return Outcome<TenderDocumentVersion>.NotFound();
        }

        var errors = new Errors();
        var title = string.IsNullOrWhiteSpace(form.Title) ? null : form.Title.Trim();
        errors.Require((title?.Length ?? 0) <= 200, nameof(form.Title), "The title must be 200 characters or fewer");
        await CheckAddendumAsync(procurement, form.AddendumId, errors, ct);
        if (form.File is null || form.File.Length == 0)
        {
            errors.Add(nameof(form.File), "Select a file");
        }
        if (!errors.IsEmpty)
        {
            return errors;
        }

        await using var content = await uploads.BufferAsync(form.File!.OpenReadStream(), ct);
        var (upload, stored, fileErrors) = await uploads.CheckAndStoreAsync(form.File.FileName, content, ct);
        if (upload is null || stored is null)
        {
            foreach (var message in fileErrors)
            {
                errors.Add(nameof(form.File), message);
            }
            return errors;
        }

        var now = await db.DatabaseNowAsync(ct);
        if (document is null)
        {
            document = new TenderDocument
            {
                ProcurementId = procurement.Id,
                Title = title ?? Path.GetFileNameWithoutExtension(upload.FileName),
                CreatedAt = now,
            };
            db.TenderDocuments.Add(document);
        }
        var version = new TenderDocumentVersion
        {
            DocumentId = document.Id,
            Number = document.Versions.Select(v => v.Number).DefaultIfEmpty().Max() + 1,
            FileName = upload.FileName,
            ContentType = upload.Kind.ContentType,
            SizeBytes = stored.Size,
            Sha256 = stored.Sha256,
            StorageName = stored.StorageName,
            UploadedAt = now,
            UploadedByUserId = actor.UserId,
            AddendumId = form.AddendumId,
        };
        // Added explicitly: found only through the navigation, a new row with its key already set would be taken for an existing one.
        db.TenderDocumentVersions.Add(version);
        audit.Record(version.Number == 1 ? "tender-document.uploaded" : "tender-document.version-uploaded", nameof(TenderDocument), document.Id,
            $"{procurement.Reference}: {document.Title} version {version.Number} ({upload.FileName}, {stored.Size:N0} bytes, SHA-256 {stored.Sha256})"
            + (form.AddendumId is null ? "" : " with a draft addendum"));
        await db.SaveChangesAsync(ct);
        return Outcome<TenderDocumentVersion>.Ok(version);
    }

    private async Task CheckAddendumAsync(Procurement procurement, Guid? addendumId, Errors errors, CancellationToken ct)
    {
        const string field = nameof(UploadTenderDocumentForm.AddendumId);
        switch (procurement.State)
        {
            case ProcurementState.Draft or ProcurementState.MarketEngagement:
                errors.Require(addendumId is null, field, "The tender is not published yet: upload the document without an addendum");
                break;
            case ProcurementState.TenderOpen:
                var draft = addendumId is { } id
                    && await db.Addenda.AnyAsync(a => a.Id == id && a.ProcurementId == procurement.Id && a.PublishedAt == null, ct);
                errors.Require(draft, field, "The tender is published: documents change only through an addendum. Write an addendum and add the document to it");
                break;
            default:
                errors.Add(field, $"The procurement is {ProcurementLifecycle.Describe(procurement.State)}: its documents can no longer change");
                break;
        }
    }
}
