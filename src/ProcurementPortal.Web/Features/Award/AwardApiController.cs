using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Award;

/// <summary>The award of a procurement: recommendation, approval, letters, contract award notice, standstill and challenge.</summary>
[ApiController]
[Route("api/v1/t/{tenant}/procurements/{id:guid}/award")]
[TenantScoped]
[PersonOnly]
[Tags("Award")]
[ProducesResponseType(StatusCodes.Status404NotFound)]
public sealed class AwardApiController : ControllerBase
{
    private Guid UserId => User.UserId()!.Value;
    private string UserName => User.Identity!.Name!;
    private TransitionActor Actor => new(HttpContext.TenantMembership()!.Roles.ToList());

    [HttpGet]
    [TenantScoped(Role.ProcurementOfficer, Role.Approver)]
    [ProducesResponseType<AwardView>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Get(Guid id, [FromServices] AwardLoader loader, CancellationToken ct) =>
        await loader.LoadAsync(id, ct) is { } state ? Ok(AwardView.From(state)) : NotFound();

    /// <summary>Records the providers appointed per lot (the ranking's when a lot is left out), with reasons for any departure.</summary>
    [HttpPut("recommendation")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<AwardView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Recommend(Guid id, RecommendAwardCommand command, [FromServices] RecommendAwardHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, command, UserId, UserName, ct), Ok);

    /// <summary>Approves or rejects the recommendation; refused to anyone who evaluated, moderated or recommended it.</summary>
    [HttpPost("decision")]
    [TenantScoped(Role.Approver)]
    [ProducesResponseType<AwardView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Decide(Guid id, DecideAwardCommand command, [FromServices] DecideAwardHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, command, UserId, UserName, Actor, ct), Ok);

    /// <summary>Starts the job that writes, stores and emails every letter; progress is on the award (lettersDone of lettersTotal).</summary>
    [HttpPost("letters")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<AwardView>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> SendLetters(Guid id, SendLettersCommand command, [FromServices] SendLettersHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, command, ct), v => Accepted(v));

    /// <summary>Publishes the contract award notice: the standstill starts.</summary>
    [HttpPost("notice")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<AwardView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> PublishNotice(Guid id, [FromServices] PublishAwardNoticeHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, Actor, ct), Ok);

    [HttpPost("challenge")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<AwardView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Challenge(Guid id, RecordChallengeCommand command, [FromServices] RecordChallengeHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, command, ct), Ok);
}

/// <summary>The tenant's contract register.</summary>
[ApiController]
[Route("api/v1/t/{tenant}/contracts")]
[TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
[Tags("Contracts")]
public sealed class ContractsApiController(ContractRegister register) : ControllerBase
{
    /// <summary>Filter by provider or lot (contains); sort by ends (default), starts, provider, value or reference.</summary>
    [HttpGet]
    [ProducesResponseType<List<ContractRow>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<ContractRow>> List([FromQuery] string? provider, [FromQuery] string? lot, [FromQuery] string? sort, [FromQuery] PageRequest paging, CancellationToken ct) =>
        this.Page(await register.ListAsync(new ContractFilter(provider, lot, sort), ct), paging);

    [HttpGet("{contractId:guid}")]
    [ProducesResponseType<ContractDetail>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ContractDetail>> Get(Guid contractId, CancellationToken ct) =>
        await register.FindAsync(contractId, ct) is { } contract ? contract : NotFound();

    [HttpGet("csv")]
    [ProducesResponseType<FileContentResult>(StatusCodes.Status200OK, "text/csv")]
    public async Task<ActionResult> Csv([FromQuery] string? provider, [FromQuery] string? lot, [FromQuery] string? sort, CancellationToken ct) =>
        File(ContractRegister.Csv(await register.ListAsync(new ContractFilter(provider, lot, sort), ct)), "text/csv", "contracts.csv");
}

/// <summary>The transparency fields of a tenant's contracts, for anyone.</summary>
[ApiController]
[AllowAnonymous]
[PublicTenantPage]
[Route("api/v1/t/{tenant}/public/contracts")]
[Tags("Contracts")]
public sealed class PublicContractsApiController(ContractRegister register) : ControllerBase
{
    [HttpGet]
    [ProducesResponseType<List<PublicContractRow>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<PublicContractRow>> List([FromQuery] PageRequest paging, CancellationToken ct) => this.Page(await register.PublicAsync(ct), paging);
}

/// <summary>A provider's award letters for one procurement (ADR 010).</summary>
[ApiController]
[Authorize]
[PublicTenantPage]
[Route("api/v1/t/{tenant}/opportunities/{id:guid}/letters")]
[Tags("Opportunities")]
[ProducesResponseType(StatusCodes.Status404NotFound)]
public sealed class ProviderLettersApiController(ProviderLetters letters) : ControllerBase
{
    [HttpGet]
    [ProducesResponseType<List<ProviderLetter>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<IReadOnlyList<ProviderLetter>>> List(Guid id, [FromQuery] PageRequest paging, CancellationToken ct) =>
        await letters.ListAsync(id, ct) is { } list ? Ok(this.Page(list, paging)) : NotFound();

    [HttpGet("{letterId:guid}")]
    [ProducesResponseType<FileContentResult>(StatusCodes.Status200OK, "application/pdf")]
    public async Task<ActionResult> Download(Guid id, Guid letterId, CancellationToken ct) =>
        await letters.FindAsync(id, letterId, ct) is { } letter ? File(letter.Pdf, "application/pdf", letter.FileName) : NotFound();
}
