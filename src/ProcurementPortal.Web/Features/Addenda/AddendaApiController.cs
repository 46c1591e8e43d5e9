using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Addenda;

/// <summary>
/// Addenda to an open tender, for its officers: write a draft (add documents to it through the documents routes with
/// its <c>addendumId</c>), then publish it to every interested provider.
/// </summary>
[ApiController]
[Route("api/v1/t/{tenant}/procurements/{id:guid}/addenda")]
[TenantScoped]
[Tags("Addenda")]
[ProducesResponseType(StatusCodes.Status404NotFound)]
public sealed class AddendaApiController(PortalDbContext db) : ControllerBase
{
    [HttpGet]
    [ProducesResponseType<List<AddendumResponse>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<List<AddendumResponse>>> List(Guid id, [FromQuery] PageRequest paging, CancellationToken ct)
    {
        if (!await db.Procurements.AnyAsync(p => p.Id == id, ct))
        {
            return NotFound();
        }
        return this.Page((await db.Addenda.AsNoTracking().Where(a => a.ProcurementId == id).OrderBy(a => a.Number).ToListAsync(ct))
            .Select(AddendumResponse.From), paging);
    }

    [HttpPost]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<AddendumResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Write(Guid id, WriteAddendumCommand command, [FromServices] WriteAddendumHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, command, ct), a => StatusCode(StatusCodes.Status201Created, AddendumResponse.From(a)));

    /// <summary>Publishes the addendum: new deadlines apply to every bidder, its documents show, interested providers are emailed.</summary>
    [HttpPost("{addendumId:guid}/publish")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<AddendumResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Publish(Guid id, Guid addendumId, [FromServices] PublishAddendumHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, addendumId, ct), a => Ok(AddendumResponse.From(a)));
}
