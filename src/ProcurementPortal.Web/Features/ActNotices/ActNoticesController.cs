using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.ActNotices;

public sealed record ActNoticesPage(Guid ProcurementId, IReadOnlyList<ActNotice> Notices);

/// <summary>
/// The Procurement Act 2023 notices of a procurement as a page an officer copies from (one summary list per notice,
/// blanks named "To complete"), and as JSON for posting to the central digital platform.
/// </summary>
[TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
[Route("{tenant}/procurements/{id:guid}/notices")]
public sealed class ActNoticesController(ActNoticeQueries notices) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id, CancellationToken ct) =>
        await notices.AllAsync(id, ct) is { } all ? View(new ActNoticesPage(id, all)) : NotFound();
}

[ApiController]
[TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
[Route("api/v1/t/{tenant}/procurements/{id:guid}/notices")]
[Tags("Notices")]
public sealed class ActNoticesApiController(ActNoticeQueries notices) : ControllerBase
{
    /// <summary>
    /// One notice filled from the procurement: <c>tender</c> (UK4), <c>contract-award</c> (UK6) or
    /// <c>contract-details</c> (UK7). Each field has its value, or none and <c>toComplete: true</c>.
    /// </summary>
    [HttpGet("{kind}")]
    [ProducesResponseType<ActNotice>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ActNotice>> Get(Guid id, string kind, CancellationToken ct) =>
        await notices.OneAsync(id, kind, ct) is { } notice ? notice : NotFound();
}
