using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Award;

public sealed record ContractsPage(ContractFilter Filter, IReadOnlyList<ContractRow> Contracts);

/// <summary>The tenant's contract register as pages: filter, sort, the CSV export and one page per contract.</summary>
[TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
[Route("{tenant}/contracts")]
public sealed class ContractsController(ContractRegister register) : Controller
{
    private const string Views = "/Features/Award/";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? provider, [FromQuery] string? lot, [FromQuery] string? sort, CancellationToken ct)
    {
        var filter = new ContractFilter(provider, lot, sort);
        return View(Views + "Contracts.cshtml", new ContractsPage(filter, await register.ListAsync(filter, ct)));
    }

    /// <summary>The register as filtered, as CSV or xlsx (docs/exports.md).</summary>
    [HttpGet("contracts.{format:regex(^(csv|xlsx)$)}")]
    public async Task<IActionResult> Export(string format, [FromQuery] string? provider, [FromQuery] string? lot, [FromQuery] string? sort, CancellationToken ct) =>
        await ContractRegister.Table(await register.ListAsync(new ContractFilter(provider, lot, sort), ct)).FileAsync(format, ct);

    [HttpGet("{contractId:guid}")]
    public async Task<IActionResult> Show(Guid contractId, CancellationToken ct) =>
        await register.FindAsync(contractId, ct) is { } contract ? View(Views + "Contract.cshtml", contract) : NotFound();
}
