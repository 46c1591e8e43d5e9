using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Dashboard;

/// <summary>Each role's view of what needs its attention in one tenant. Later features add their items here.</summary>
[TenantScoped]
public sealed class DashboardController : Controller
{
    [HttpGet("/{tenant}")]
    public IActionResult Index() => View(HttpContext.TenantMembership()!);
}
