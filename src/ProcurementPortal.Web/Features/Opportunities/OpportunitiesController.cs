using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Web.Features.Notices;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Opportunities;

/// <summary>The provider's tender page, with the question form's text when it is shown again with an error.</summary>
public sealed record OpportunityPage(string Slug, string TenantName, ProviderTender Tender, IReadOnlyList<ProviderClarification> Clarifications,
    IReadOnlyList<ProviderChoice> YourOrganisations, DateTime Now)
{
    public string? Question { get; init; }
    public Guid? ProviderId { get; init; }

    public bool CanAsk => Tender.IsOpen && (Tender.ClarificationDeadline is not { } d || d.UtcDateTime > Now);
}

/// <summary>
/// A provider's page for a published tender of any tenant (ADR 010): the tender, its documents, addenda and published
/// answers; registering interest (which unlocks the document downloads) and asking a question before the deadline.
/// Bids are started from here too (<c>/{tenant}/opportunities/{id}/bid</c>), built elsewhere.
/// </summary>
[Authorize]
[PublicTenantPage]
[Route("{tenant}/opportunities/{id:guid}")]
public sealed class OpportunitiesController(ProviderTenderHandler tenders, ClarificationsHandler clarifications, ProviderSide providers, Core.Tenancy.ITenantContext tenant) : Controller
{
    private string Here(Guid id) => $"/{tenant.Slug}/opportunities/{id}";

    [HttpGet("")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct) =>
        await PageAsync(id, ct) is { } page ? View(page) : NotFound();

    [HttpPost("interest")]
    [ApiTwin("POST /api/v1/t/{tenant}/opportunities/{id}/interest")]
    public async Task<IActionResult> RegisterInterest(Guid id, RegisterInterestCommand command, CancellationToken ct)
    {
        var outcome = await clarifications.RegisterInterestAsync(id, command.ProviderId, ct);
        return this.ToPageResult(outcome, NotFound, _ =>
        {
            TempData["Success"] = "Your interest is registered: you can download the tender documents, and we will email you answers, addenda and reminders";
            return Redirect(Here(id));
        });
    }

    [HttpPost("questions")]
    [ApiTwin("POST /api/v1/t/{tenant}/opportunities/{id}/clarifications")]
    public async Task<IActionResult> Ask(Guid id, AskClarificationCommand command, CancellationToken ct)
    {
        var outcome = await clarifications.AskAsync(id, command, ct);
        var page = outcome.Errors is null ? null : await PageAsync(id, ct);
        return this.ToPageResult(outcome, () => page is null ? NotFound() : View(nameof(Show), page with { Question = command.Question, ProviderId = command.ProviderId }), c =>
        {
            TempData["Success"] = $"Your question has been sent as Q{c.Number}. The answer will be published to every interested provider without your name";
            return Redirect(Here(id));
        });
    }

    [HttpGet("documents/{documentId:guid}/download")]
    public async Task<IActionResult> Download(Guid id, Guid documentId, CancellationToken ct) =>
        await tenders.DownloadableAsync(id, documentId, ct) is { } version
            ? File(tenders.Open(version), version.ContentType, version.FileName)
            : NotFound();

    private async Task<OpportunityPage?> PageAsync(Guid id, CancellationToken ct)
    {
        if (await tenders.FindAsync(id, ct) is not { } tender)
        {
            return null;
        }
        var mine = await providers.OrganisationsAsync(ct);
        var answers = mine.Count == 0 ? [] : (await clarifications.ForProviderAsync(id, mine[0].Id, ct)).Value ?? [];
        return new OpportunityPage(tenant.Slug!, tenant.TenantName!, tender, answers, mine, DateTime.UtcNow);
    }
}
