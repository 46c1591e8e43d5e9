using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Features.Award;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Exports;

/// <summary>
/// The officer's downloads (CSV or xlsx, docs/exports.md): the tenant's procurements, and per procurement the bids
/// received (only after the opening) and the scores (from moderation on). The API twins are in <see cref="ExportsApiController"/>.
/// </summary>
[TenantScoped]
[Route("{tenant}/procurements")]
public sealed class ExportsController(ExportQueries exports) : Controller
{
    private const string Format = "{format:regex(^(csv|xlsx)$)}";

    [HttpGet("export." + Format)]
    public async Task<IActionResult> Procurements(string format, CancellationToken ct) =>
        await (await exports.ProcurementsAsync(ct)).FileAsync(format, ct);

    /// <summary>Before the opening the officer is told the bids are sealed (404: nothing of them exists to download).</summary>
    [HttpGet("{id:guid}/bids." + Format)]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Bids(Guid id, string format, CancellationToken ct)
    {
        var outcome = await exports.BidsAsync(id, ct);
        if (outcome.Errors is not null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("Sealed", id);
        }
        return outcome.Value is { } table ? await table.FileAsync(format, ct) : NotFound();
    }

    [HttpGet("{id:guid}/scores." + Format)]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Scores(Guid id, string format, CancellationToken ct) =>
        (await exports.ScoresAsync(id, User.UserId()!.Value, ct)).Value is { } table ? await table.FileAsync(format, ct) : NotFound();
}

/// <summary>The exports for machines: <c>?format=csv</c> (the default) or <c>xlsx</c>; the same tables as the pages' downloads.</summary>
[ApiController]
[TenantScoped]
[Route("api/v1/t/{tenant}")]
[Tags("Exports")]
public sealed class ExportsApiController(ExportQueries exports) : ControllerBase
{
    /// <summary>Every procurement of the tenant, newest first (columns: docs/exports.md).</summary>
    [HttpGet("exports/procurements")]
    [Produces("text/csv", ExportTable.XlsxContentType)]
    [ProducesResponseType<byte[]>(StatusCodes.Status200OK, "text/csv", ExportTable.XlsxContentType)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult> Procurements([FromQuery] string? format, CancellationToken ct) =>
        BadFormat(format) ?? await (await exports.ProcurementsAsync(ct)).FileAsync(format, ct);

    /// <summary>The contract register as filtered (the same filters as <c>GET .../contracts</c>).</summary>
    [HttpGet("exports/contracts")]
    [TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
    [Produces("text/csv", ExportTable.XlsxContentType)]
    [ProducesResponseType<byte[]>(StatusCodes.Status200OK, "text/csv", ExportTable.XlsxContentType)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult> Contracts([FromQuery] string? format, [FromQuery] string? provider, [FromQuery] string? lot, [FromQuery] string? sort,
        [FromServices] ContractRegister register, CancellationToken ct) =>
        BadFormat(format) ?? await ContractRegister.Table(await register.ListAsync(new ContractFilter(provider, lot, sort), ct)).FileAsync(format, ct);

    /// <summary>The bids received, one row per bid and lot; 404 with "sealed" in the problem until the formal opening.</summary>
    [HttpGet("procurements/{id:guid}/exports/bids")]
    [TenantScoped(Role.ProcurementOfficer)]
    [Produces("text/csv", ExportTable.XlsxContentType)]
    [ProducesResponseType<byte[]>(StatusCodes.Status200OK, "text/csv", ExportTable.XlsxContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult> Bids(Guid id, [FromQuery] string? format, CancellationToken ct)
    {
        if (BadFormat(format) is { } bad)
        {
            return bad;
        }
        var outcome = await exports.BidsAsync(id, ct);
        if (outcome.Errors is not null)
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: "The bids are sealed", detail: ExportQueries.SealedMessage);
        }
        return outcome.Value is { } table ? await table.FileAsync(format, ct) : NotFound();
    }

    /// <summary>Each evaluator's score, the moderated score and its rationale per bid and question; 404 before moderation.</summary>
    [HttpGet("procurements/{id:guid}/exports/scores")]
    [TenantScoped(Role.ProcurementOfficer)]
    [Produces("text/csv", ExportTable.XlsxContentType)]
    [ProducesResponseType<byte[]>(StatusCodes.Status200OK, "text/csv", ExportTable.XlsxContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult> Scores(Guid id, [FromQuery] string? format, CancellationToken ct) =>
        BadFormat(format) ?? ((await exports.ScoresAsync(id, User.UserId()!.Value, ct)).Value is { } table ? await table.FileAsync(format, ct) : NotFound());

    private ActionResult? BadFormat(string? format)
    {
        if (ExportTable.IsFormat(format))
        {
            return null;
        }
        ModelState.AddModelError(nameof(format), "The format is csv or xlsx");
        return ValidationProblem(ModelState);
    }
}
