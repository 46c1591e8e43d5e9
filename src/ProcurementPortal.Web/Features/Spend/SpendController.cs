using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Spend;

/// <summary>Spend and capacity against the plan for a framework procurement, with its CSV and xlsx export (API twin: <see cref="SpendApiController"/>).</summary>
[TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
[Route("{tenant}/procurements/{id:guid}/framework")]
public sealed class SpendController(FrameworkSpend spend) : Controller
{
    [HttpGet("spend")]
    public async Task<IActionResult> Index(Guid id, CancellationToken ct) =>
        await spend.FindAsync(id, ct) is { } view ? View(view) : NotFound();

    [HttpGet("spend.{format:regex(^(csv|xlsx)$)}")]
    public async Task<IActionResult> Export(Guid id, string format, CancellationToken ct) =>
        await spend.FindAsync(id, ct) is { } view ? await FrameworkSpend.Table(view).FileAsync(format, ct) : NotFound();
}

/// <summary>Spend and capacity against the plan: committed hours and annual spend per lot and band from live call-offs, providers' shares and response rates.</summary>
[ApiController]
[Route("api/v1/t/{tenant}/procurements/{id:guid}")]
[TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
[Tags("Framework")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
public sealed class SpendApiController(FrameworkSpend spend) : ControllerBase
{
    /// <summary>Per lot and band: expected and committed hours a week, committed annual spend against the budget; per provider: placements and offer/decline rates.</summary>
    [HttpGet("framework/spend")]
    [ProducesResponseType<SpendView>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Get(Guid id, CancellationToken ct) =>
        await spend.FindAsync(id, ct) is { } view ? Ok(view) : NotFound();

    /// <summary>The same figures as a table, one row per lot and band (columns: docs/exports.md); <c>?format=csv</c> (the default) or <c>xlsx</c>.</summary>
    [HttpGet("exports/framework-spend")]
    [Produces("text/csv", ExportTable.XlsxContentType)]
    [ProducesResponseType<byte[]>(StatusCodes.Status200OK, "text/csv", ExportTable.XlsxContentType)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult> Export(Guid id, [FromQuery] string? format, CancellationToken ct)
    {
        if (!ExportTable.IsFormat(format))
        {
            ModelState.AddModelError(nameof(format), "The format is csv or xlsx");
            return ValidationProblem(ModelState);
        }
        return await spend.FindAsync(id, ct) is { } view ? await FrameworkSpend.Table(view).FileAsync(format, ct) : NotFound();
    }
}

public static class SpendFeature
{
    /// <summary>Spend and capacity against the framework's plan, and the over-plan warnings of the confirm pages.</summary>
    public static IServiceCollection AddSpendFeature(this IServiceCollection services) => services.AddScoped<FrameworkSpend>();
}
