using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Web.Features.Bids;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Brokerage;

public sealed record YourResponse(Guid Id, PackageResponseKind Kind, DateOnly? CanStartOn, decimal? HourlyRate, string? DeclineReason, DateTimeOffset ReceivedAt);

/// <summary>
/// A package request as a member provider sees it: no case reference unless it was chosen, and nothing of any other
/// provider's response. <c>Outcome</c>: open, closed (waiting for the council), chosen, not-chosen, declined.
/// </summary>
public sealed record ProviderPackageView(
    Guid Id, Guid ProviderId, string ProviderName, string Reference, string LotName, string PostcodeDistrict, string BandCode, string BandName,
    decimal HoursPerWeek, DateOnly StartsOn, DateOnly EndsOn, string Requirements, DateTimeOffset ClosesAt, string ClosesAtText, bool WindowOpen,
    decimal? YourBandRate, YourResponse? YourResponse, string Outcome, string? CaseReference)
{
    public static ProviderPackageView From(ProviderPackage p, DateTime now)
    {
        var r = p.Request;
        var open = now < r.ClosesAt;
        var outcome = p.Response switch
        {
            null => open ? "open" : "closed",
            { Kind: PackageResponseKind.Decline } => "declined",
            _ when r.Status != PackageRequestStatus.Placed => open ? "open" : "closed",
            _ => p.Chosen ? "chosen" : "not-chosen",
        };
        var mine = p.Response is { } x ? new YourResponse(x.Id, x.Kind, x.CanStartOn, x.HourlyRate, x.DeclineReason, PackageRequests.Utc(x.ReceivedAt)) : null;
        return new ProviderPackageView(r.Id, p.Provider.Id, p.Provider.Name, r.Reference, r.LotName, r.PostcodeDistrict, r.BandCode, r.BandName,
            r.HoursPerWeek, r.StartsOn, r.EndsOn, r.Requirements, PackageRequests.Utc(r.ClosesAt), BidViews.FormatToSecond(r.ClosesAt), open,
            p.BandRate, mine, outcome, p.Chosen ? r.CaseReference : null);
    }
}

/// <summary>The offer-or-decline page's form.</summary>
public sealed class PackageResponseForm
{
    public Guid? ProviderId { get; set; }
    public string? CanStartOnDay { get; set; }
    public string? CanStartOnMonth { get; set; }
    public string? CanStartOnYear { get; set; }
    public string? HourlyRate { get; set; }
    public string? Reason { get; set; }
}

public sealed record ProviderPackagePage(ProviderPackageView Package, PackageResponseForm Form, LateBid? Late);

/// <summary>
/// Brokerage, the provider's side (ADR 010: the tenant from the route, the provider from the person's membership; a
/// provider that is not an active member of the request's lot gets 404).
/// </summary>
[Authorize]
[PublicTenantPage]
[Route("{tenant}/package-requests/{id:guid}")]
public sealed class ProviderPackagesController(PackageAccess access, PortalDbContext db) : Controller
{
    private const string Page = "/Features/Brokerage/Respond.cshtml";

    [HttpGet("response")]
    public async Task<IActionResult> Respond(Guid id, Guid? providerId, CancellationToken ct) =>
        await ViewAsync(id, providerId, ct) is { } view ? View(Page, new ProviderPackagePage(view, new PackageResponseForm { ProviderId = providerId }, null)) : NotFound();

    [HttpPost("offer")]
    [ApiTwin("POST /api/v1/t/{tenant}/package-requests/{id}/offer")]
    public async Task<IActionResult> Offer(Guid id, PackageResponseForm form, [FromServices] OfferOnPackageHandler handler, CancellationToken ct)
    {
        var errors = new Errors();
        var command = new OfferOnPackageCommand
        {
            ProviderId = form.ProviderId,
            CanStartOn = DateParts.Read(form.CanStartOnDay, form.CanStartOnMonth, form.CanStartOnYear, errors, "CanStartOnDay", "the start date"),
            HourlyRate = Number.Read(form.HourlyRate, nameof(form.HourlyRate), "your hourly rate", errors),
        };
        var outcome = errors.IsEmpty ? await handler.HandleAsync(id, command, ct) : errors;
        if (outcome.Errors is { } found)
        {
            outcome = found.OnDayBoxes(nameof(OfferOnPackageCommand.CanStartOn));
        }
        return await AnswerAsync(id, form, outcome, "Your offer is received", ct);
    }

    [HttpPost("decline")]
    [ApiTwin("POST /api/v1/t/{tenant}/package-requests/{id}/decline")]
    public async Task<IActionResult> Decline(Guid id, PackageResponseForm form, [FromServices] DeclinePackageHandler handler, CancellationToken ct) =>
        await AnswerAsync(id, form, await handler.HandleAsync(id, new DeclinePackageCommand { ProviderId = form.ProviderId, Reason = form.Reason }, ct),
            "Your answer is received: you have declined this package", ct);

    private async Task<IActionResult> AnswerAsync(Guid id, PackageResponseForm form, Outcome<ResponseOutcome> outcome, string success, CancellationToken ct)
    {
        if (outcome.IsNotFound)
        {
            return NotFound();
        }
        outcome.Errors?.CopyTo(ModelState);
        if (outcome.Succeeded && outcome.Value!.Late is null)
        {
            TempData["Success"] = success;
            return Redirect($"/{RouteData.Values["tenant"]}/package-requests/{id}/response?providerId={form.ProviderId}");
        }
        // A fresh unit of work would be cleaner, but the provider is the same: the page reads the request again.
        return await ViewAsync(id, form.ProviderId, ct) is { } view ? View(Page, new ProviderPackagePage(view, form, outcome.Value?.Late)) : NotFound();
    }

    private async Task<ProviderPackageView?> ViewAsync(Guid id, Guid? providerId, CancellationToken ct) =>
        await access.OpenAsync(id, providerId, ct) is { } package ? ProviderPackageView.From(package, await db.DatabaseNowAsync(ct)) : null;
}

/// <summary>Brokerage, the provider's side: the request as a member sees it, and its offer or decline.</summary>
[ApiController]
[Authorize]
[PublicTenantPage]
[Route("api/v1/t/{tenant}/package-requests/{id:guid}")]
[Tags("Brokerage")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
public sealed class ProviderPackagesApiController(PackageAccess access, PortalDbContext db) : ControllerBase
{
    /// <summary>The request (the case reference only once your offer is chosen) and your own response.</summary>
    [HttpGet("response")]
    [ProducesResponseType<ProviderPackageView>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Get(Guid id, Guid? providerId, CancellationToken ct) =>
        await access.OpenAsync(id, providerId, ct) is { } package ? Ok(ProviderPackageView.From(package, await db.DatabaseNowAsync(ct))) : NotFound();

    /// <summary>Offers: a start date and an hourly rate no higher than your framework rate for the band. After the window: 422 with both times.</summary>
    [HttpPost("offer")]
    [ProducesResponseType<YourResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<ActionResult> Offer(Guid id, OfferOnPackageCommand command, [FromServices] OfferOnPackageHandler handler, CancellationToken ct) =>
        Answer(await handler.HandleAsync(id, command, ct));

    /// <summary>Declines with a reason. After the window: 422 with both times.</summary>
    [HttpPost("decline")]
    [ProducesResponseType<YourResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<ActionResult> Decline(Guid id, DeclinePackageCommand command, [FromServices] DeclinePackageHandler handler, CancellationToken ct) =>
        Answer(await handler.HandleAsync(id, command, ct));

    private ActionResult Answer(Outcome<ResponseOutcome> outcome) => this.ToApiResult(outcome, o =>
    {
        if (o.Late is { } late)
        {
            return this.LateProblem(late, "The window for responses has closed");
        }
        var r = o.Response!;
        return StatusCode(StatusCodes.Status201Created, new YourResponse(r.Id, r.Kind, r.CanStartOn, r.HourlyRate, r.DeclineReason, PackageRequests.Utc(r.ReceivedAt)));
    });
}
