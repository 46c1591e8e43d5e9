using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Tenants;

/// <summary>The platform admin's list of tenants and the form that creates one.</summary>
[Authorize(Policy = PortalClaims.PlatformAdminPolicy)]
[Route("admin/tenants")]
public sealed class TenantsController(ListTenants list, CreateTenant create) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await list.HandleAsync(ct));

    [HttpGet("new")]
    public IActionResult Create() => View(new CreateTenantCommand(null, null, null, null, null, null, null, null));

    [HttpPost("new")]
    [ApiTwin("POST /api/v1/admin/tenants")]
    public async Task<IActionResult> Create(CreateTenantCommand command, CancellationToken ct) =>
        this.ToPageResult(await create.HandleAsync(command, ct), () => View(command), created =>
        {
            TempData["Success"] = $"Tenant created. An invitation has been sent to {command.AdminEmail?.Trim()}.";
            return RedirectToAction(nameof(Index));
        });
}
