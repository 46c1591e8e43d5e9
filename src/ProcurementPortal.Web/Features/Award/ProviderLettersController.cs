using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Award;

public sealed record OpportunityLettersPage(Guid ProcurementId, string Slug, IReadOnlyList<ProviderLetter> Letters);

public sealed record LetterInboxPage(Guid ProviderId, string ProviderName, IReadOnlyList<InboxLetter> Letters);

/// <summary>
/// A provider's award letters: the inbox of one provider organisation across every tenant, and the letters of one
/// opportunity with their downloads (ADR 010: the tenant from the route, the provider lock in <see cref="ProviderLetters"/>).
/// </summary>
[Authorize]
public sealed class ProviderLettersController : Controller
{
    private const string Views = "/Features/Award/";

    [HttpGet("/providers/{providerId:guid}/letters")]
    public async Task<IActionResult> Inbox(Guid providerId, [FromServices] ProviderLetterInbox inbox, [FromServices] Providers.ProviderAccess access, CancellationToken ct) =>
        await inbox.ListAsync(providerId, ct) is { } letters && await access.FindAsync(providerId, ct) is { } provider
            ? View(Views + "Inbox.cshtml", new LetterInboxPage(providerId, provider.Name, letters))
            : NotFound();

    [HttpGet("/{tenant}/opportunities/{id:guid}/letters")]
    [PublicTenantPage]
    public async Task<IActionResult> Letters(Guid id, [FromServices] ProviderLetters letters, [FromServices] Core.Tenancy.ITenantContext tenant, CancellationToken ct) =>
        await letters.ListAsync(id, ct) is { } list ? View(Views + "OpportunityLetters.cshtml", new OpportunityLettersPage(id, tenant.Slug!, list)) : NotFound();

    [HttpGet("/{tenant}/opportunities/{id:guid}/letters/{letterId:guid}")]
    [PublicTenantPage]
    public async Task<IActionResult> Download(Guid id, Guid letterId, [FromServices] ProviderLetters letters, CancellationToken ct) =>
        await letters.FindAsync(id, letterId, ct) is { } letter ? File(letter.Pdf, "application/pdf", letter.FileName) : NotFound();
}

/// <summary>A provider organisation's award letters across every tenant; each downloads from its tenant's letters route.</summary>
[ApiController]
[Authorize]
[Route("api/v1/providers/{providerId:guid}/letters")]
[Tags("Providers")]
public sealed class ProviderLetterInboxApiController(ProviderLetterInbox inbox) : ControllerBase
{
    [HttpGet]
    [ProducesResponseType<List<InboxLetter>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<IReadOnlyList<InboxLetter>>> List(Guid providerId, [FromQuery] PageRequest paging, CancellationToken ct) =>
        await inbox.ListAsync(providerId, ct) is { } letters ? Ok(this.Page(letters, paging)) : NotFound();
}
