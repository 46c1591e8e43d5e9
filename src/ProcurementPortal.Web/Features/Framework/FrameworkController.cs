using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Framework;

public sealed record SuspendPage(FrameworkView Framework, MemberRow Member, string? Reason);

/// <summary>The framework after award: its lots' members, and suspending and reinstating them (API twin: <see cref="FrameworkApiController"/>).</summary>
[TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
[Route("{tenant}/procurements/{id:guid}/framework")]
public sealed class FrameworkController(FrameworkMembers framework) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id, CancellationToken ct) =>
        await framework.FindAsync(id, ct) is { } view ? View(view) : NotFound();

    [HttpGet("members/{memberId:guid}/suspend")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Suspend(Guid id, Guid memberId, CancellationToken ct) =>
        await PageAsync(id, memberId, null, ct) is { } page ? View(page) : NotFound();

    [HttpPost("members/{memberId:guid}/suspend")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/framework/members/{memberId}/suspend")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Suspend(Guid id, Guid memberId, SuspendMemberCommand command, [FromServices] SuspendMemberHandler handler, CancellationToken ct)
    {
        if (await PageAsync(id, memberId, command.Reason, ct) is not { } page)
        {
            return NotFound();
        }
        var outcome = await handler.HandleAsync(id, memberId, command, ct);
        return this.ToPageResult(outcome, () => View(page), m => Done(id, $"{m.ProviderName} is suspended and has been told why"));
    }

    [HttpPost("members/{memberId:guid}/reinstate")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/framework/members/{memberId}/reinstate")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Reinstate(Guid id, Guid memberId, [FromServices] ReinstateMemberHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, memberId, ct);
        return outcome.IsNotFound ? NotFound() : Done(id, outcome.Succeeded ? $"{outcome.Value!.ProviderName} is reinstated and has been told" : "That provider is not suspended");
    }

    private IActionResult Done(Guid id, string message)
    {
        TempData["Success"] = message;
        return Redirect($"/{HttpContext.TenantMembership()!.Slug}/procurements/{id}/framework");
    }

    private async Task<SuspendPage?> PageAsync(Guid id, Guid memberId, string? reason, CancellationToken ct) =>
        await framework.FindAsync(id, ct) is { } view && view.Lots.SelectMany(l => l.Members).FirstOrDefault(m => m.Id == memberId) is { } member
            ? new SuspendPage(view, member, reason)
            : null;
}

/// <summary>The framework after award: members per lot with their band rates, rank, score and status; suspend and reinstate.</summary>
[ApiController]
[Route("api/v1/t/{tenant}/procurements/{id:guid}/framework")]
[TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
[Tags("Framework")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
public sealed class FrameworkApiController(FrameworkMembers framework) : ControllerBase
{
    /// <summary>The framework's lots: term, extension options and members.</summary>
    [HttpGet]
    [ProducesResponseType<FrameworkView>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Get(Guid id, CancellationToken ct) =>
        await framework.FindAsync(id, ct) is { } view ? Ok(view) : NotFound();

    /// <summary>Suspends an active member (not invited to package requests, cannot offer); the provider is told the reason.</summary>
    [HttpPost("members/{memberId:guid}/suspend")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<MemberStatusView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Suspend(Guid id, Guid memberId, SuspendMemberCommand command, [FromServices] SuspendMemberHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, memberId, command, ct), m => Ok(MemberStatusView.From(m)));

    /// <summary>Reinstates a suspended member; the provider is told.</summary>
    [HttpPost("members/{memberId:guid}/reinstate")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<MemberStatusView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Reinstate(Guid id, Guid memberId, [FromServices] ReinstateMemberHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, memberId, ct), m => Ok(MemberStatusView.From(m)));
}

public sealed record MemberStatusView(Guid Id, Guid ProviderId, string ProviderName, MemberStatus Status, string? StatusReason, DateTimeOffset? StatusChangedAt)
{
    public static MemberStatusView From(FrameworkMember m) => new(m.Id, m.ProviderId, m.ProviderName, m.Status, m.StatusReason,
        m.StatusChangedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null);
}
