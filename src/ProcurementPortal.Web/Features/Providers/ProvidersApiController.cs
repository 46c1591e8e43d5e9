using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Providers;

[ApiController]
[Authorize]
[Route("api/v1/providers")]
[Tags("Providers")]
public sealed class ProvidersApiController(ProviderAccess access) : ControllerBase
{
    /// <summary>Registers the caller's provider organisation; the caller becomes its provider admin.</summary>
    [HttpPost]
    [ProducesResponseType<ProviderView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Register(RegisterProviderCommand command, [FromServices] RegisterProvider register, CancellationToken ct) =>
        this.ToApiResult(await register.HandleAsync(command, ct), provider => Created($"/api/v1/providers/{provider.Id}", provider));

    /// <summary>A provider organisation the caller belongs to (404 for any other).</summary>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<ProviderView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ProviderView>> Get(Guid id, CancellationToken ct) =>
        await access.FindAsync(id, ct) is { } provider ? provider : NotFound();

    /// <summary>What needs the provider's attention across every commissioning body: bids not yet submitted with their deadlines, recent letters.</summary>
    [HttpGet("{id:guid}/attention")]
    [ProducesResponseType<List<Dashboard.AttentionItem>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<IReadOnlyList<Dashboard.AttentionItem>>> Attention(Guid id, [FromQuery] PageRequest paging, [FromServices] Dashboard.ProviderAttention attention, CancellationToken ct) =>
        await attention.ForAsync(id, ct) is { } items ? Ok(this.Page(items, paging)) : NotFound();
}
