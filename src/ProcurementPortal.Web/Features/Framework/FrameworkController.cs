using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Web.Features.Brokerage;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Framework;

public sealed record SuspendPage(FrameworkView Framework, MemberRow Member, string? Reason);

public sealed record CapacityPage(FrameworkView Framework, MemberRow Member, string? CapacityHoursPerWeek);

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

    [HttpGet("members/{memberId:guid}/capacity")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Capacity(Guid id, Guid memberId, CancellationToken ct) =>
        await PageAsync(id, memberId, null, ct) is { Member: var member } page
            ? View(new CapacityPage(page.Framework, member, member.CapacityHoursPerWeek?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)))
            : NotFound();

    [HttpPost("members/{memberId:guid}/capacity")]
    [ApiTwin("PUT /api/v1/t/{tenant}/procurements/{id}/framework/members/{memberId}/capacity")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Capacity(Guid id, Guid memberId, string? capacityHoursPerWeek, [FromServices] RecordMemberCapacityHandler handler, CancellationToken ct)
    {
        if (await PageAsync(id, memberId, null, ct) is not { } page)
        {
            return NotFound();
        }
        var errors = new Errors();
        var hours = Number.Read(capacityHoursPerWeek, nameof(RecordMemberCapacityCommand.CapacityHoursPerWeek), "the hours a week", errors);
        Outcome<FrameworkMember> outcome = errors.IsEmpty ? await handler.HandleAsync(id, memberId, new RecordMemberCapacityCommand { CapacityHoursPerWeek = hours }, ct) : errors;
        return this.ToPageResult(outcome, () => View(new CapacityPage(page.Framework, page.Member, capacityHoursPerWeek)),
            m => Done(id, $"{m.ProviderName}'s capacity is {RecordMemberCapacityHandler.Describe(m.CapacityHoursPerWeek)}"));
    }

    [HttpPost("members/{memberId:guid}/reinstate")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/framework/members/{memberId}/reinstate")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Reinstate(Guid id, Guid memberId, [FromServices] ReinstateMemberHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, memberId, ct);
        return outcome.IsNotFound ? NotFound() : Done(id, outcome.Succeeded ? $"{outcome.Value!.ProviderName} is reinstated and has been told" : "That provider is not suspended");
    }

    [HttpGet("direct-award")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> DirectAward(Guid id, CancellationToken ct) =>
        await framework.FindAsync(id, ct) is { } view ? View(new DirectAwardForm().For(view, null)) : NotFound();

    [HttpPost("direct-award")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/framework/direct-award/proposal")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> DirectAward(Guid id, DirectAwardForm form, [FromServices] ProposeDirectAwardHandler handler, CancellationToken ct)
    {
        if (await framework.FindAsync(id, ct) is not { } view)
        {
            return NotFound();
        }
        var outcome = await ReadAsync(form, command => handler.HandleAsync(id, command with { ProposalId = null }, ct));
        return this.ToPageResult(outcome, () => View(form.For(view, null)), p => View(form.For(view, p)));
    }

    [HttpPost("direct-award/confirm")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/framework/direct-award")]
    [TenantScoped(Role.ProcurementOfficer)]
    [PersonOnly]
    public async Task<IActionResult> ConfirmDirectAward(Guid id, DirectAwardForm form, [FromServices] DirectAwards awards,
        [FromServices] ConfirmDirectAwardHandler handler, CancellationToken ct)
    {
        if (await framework.FindAsync(id, ct) is not { } view)
        {
            return NotFound();
        }
        var outcome = await ReadAsync(form, command => handler.HandleAsync(id, command, ct));
        if (outcome.Succeeded)
        {
            var contract = outcome.Value!.Contract;
            return Done(id, $"Call-off {contract.Reference} is awarded to {contract.ProviderName}");
        }
        if (outcome.IsNotFound)
        {
            return NotFound();
        }
        outcome.Errors!.CopyTo(ModelState);
        // The same proposal again (its id kept), to show beside the errors.
        var proposal = await ReadAsync(form, command => awards.ProposeAsync(id, command.ProposalId ?? Guid.CreateVersion7(), command, ct));
        return View(nameof(DirectAward), form.For(view, proposal.Value));
    }

    private static async Task<Outcome<T>> ReadAsync<T>(DirectAwardForm form, Func<DirectAwardCommand, Task<Outcome<T>>> handle)
    {
        var errors = new Errors();
        var command = form.ToCommand(errors);
        var outcome = errors.IsEmpty ? await handle(command) : errors;
        return outcome.Errors is { } found ? found.OnDayBoxes(nameof(DirectAwardCommand.StartsOn)) : outcome;
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

    /// <summary>Proposes the provider for a direct award on a lot by the rule chosen (highest-ranked active member, or lowest rate for the band); nothing is saved.</summary>
    [HttpPost("direct-award/proposal")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<DirectAwardProposal>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> ProposeDirectAward(Guid id, DirectAwardCommand command, [FromServices] ProposeDirectAwardHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, command with { ProposalId = null }, ct), p => Ok(p));

    /// <summary>
    /// Confirms a proposal: the call-off contract is made with the member proposed, or with another active member of the lot
    /// when memberId and the reason are given; the provider is emailed. Confirming the same proposal again answers 200 with the same contract.
    /// planWarnings say if the call-off takes the lot over its budget or the band over its expected hours (it is not refused).
    /// </summary>
    [HttpPost("direct-award")]
    [TenantScoped(Role.ProcurementOfficer)]
    [PersonOnly]
    [ProducesResponseType<CallOffView>(StatusCodes.Status201Created)]
    [ProducesResponseType<CallOffView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> ConfirmDirectAward(Guid id, DirectAwardCommand command, [FromServices] ConfirmDirectAwardHandler handler,
        [FromServices] Spend.FrameworkSpend spend, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, command, ct);
        var warnings = outcome.Value is { } made ? await spend.WarningsAfterAsync(made.Contract, ct) : [];
        return this.ToApiResult(outcome,
            r => r.Created ? StatusCode(StatusCodes.Status201Created, CallOffView.From(r.Contract, warnings)) : Ok(CallOffView.From(r.Contract, warnings)));
    }

    /// <summary>Records the hours a week of call-offs a member can take on its lot (null clears it); the direct-award rule skips a member without room.</summary>
    [HttpPut("members/{memberId:guid}/capacity")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<MemberStatusView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Capacity(Guid id, Guid memberId, RecordMemberCapacityCommand command, [FromServices] RecordMemberCapacityHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, memberId, command, ct), m => Ok(MemberStatusView.From(m)));

    /// <summary>Reinstates a suspended member; the provider is told.</summary>
    [HttpPost("members/{memberId:guid}/reinstate")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<MemberStatusView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Reinstate(Guid id, Guid memberId, [FromServices] ReinstateMemberHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, memberId, ct), m => Ok(MemberStatusView.From(m)));
}

/// <summary>The direct-award page's form: the start date in GOV.UK's three boxes, numbers as people type them.</summary>
public sealed class DirectAwardForm
{
    public Guid? LotId { get; set; }
    public string? BandCode { get; set; }
    public string? HoursPerWeek { get; set; }
    public string? StartsOnDay { get; set; }
    public string? StartsOnMonth { get; set; }
    public string? StartsOnYear { get; set; }
    public DirectAwardRule? Rule { get; set; }
    public Guid? ProposalId { get; set; }
    public Guid? MemberId { get; set; }
    public string? Reason { get; set; }
    /// <summary>The framework whose lots and bands the page offers (not posted back).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public FrameworkView? Framework { get; set; }
    /// <summary>The provider proposed, once asked for (not posted back).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public DirectAwardProposal? Proposal { get; set; }

    public DirectAwardForm For(FrameworkView framework, DirectAwardProposal? proposal)
    {
        Framework = framework;
        Proposal = proposal;
        return this;
    }

    public DirectAwardCommand ToCommand(Errors errors) => new()
    {
        LotId = LotId,
        BandCode = BandCode,
        HoursPerWeek = Brokerage.Number.Read(HoursPerWeek, nameof(HoursPerWeek), "the hours per week", errors),
        StartsOn = DateParts.Read(StartsOnDay, StartsOnMonth, StartsOnYear, errors, "StartsOnDay", "the start date"),
        Rule = Rule,
        ProposalId = ProposalId,
        MemberId = MemberId,
        Reason = Reason,
    };
}

public sealed record MemberStatusView(Guid Id, Guid ProviderId, string ProviderName, MemberStatus Status, string? StatusReason, DateTimeOffset? StatusChangedAt,
    decimal? CapacityHoursPerWeek)
{
    public static MemberStatusView From(FrameworkMember m) => new(m.Id, m.ProviderId, m.ProviderName, m.Status, m.StatusReason,
        m.StatusChangedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null, m.CapacityHoursPerWeek);
}
