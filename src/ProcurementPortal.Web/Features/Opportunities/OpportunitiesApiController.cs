using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Opportunities;

/// <summary>
/// A provider's side of a published tender of any tenant: registering interest and asking clarification questions.
/// Providers are not members of the tenant, so these routes take the tenant from the route without a membership
/// check; the handler requires a provider membership and a published tender, else 404.
/// </summary>
[ApiController]
[Authorize]
[PublicTenantPage]
[Route("api/v1/t/{tenant}/opportunities/{id:guid}")]
[Tags("Opportunities")]
[ProducesResponseType(StatusCodes.Status404NotFound)]
public sealed class OpportunitiesApiController(ClarificationsHandler handler) : ControllerBase
{
    [HttpPost("interest")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<ActionResult> RegisterInterest(Guid id, RegisterInterestCommand command, CancellationToken ct) =>
        this.ToApiResult(await handler.RegisterInterestAsync(id, command.ProviderId, ct), _ => NoContent());

    [HttpGet("clarifications")]
    [ProducesResponseType<List<ProviderClarification>>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Clarifications(Guid id, Guid? providerId, [FromQuery] PageRequest paging, CancellationToken ct) =>
        this.ToApiResult(await handler.ForProviderAsync(id, providerId, ct), list => Ok(this.Page(list, paging)));

    [HttpPost("clarifications")]
    [ProducesResponseType<ProviderClarification>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Ask(Guid id, AskClarificationCommand command, CancellationToken ct) =>
        this.ToApiResult(await handler.AskAsync(id, command, ct),
            c => StatusCode(StatusCodes.Status201Created, new ProviderClarification(c.Number, c.Question, null, null, true)));
}
