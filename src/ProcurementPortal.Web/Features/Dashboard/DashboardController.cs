using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Dashboard;

/// <summary>The tenant dashboard: the actions due for each role the person holds, soonest first, then each role's overview.</summary>
public sealed record DashboardPage(TenantMembership Membership, IReadOnlyList<AttentionItem> Items);

/// <summary>Each role's view of what needs its attention in one tenant.</summary>
[TenantScoped]
public sealed class DashboardController(TenantAttention attention) : Controller
{
    [HttpGet("/{tenant}")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var membership = HttpContext.TenantMembership()!;
        return View(new DashboardPage(membership, await attention.ForAsync(membership, ct)));
    }
}

/// <summary>The dashboard's list as data: what needs the caller's attention in this tenant.</summary>
[ApiController]
[TenantScoped]
[Route("api/v1/t/{tenant}/attention")]
[Tags("Dashboard")]
public sealed class AttentionApiController(TenantAttention attention) : ControllerBase
{
    [HttpGet]
    [ProducesResponseType<List<AttentionItem>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<AttentionItem>> List([FromQuery] PageRequest paging, CancellationToken ct) =>
        this.Page(await attention.ForAsync(HttpContext.TenantMembership()!, ct), paging);
}
