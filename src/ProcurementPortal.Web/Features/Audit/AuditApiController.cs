using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Audit;

[ApiController]
[TenantScoped(Role.TenantAdmin)]
[Route("api/v1/t/{tenant}/audit-events")]
[Tags("Audit log")]
public sealed class AuditApiController(BrowseAuditEvents browse) : ControllerBase
{
    /// <summary>The tenant's audit events, newest first, paged as every list (docs/api.md); from and to are UK dates (yyyy-mm-dd), both included.</summary>
    [HttpGet]
    [ProducesResponseType<AuditPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> List([FromQuery] AuditQuery query, CancellationToken ct) =>
        this.ToApiResult(await browse.HandleAsync(query with { Size = query.Size ?? PageRequest.DefaultSize }, ct), page =>
        {
            Response.WritePageHeaders(new PageRequest { Page = page.Page, PageSize = page.PageSize }, page.Total);
            return Ok(page);
        });

    /// <summary>One audit event of the tenant.</summary>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<AuditEventView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<AuditEventView>> Get(Guid id, CancellationToken ct) =>
        await browse.FindAsync(id, ct) is { } found ? found : NotFound();

    /// <summary>Recomputes the tenant's hash chain and reports the first broken event, if any.</summary>
    [HttpPost("verify")]
    [ProducesResponseType<AuditVerification>(StatusCodes.Status200OK)]
    public Task<AuditVerification> Verify([FromServices] AuditLog audit, CancellationToken ct) =>
        audit.VerifyAsync(ct);
}

[ApiController]
[Authorize(Policy = PortalClaims.PlatformAdminPolicy)]
[Route("api/v1/admin/audit")]
[Tags("Platform administration")]
public sealed class PlatformAuditApiController : ControllerBase
{
    /// <summary>Recomputes the platform chain (tenant creation, provider registration) and reports the first broken event.</summary>
    [HttpPost("verify")]
    [ProducesResponseType<AuditVerification>(StatusCodes.Status200OK)]
    public Task<AuditVerification> Verify([FromServices] AuditLog audit, CancellationToken ct) =>
        audit.VerifyAsync(ct);
}
