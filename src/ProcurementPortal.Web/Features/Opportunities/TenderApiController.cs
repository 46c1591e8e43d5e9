using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Opportunities;

/// <summary>
/// A published tender of any tenant as a provider sees it: the tender, its documents (downloads once the provider's
/// organisation has registered interest, else 404) and its published addenda. See ADR 010.
/// </summary>
[ApiController]
[Authorize]
[PublicTenantPage]
[Route("api/v1/t/{tenant}/opportunities/{id:guid}")]
[Tags("Opportunities")]
[ProducesResponseType(StatusCodes.Status404NotFound)]
public sealed class TenderApiController(ProviderTenderHandler handler) : ControllerBase
{
    [HttpGet]
    [ProducesResponseType<ProviderTender>(StatusCodes.Status200OK)]
    public async Task<ActionResult<ProviderTender>> Get(Guid id, CancellationToken ct) =>
        await handler.FindAsync(id, ct) is { } tender ? tender : NotFound();

    [HttpGet("documents")]
    [ProducesResponseType<List<ProviderDocument>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<IReadOnlyList<ProviderDocument>>> Documents(Guid id, [FromQuery] PageRequest paging, CancellationToken ct) =>
        await handler.FindAsync(id, ct) is { } tender ? Ok(this.Page(tender.Documents, paging)) : NotFound();

    /// <summary>The document's current version; 404 unless the caller's provider organisation has registered interest.</summary>
    [HttpGet("documents/{documentId:guid}/download")]
    [ProducesResponseType<FileStreamResult>(StatusCodes.Status200OK, "application/octet-stream")]
    public async Task<ActionResult> Download(Guid id, Guid documentId, CancellationToken ct) =>
        await handler.DownloadableAsync(id, documentId, ct) is { } version
            ? File(handler.Open(version), version.ContentType, version.FileName)
            : NotFound();

    [HttpGet("addenda")]
    [ProducesResponseType<List<ProviderAddendum>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<IReadOnlyList<ProviderAddendum>>> Addenda(Guid id, [FromQuery] PageRequest paging, CancellationToken ct) =>
        await handler.FindAsync(id, ct) is { } tender ? Ok(this.Page(tender.Addenda, paging)) : NotFound();
}
