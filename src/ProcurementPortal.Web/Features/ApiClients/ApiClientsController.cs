using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.ApiClients;

/// <summary>A tenant admin's pages for the systems that call the API for the tenant.</summary>
[TenantScoped(Role.TenantAdmin)]
[Route("{tenant}/admin/api-clients")]
public sealed class ApiClientsController(ApiClientList clients) : Controller
{
    private string Slug => HttpContext.TenantMembership()!.Slug;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await clients.ListAsync(ct));

    [HttpGet("new")]
    public IActionResult New() => View(new CreateApiClientCommand(null, null, 90));

    [HttpPost("new")]
    [ApiTwin("POST /api/v1/t/{tenant}/api-clients")]
    public async Task<IActionResult> New(CreateApiClientCommand command, [FromServices] CreateApiClient create, CancellationToken ct) =>
        this.ToPageResult(await create.HandleAsync(command, ct), () => View(command), created =>
        {
            // The token is on this page only: not in a redirect, not in any cache.
            Response.Headers.CacheControl = "no-store";
            return View("Created", created);
        });

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Client(Guid id, CancellationToken ct) =>
        await clients.FindAsync(id, ct) is { } client ? View(client) : NotFound();

    [HttpPost("{id:guid}/revoke")]
    [ApiTwin("DELETE /api/v1/t/{tenant}/api-clients/{id}")]
    public async Task<IActionResult> Revoke(Guid id, [FromServices] RevokeApiClient revoke, CancellationToken ct) =>
        this.ToPageResult(await revoke.HandleAsync(id, ct), NotFound, client =>
        {
            TempData["Success"] = $"{client.Name} has been revoked: its token no longer works";
            return Redirect($"/{Slug}/admin/api-clients");
        });
}

/// <summary>The API twin of the admin pages. Tokens are created here too, and shown once in the response.</summary>
[ApiController]
[TenantScoped(Role.TenantAdmin)]
[Route("api/v1/t/{tenant}/api-clients")]
[Tags("API clients and webhooks")]
[ProducesResponseType(StatusCodes.Status404NotFound)]
public sealed class ApiClientsApiController(ApiClientList clients) : ControllerBase
{
    /// <summary>The tenant's API clients, newest first (never their tokens).</summary>
    [HttpGet]
    [ProducesResponseType<List<ApiClientView>>(StatusCodes.Status200OK)]
    public async Task<List<ApiClientView>> List([FromQuery] PageRequest paging, CancellationToken ct) => this.Page(await clients.ListAsync(ct), paging);

    /// <summary>Creates an API client; the response carries its token, which cannot be read again.</summary>
    [HttpPost]
    [ProducesResponseType<CreatedApiClient>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Create(CreateApiClientCommand command, [FromServices] CreateApiClient create, CancellationToken ct) =>
        this.ToApiResult(await create.HandleAsync(command, ct),
            created => Created($"/api/v1/t/{HttpContext.TenantMembership()!.Slug}/api-clients/{created.Client.Id}", created));

    /// <summary>One API client.</summary>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<ApiClientView>(StatusCodes.Status200OK)]
    public async Task<ActionResult<ApiClientView>> Get(Guid id, CancellationToken ct) =>
        await clients.FindAsync(id, ct) is { } client ? client : NotFound();

    /// <summary>Revokes an API client: its token stops working at once. The record stays, for the audit trail.</summary>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<ActionResult> Revoke(Guid id, [FromServices] RevokeApiClient revoke, CancellationToken ct) =>
        this.ToApiResult(await revoke.HandleAsync(id, ct), _ => NoContent());
}
