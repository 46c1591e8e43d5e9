using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.TenderDocuments;

public sealed record DocumentsPage(Procurement Procurement, IReadOnlyList<TenderDocumentResponse> Documents, bool CanUpload)
{
    public string Caption => $"{Procurement.Reference} {Procurement.Title}";
}

/// <summary>What the upload page shows: for a new document or a new version, and the addendum it goes with.</summary>
public sealed record UploadPage(string Caption, string Heading, string Action, string Back, TenderDocument? Document, Addendum? Addendum, long MaxBytes);

/// <summary>The officer's pages for tender documents: the list with every version, uploads and downloads.</summary>
[TenantScoped]
[Route("{tenant}/procurements/{id:guid}/documents")]
public sealed class TenderDocumentsController(PortalDbContext db, TenderDocumentQueries queries, Core.Files.FileUploads files) : Controller
{
    private string Slug => HttpContext.TenantMembership()!.Slug;
    private string ListOf(Guid id) => $"/{Slug}/procurements/{id}/documents";

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id, CancellationToken ct)
    {
        var procurement = await db.Procurements.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (procurement is null || await queries.ForOfficerAsync(id, ct) is not { } documents)
        {
            return NotFound();
        }
        var officer = HttpContext.TenantMembership()!.Has(Role.ProcurementOfficer);
        var canUpload = officer && procurement.State is ProcurementState.Draft or ProcurementState.MarketEngagement;
        return View(new DocumentsPage(procurement, documents, canUpload));
    }

    [HttpGet("upload")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Upload(Guid id, Guid? addendumId, CancellationToken ct) =>
        await UploadPageAsync(id, null, addendumId, ct) is { } page ? UploadView(page, new UploadTenderDocumentForm { AddendumId = addendumId }) : NotFound();

    [HttpPost("upload")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/documents")]
    [TenantScoped(Role.ProcurementOfficer)]
    public Task<IActionResult> Upload(Guid id, UploadTenderDocumentForm form, [FromServices] UploadTenderDocumentHandler handler, CancellationToken ct) =>
        SubmitAsync(id, null, form, handler, ct);

    [HttpGet("{documentId:guid}/upload")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> UploadVersion(Guid id, Guid documentId, Guid? addendumId, CancellationToken ct) =>
        await UploadPageAsync(id, documentId, addendumId, ct) is { } page ? UploadView(page, new UploadTenderDocumentForm { AddendumId = addendumId }) : NotFound();

    [HttpPost("{documentId:guid}/upload")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/documents/{documentId}/versions")]
    [TenantScoped(Role.ProcurementOfficer)]
    public Task<IActionResult> UploadVersion(Guid id, Guid documentId, UploadTenderDocumentForm form, [FromServices] UploadTenderDocumentHandler handler, CancellationToken ct) =>
        SubmitAsync(id, documentId, form, handler, ct);

    [HttpGet("{documentId:guid}/versions/{number:int}/download")]
    public async Task<IActionResult> Download(Guid id, Guid documentId, int number, CancellationToken ct) =>
        await queries.VersionAsync(id, documentId, number, ct) is { } version
            ? File(queries.Open(version), version.ContentType, version.FileName)
            : NotFound();

    private async Task<IActionResult> SubmitAsync(Guid id, Guid? documentId, UploadTenderDocumentForm form, UploadTenderDocumentHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, documentId, form, ct);
        var page = outcome.Errors is null ? null : await UploadPageAsync(id, documentId, form.AddendumId, ct);
        return this.ToPageResult(outcome, () => page is null ? NotFound() : UploadView(page, form), version =>
        {
            TempData["Success"] = $"{version.FileName} uploaded as version {version.Number}";
            return Redirect(form.AddendumId is { } addendum ? $"/{Slug}/procurements/{id}/addenda/{addendum}" : ListOf(id));
        });
    }

    private ViewResult UploadView(UploadPage page, UploadTenderDocumentForm form)
    {
        ViewData["Page"] = page;
        return View("Upload", form);
    }

    private async Task<UploadPage?> UploadPageAsync(Guid id, Guid? documentId, Guid? addendumId, CancellationToken ct)
    {
        var procurement = await db.Procurements.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        var document = documentId is null ? null : await db.TenderDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.ProcurementId == id, ct);
        var addendum = addendumId is null ? null : await db.Addenda.AsNoTracking().SingleOrDefaultAsync(a => a.Id == addendumId && a.ProcurementId == id, ct);
        if (procurement is null || (documentId is not null && document is null) || (addendumId is not null && addendum is null))
        {
            return null;
        }
        var back = addendum is null ? ListOf(id) : $"/{Slug}/procurements/{id}/addenda/{addendum.Id}";
        return new UploadPage($"{procurement.Reference} {procurement.Title}",
            document is null ? "Upload a tender document" : $"Upload a new version of {document.Title}",
            document is null ? $"{ListOf(id)}/upload" : $"{ListOf(id)}/{document.Id}/upload",
            back, document, addendum, files.MaxBytes);
    }
}
