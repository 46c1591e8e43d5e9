using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Webhooks;

/// <summary>A tenant admin's pages for the receivers told of the tenant's events.</summary>
[TenantScoped(Role.TenantAdmin)]
[Route("{tenant}/admin/webhooks")]
public sealed class WebhooksController(WebhookQueries queries) : Controller
{
    private string Slug => HttpContext.TenantMembership()!.Slug;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await queries.ListAsync(ct));

    [HttpGet("new")]
    public IActionResult New() => View(new CreateWebhookSubscriptionCommand(null, null));

    [HttpPost("new")]
    [ApiTwin("POST /api/v1/t/{tenant}/webhooks")]
    public async Task<IActionResult> New(CreateWebhookSubscriptionCommand command, [FromServices] CreateWebhookSubscription create, CancellationToken ct) =>
        this.ToPageResult(await create.HandleAsync(command, ct), () => View(command), created =>
        {
            // The secret is on this page only: not in a redirect, not in any cache.
            Response.Headers.CacheControl = "no-store";
            return View("Created", created);
        });

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Subscription(Guid id, CancellationToken ct) =>
        await queries.FindAsync(id, ct) is { } page ? View(page) : NotFound();

    [HttpPost("{id:guid}/remove")]
    [ApiTwin("DELETE /api/v1/t/{tenant}/webhooks/{id}")]
    public async Task<IActionResult> Remove(Guid id, [FromServices] RemoveWebhookSubscription remove, CancellationToken ct) =>
        this.ToPageResult(await remove.HandleAsync(id, ct), NotFound, subscription =>
        {
            TempData["Success"] = $"{subscription.Url} will not be sent any more events";
            return Redirect($"/{Slug}/admin/webhooks");
        });
}

/// <summary>The API twin of the webhook pages; the signing secret is in the creation response only.</summary>
[ApiController]
[TenantScoped(Role.TenantAdmin)]
[Route("api/v1/t/{tenant}/webhooks")]
[Tags("API clients and webhooks")]
[ProducesResponseType(StatusCodes.Status404NotFound)]
public sealed class WebhooksApiController(WebhookQueries queries) : ControllerBase
{
    /// <summary>The tenant's webhook subscriptions, newest first (never their secrets).</summary>
    [HttpGet]
    [ProducesResponseType<List<WebhookSubscriptionView>>(StatusCodes.Status200OK)]
    public async Task<List<WebhookSubscriptionView>> List([FromQuery] PageRequest paging, CancellationToken ct) => this.Page(await queries.ListAsync(ct), paging);

    /// <summary>
    /// Subscribes a receiver to events (procurement.published, procurement.closed, award.approved, contract.expiring).
    /// Each is POSTed as JSON {id, type, occurredAt, tenant, data} with X-Portal-Event-Id, X-Portal-Timestamp and
    /// X-Portal-Signature: sha256=HMAC-SHA256("{timestamp}.{body}") with the secret in this response.
    /// </summary>
    [HttpPost]
    [ProducesResponseType<CreatedWebhookSubscription>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Create(CreateWebhookSubscriptionCommand command, [FromServices] CreateWebhookSubscription create, CancellationToken ct) =>
        this.ToApiResult(await create.HandleAsync(command, ct),
            created => Created($"/api/v1/t/{HttpContext.TenantMembership()!.Slug}/webhooks/{created.Subscription.Id}", created));

    /// <summary>One subscription with its latest deliveries and every attempt of each.</summary>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<WebhookSubscriptionPage>(StatusCodes.Status200OK)]
    public async Task<ActionResult<WebhookSubscriptionPage>> Get(Guid id, CancellationToken ct) =>
        await queries.FindAsync(id, ct) is { } page ? page : NotFound();

    /// <summary>Removes a subscription: nothing more is sent to it.</summary>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<ActionResult> Remove(Guid id, [FromServices] RemoveWebhookSubscription remove, CancellationToken ct) =>
        this.ToApiResult(await remove.HandleAsync(id, ct), _ => NoContent());
}
