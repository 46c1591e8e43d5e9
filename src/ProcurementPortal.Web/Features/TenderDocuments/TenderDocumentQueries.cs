using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Features.Procurements;

namespace ProcurementPortal.Web.Features.TenderDocuments;

/// <summary>One version as officers see it: every version is listed, the latest one marked.</summary>
public sealed record DocumentVersionResponse(
    int Number, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt, int? AddendumNumber, bool AddendumPublished, bool IsLatest);

public sealed record TenderDocumentResponse(Guid Id, string Title, IReadOnlyList<DocumentVersionResponse> Versions);

/// <summary>Reading a procurement's documents, and opening one version's file.</summary>
public sealed class TenderDocumentQueries(PortalDbContext db, Core.Files.FileUploads files)
{
    public async Task<List<TenderDocumentResponse>?> ForOfficerAsync(Guid procurementId, CancellationToken ct)
    {
        if (!await db.Procurements.AnyAsync(p => p.Id == procurementId, ct))
        {
            return null;
        }
        var addenda = await db.Addenda.AsNoTracking().Where(a => a.ProcurementId == procurementId).ToDictionaryAsync(a => a.Id, ct);
        var documents = await DocumentsAsync(procurementId, ct);
        return documents.Select(d =>
        {
            var latest = d.Versions.Max(v => v.Number);
            return new TenderDocumentResponse(d.Id, d.Title, d.Versions.OrderByDescending(v => v.Number).Select(v =>
            {
                var addendum = v.AddendumId is { } a ? addenda[a] : null;
                return new DocumentVersionResponse(v.Number, v.FileName, v.ContentType, v.SizeBytes, v.Sha256, ProcurementResponse.Utc(v.UploadedAt)!.Value,
                    addendum?.Number, addendum?.IsPublished ?? false, v.Number == latest);
            }).ToList());
        }).ToList();
    }

    public Task<List<TenderDocument>> DocumentsAsync(Guid procurementId, CancellationToken ct) =>
        db.TenderDocuments.AsNoTracking().Include(d => d.Versions)
            .Where(d => d.ProcurementId == procurementId)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Title)
            .ToListAsync(ct);

    /// <summary>One version of a document of the procurement, or null.</summary>
    public Task<TenderDocumentVersion?> VersionAsync(Guid procurementId, Guid documentId, int number, CancellationToken ct) =>
        db.TenderDocumentVersions.AsNoTracking()
            .SingleOrDefaultAsync(v => v.DocumentId == documentId && v.Number == number
                && db.TenderDocuments.Any(d => d.Id == documentId && d.ProcurementId == procurementId), ct);

    public Stream Open(TenderDocumentVersion version) => files.OpenRead(version.StorageName);
}
