using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.TenderDocuments;

public sealed record UploadedVersionResponse(Guid DocumentId, int Number, string FileName, string ContentType, long SizeBytes, string Sha256, Guid? AddendumId)
{
    public static UploadedVersionResponse From(TenderDocumentVersion v) =>
        new(v.DocumentId, v.Number, v.FileName, v.ContentType, v.SizeBytes, v.Sha256, v.AddendumId);
}

/// <summary>A procurement's tender documents for its officers: upload, new versions, list (every version) and download.</summary>
[ApiController]
[Route("api/v1/t/{tenant}/procurements/{id:guid}/documents")]
[TenantScoped]
[Tags("Tender documents")]
[ProducesResponseType(StatusCodes.Status404NotFound)]
public sealed class TenderDocumentsApiController(TenderDocumentQueries queries) : ControllerBase
{
    [HttpGet]
    [ProducesResponseType<List<TenderDocumentResponse>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<List<TenderDocumentResponse>>> List(Guid id, [FromQuery] PageRequest paging, CancellationToken ct) =>
        await queries.ForOfficerAsync(id, ct) is { } documents ? this.Page(documents, paging) : NotFound();

    /// <summary>Uploads a new document (multipart: <c>file</c>, optional <c>title</c>, and <c>addendumId</c> once the tender is published).</summary>
    [HttpPost]
    [TenantScoped(Role.ProcurementOfficer)]
    [Consumes("multipart/form-data")]
    [ProducesResponseType<UploadedVersionResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Upload(Guid id, [FromForm] UploadTenderDocumentForm form, [FromServices] UploadTenderDocumentHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, null, form, ct), v => StatusCode(StatusCodes.Status201Created, UploadedVersionResponse.From(v)));

    /// <summary>Uploads a new version of a document; the earlier versions are kept.</summary>
    [HttpPost("{documentId:guid}/versions")]
    [TenantScoped(Role.ProcurementOfficer)]
    [Consumes("multipart/form-data")]
    [ProducesResponseType<UploadedVersionResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> UploadVersion(Guid id, Guid documentId, [FromForm] UploadTenderDocumentForm form, [FromServices] UploadTenderDocumentHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, documentId, form, ct), v => StatusCode(StatusCodes.Status201Created, UploadedVersionResponse.From(v)));

    [HttpGet("{documentId:guid}/versions/{number:int}/download")]
    [ProducesResponseType<FileStreamResult>(StatusCodes.Status200OK, "application/octet-stream")]
    public async Task<ActionResult> Download(Guid id, Guid documentId, int number, CancellationToken ct) =>
        await queries.VersionAsync(id, documentId, number, ct) is { } version
            ? File(queries.Open(version), version.ContentType, version.FileName)
            : NotFound();
}
