using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Tenants;

[ApiController]
[Authorize(Policy = PortalClaims.PlatformAdminPolicy)]
[Route("api/v1/admin/tenants")]
[Tags("Platform administration")]
public sealed class TenantsApiController(ListTenants list, CreateTenant create) : ControllerBase
{
    /// <summary>Every tenant (commissioning body) of the installation.</summary>
    [HttpGet]
    [ProducesResponseType<List<TenantSummary>>(StatusCodes.Status200OK)]
    public async Task<List<TenantSummary>> List([FromQuery] PageRequest paging, CancellationToken ct) => this.Page(await list.HandleAsync(ct), paging);

    /// <summary>Creates a tenant and emails an invitation to its first tenant admin.</summary>
    [HttpPost]
    [ProducesResponseType<CreatedTenant>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Create(CreateTenantCommand command, CancellationToken ct) =>
        this.ToApiResult(await create.HandleAsync(command, ct), created => Created($"/{created.Slug}", created));
}
