using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ProcurementPortal.Web.Features.MarketIntent;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Notices;

public sealed record NoticePage(string Slug, string TenantName, StatementView Statement,
    IReadOnlyList<ProviderChoice> YourOrganisations, IReadOnlyList<YourRegistration> YourRegistrations);

public sealed record RegisterPage(string Slug, StatementView Statement, EngagementEventView Event, IReadOnlyList<ProviderChoice> YourOrganisations);

public sealed record InterestPage(string Slug, StatementView Statement, IReadOnlyList<ProviderChoice> YourOrganisations);

/// <summary>
/// A tenant's public notices: anyone may read them without signing in. Providers signed in register for events and
/// express interest here; they are not members of the tenant, so these pages check the provider membership
/// themselves (<see cref="ProviderSide"/>) while the tenant comes from the route like any public page.
/// </summary>
[PublicTenantPage]
[Route("{tenant}/notices")]
public sealed class NoticesController(PublicNotices notices, MarketIntentViews views, ProviderSide provider, Core.Tenancy.ITenantContext tenant) : Controller
{
    private string Slug => tenant.Slug!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await notices.ListAsync(ct));

    [HttpGet("feed.atom")]
    public async Task<IActionResult> Feed([FromServices] IOptions<PortalOptions> options, CancellationToken ct)
    {
        var feed = PublicNotices.ToAtom(await notices.ListAsync(ct), new Uri(options.Value.BaseUrl));
        return Content(feed.Declaration + "\n" + feed, "application/atom+xml; charset=utf-8");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        if (await views.FindAsync(id, publishedOnly: true, ct) is not { } statement)
        {
            return NotFound();
        }
        return View(new NoticePage(Slug, tenant.TenantName!, statement,
            await provider.OrganisationsAsync(ct), await provider.RegistrationsAsync(id, ct)));
    }

    [Authorize]
    [HttpGet("{id:guid}/events/{eventId:guid}/register")]
    public async Task<IActionResult> Register(Guid id, Guid eventId, CancellationToken ct) =>
        await RegisterPageAsync(id, eventId, ct) is { } page ? View(page) : NotFound();

    [Authorize]
    [HttpPost("{id:guid}/events/{eventId:guid}/register")]
    [ApiTwin("POST /api/v1/t/{tenant}/notices/{id}/events/{eventId}/registrations")]
    public async Task<IActionResult> Register(Guid id, Guid eventId, RegisterForEventCommand command, [FromServices] RegisterForEvent register, CancellationToken ct)
    {
        var outcome = await register.HandleAsync(id, eventId, command, ct);
        var page = outcome.Errors is null ? null : await RegisterPageAsync(id, eventId, ct);
        return this.ToPageResult(outcome, () => page is null ? NotFound() : View(page), registration =>
        {
            TempData["Success"] = registration.Status == Core.Domain.MarketIntent.RegistrationStatus.Confirmed
                ? $"{registration.ProviderName} has a place. We have emailed you the details."
                : $"The event is full: {registration.ProviderName} is on the waiting list. We will email you if a place becomes free.";
            return Redirect($"/{Slug}/notices/{id}");
        });
    }

    [Authorize]
    [HttpPost("{id:guid}/events/{eventId:guid}/cancel")]
    [ApiTwin("POST /api/v1/t/{tenant}/notices/{id}/events/{eventId}/registrations/cancel")]
    public async Task<IActionResult> Cancel(Guid id, Guid eventId, CancelRegistrationCommand command, [FromServices] CancelRegistration cancel, CancellationToken ct) =>
        this.ToPageResult(await cancel.HandleAsync(id, eventId, command, ct), NotFound, registration =>
        {
            TempData["Success"] = $"The registration of {registration.ProviderName} is cancelled";
            return Redirect($"/{Slug}/notices/{id}");
        });

    [Authorize]
    [HttpGet("{id:guid}/interest")]
    public async Task<IActionResult> Interest(Guid id, CancellationToken ct) =>
        await InterestPageAsync(id, ct) is { } page ? InterestView(new ExpressInterestForm(), page) : NotFound();

    [Authorize]
    [HttpPost("{id:guid}/interest")]
    [ApiTwin("PUT /api/v1/t/{tenant}/notices/{id}/expression-of-interest")]
    public async Task<IActionResult> Interest(Guid id, ExpressInterestForm form, [FromServices] ExpressInterest express, CancellationToken ct)
    {
        var (command, errors) = form.ToCommand();
        var outcome = errors.IsEmpty ? await express.HandleAsync(id, command, ct) : errors;
        var page = outcome.Errors is null ? null : await InterestPageAsync(id, ct);
        return this.ToPageResult(outcome, () => page is null ? NotFound() : InterestView(form, page), interest =>
        {
            TempData["Success"] = $"Thank you: the interest of {interest.ProviderName} has been sent to {tenant.TenantName}";
            return Redirect($"/{Slug}/notices/{id}");
        });
    }

    private ViewResult InterestView(ExpressInterestForm form, InterestPage page)
    {
        ViewData["Page"] = page;
        return View("Interest", form);
    }

    /// <summary>The register page, for a provider person and an open event of a published statement only.</summary>
    private async Task<RegisterPage?> RegisterPageAsync(Guid id, Guid eventId, CancellationToken ct)
    {
        var statement = await views.FindAsync(id, publishedOnly: true, ct);
        var engagement = statement?.Events.SingleOrDefault(e => e.Id == eventId);
        var mine = await provider.OrganisationsAsync(ct);
        return statement is null || engagement is null || mine.Count == 0 ? null : new RegisterPage(Slug, statement, engagement, mine);
    }

    private async Task<InterestPage?> InterestPageAsync(Guid id, CancellationToken ct)
    {
        var statement = await views.FindAsync(id, publishedOnly: true, ct);
        var mine = await provider.OrganisationsAsync(ct);
        return statement is null || mine.Count == 0 ? null : new InterestPage(Slug, statement, mine);
    }
}
