using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Audit;

public sealed record AuditLogPage(AuditQuery Query, AuditPage? Result, AuditVerification? Verification);

/// <summary>A tenant admin browses the tenant's audit trail and checks that its hash chain is unbroken.</summary>
[TenantScoped(Role.TenantAdmin)]
[Route("{tenant}/admin/audit")]
public sealed class AuditController(BrowseAuditEvents browse) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditQuery query, CancellationToken ct) =>
        await PageAsync(query, null, ct);

    [HttpPost("verify")]
    [ApiTwin("POST /api/v1/t/{tenant}/audit-events/verify")]
    public async Task<IActionResult> Verify([FromServices] AuditLog audit, CancellationToken ct) =>
        await PageAsync(new AuditQuery(null, null, null, null), await audit.VerifyAsync(ct), ct);

    private async Task<IActionResult> PageAsync(AuditQuery query, AuditVerification? verification, CancellationToken ct)
    {
        var outcome = await browse.HandleAsync(query, ct);
        outcome.Errors?.CopyTo(ModelState);
        return View("Index", new AuditLogPage(query, outcome.Value, verification));
    }
}
