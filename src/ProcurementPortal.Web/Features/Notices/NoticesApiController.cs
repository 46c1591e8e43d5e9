using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Web.Features.MarketIntent;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Notices;

/// <summary>
/// A provider's side of a tenant's published statements: register for events, cancel, express interest. The tenant
/// comes from the route as for public pages; the caller must act for a provider organisation of theirs.
/// </summary>
[ApiController]
[IgnoreAntiforgeryToken] // bearer tokens only on /api: no ambient credential to forge
[PublicTenantPage]
[Authorize]
[Route("api/v1/t/{tenant}/notices/{id:guid}")]
[Tags("Market intent")]
public sealed class NoticesApiController : ControllerBase
{
    /// <summary>Registers the provider organisation for an event: a place while there is one, else the waiting list.</summary>
    [HttpPost("events/{eventId:guid}/registrations")]
    [ProducesResponseType<RegistrationView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult> Register(Guid id, Guid eventId, RegisterForEventCommand command, [FromServices] RegisterForEvent register, CancellationToken ct) =>
        this.ToApiResult(await register.HandleAsync(id, eventId, command, ct), r => Ok(r));

    /// <summary>Cancels the provider organisation's registration; the first on the waiting list gets the place.</summary>
    [HttpPost("events/{eventId:guid}/registrations/cancel")]
    [ProducesResponseType<RegistrationView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult> Cancel(Guid id, Guid eventId, CancelRegistrationCommand command, [FromServices] CancelRegistration cancel, CancellationToken ct) =>
        this.ToApiResult(await cancel.HandleAsync(id, eventId, command, ct), r => Ok(r));

    /// <summary>Expresses the provider organisation's interest with the questionnaire's answers (again: replaces them).</summary>
    [HttpPut("expression-of-interest")]
    [ProducesResponseType<InterestView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult> ExpressInterest(Guid id, ExpressInterestCommand command, [FromServices] ExpressInterest express, CancellationToken ct) =>
        this.ToApiResult(await express.HandleAsync(id, command, ct), x => Ok(x));
}
