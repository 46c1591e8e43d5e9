using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Web.Features.Framework;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Brokerage;

/// <summary>The new-package-request page's form: the start date in GOV.UK's three boxes, numbers as people type them.</summary>
public sealed class PackageRequestForm
{
    public Guid? LotId { get; set; }
    public string? PostcodeDistrict { get; set; }
    public string? BandCode { get; set; }
    public string? HoursPerWeek { get; set; }
    public string? StartsOnDay { get; set; }
    public string? StartsOnMonth { get; set; }
    public string? StartsOnYear { get; set; }
    public string? Requirements { get; set; }
    public string? CaseReference { get; set; }
    public string? ResponseWindowHours { get; set; } = "24";
    /// <summary>The framework whose lots and bands the page offers (not posted back).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public FrameworkView? Framework { get; set; }

    public PostPackageRequestCommand ToCommand(Errors errors) => new()
    {
        LotId = LotId,
        PostcodeDistrict = PostcodeDistrict,
        BandCode = BandCode,
        HoursPerWeek = Number.Read(HoursPerWeek, nameof(HoursPerWeek), "the hours per week", errors),
        StartsOn = DateParts.Read(StartsOnDay, StartsOnMonth, StartsOnYear, errors, "StartsOnDay", "the start date"),
        Requirements = Requirements,
        CaseReference = CaseReference,
        ResponseWindowHours = int.TryParse(ResponseWindowHours, out var hours) ? hours : null,
    };
}

/// <summary>Numbers typed into a form: "37.5" or "37,5" is not an amount of money, so not <see cref="Money"/>.</summary>
public static class Number
{
    public static decimal? Read(string? text, string field, string what, Errors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (Money.TryParse(text, out var value))
        {
            return value;
        }
        errors.Add(field, $"Enter {what} as a number, like 12.5");
        return null;
    }
}

public sealed record PackageRequestsPage(IReadOnlyList<PackageRequestRow> Requests);

/// <summary>Brokerage, the officer's side: post package requests, see them (offers sealed until the window closes), confirm one.</summary>
[TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
public sealed class BrokerageController(PackageRequests requests, FrameworkMembers framework, Spend.FrameworkSpend spend) : Controller
{
    [HttpGet("{tenant}/package-requests")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(new PackageRequestsPage(await requests.ListAsync(ct)));

    [HttpGet("{tenant}/procurements/{id:guid}/package-requests/new")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> New(Guid id, CancellationToken ct) =>
        await framework.FindAsync(id, ct) is { } view ? View(new PackageRequestForm { Framework = view }) : NotFound();

    [HttpPost("{tenant}/procurements/{id:guid}/package-requests/new")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/package-requests")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> New(Guid id, PackageRequestForm form, [FromServices] PostPackageRequestHandler handler, CancellationToken ct)
    {
        if (await framework.FindAsync(id, ct) is not { } view)
        {
            return NotFound();
        }
        var errors = new Errors();
        var command = form.ToCommand(errors);
        var outcome = errors.IsEmpty ? await handler.HandleAsync(id, command, ct) : errors;
        if (outcome.Errors is { } found)
        {
            outcome = found.OnDayBoxes(nameof(PostPackageRequestCommand.StartsOn));
        }
        form.Framework = view;
        return this.ToPageResult(outcome, () => View(form), r =>
        {
            TempData["Success"] = $"{r.Reference} is posted to {r.MembersInvited} providers";
            return Redirect($"/{HttpContext.TenantMembership()!.Slug}/package-requests/{r.Id}");
        });
    }

    [HttpGet("{tenant}/package-requests/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct) =>
        await requests.FindAsync(id, ct) is { } view ? View(await spend.WithPlanWarningsAsync(view, ct)) : NotFound();

    [HttpPost("{tenant}/package-requests/{id:guid}/confirm")]
    [ApiTwin("POST /api/v1/t/{tenant}/package-requests/{id}/confirm")]
    [TenantScoped(Role.ProcurementOfficer)]
    [PersonOnly]
    public async Task<IActionResult> Confirm(Guid id, ConfirmPlacementCommand command, [FromServices] ConfirmPlacementHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, command, ct);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }
        if (outcome.Errors is { } errors)
        {
            errors.CopyTo(ModelState);
            return await requests.FindAsync(id, ct) is { } view ? View(nameof(Show), await spend.WithPlanWarningsAsync(view, ct)) : NotFound();
        }
        TempData["Success"] = $"Placed with {outcome.Value!.ProviderName}: call-off {outcome.Value.Reference}";
        return Redirect($"/{HttpContext.TenantMembership()!.Slug}/package-requests/{id}");
    }
}

/// <summary>Brokerage, the officer's side: package requests on a framework's lots, their sealed responses and the placement.</summary>
[ApiController]
[Route("api/v1/t/{tenant}")]
[TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
[Tags("Brokerage")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
public sealed class BrokerageApiController(PackageRequests requests, Spend.FrameworkSpend spend) : ControllerBase
{
    /// <summary>The tenant's package requests, newest first.</summary>
    [HttpGet("package-requests")]
    [ProducesResponseType<List<PackageRequestRow>>(StatusCodes.Status200OK)]
    public async Task<ActionResult> List([FromQuery] PageRequest paging, CancellationToken ct) => Ok(this.Page(await requests.ListAsync(ct), paging));

    /// <summary>Posts a package request on a lot of the procurement's framework; every active member of the lot is told.</summary>
    [HttpPost("procurements/{id:guid}/package-requests")]
    [TenantScoped(Role.ProcurementOfficer)]
    [PersonOnly]
    [ProducesResponseType<PackageRequestView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Post(Guid id, PostPackageRequestCommand command, [FromServices] PostPackageRequestHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, command, ct);
        return outcome.Succeeded
            ? StatusCode(StatusCodes.Status201Created, await requests.FindAsync(outcome.Value!.Id, ct))
            : this.ToApiResult(outcome, _ => Ok());
    }

    /// <summary>
    /// One request: while its window is open, only the counts of offers and declines (sealed); after it, the ranked offers
    /// and the declines, and before it is placed, what confirming each offer would take over the lot's plan (planWarnings).
    /// </summary>
    [HttpGet("package-requests/{id:guid}")]
    [ProducesResponseType<PackageRequestView>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Get(Guid id, CancellationToken ct) =>
        await requests.FindAsync(id, ct) is { } view ? Ok(await spend.WithPlanWarningsAsync(view, ct)) : NotFound();

    /// <summary>
    /// Confirms one offer after the window has closed: the call-off contract is made and the providers are told. The
    /// response's planWarnings say if the placement took the lot over its budget or the band over its expected hours (it is not refused).
    /// </summary>
    [HttpPost("package-requests/{id:guid}/confirm")]
    [TenantScoped(Role.ProcurementOfficer)]
    [PersonOnly]
    [ProducesResponseType<CallOffView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Confirm(Guid id, ConfirmPlacementCommand command, [FromServices] ConfirmPlacementHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, command, ct);
        var warnings = outcome.Value is { } made ? await spend.WarningsAfterAsync(made, ct) : [];
        return this.ToApiResult(outcome, c => StatusCode(StatusCodes.Status201Created, CallOffView.From(c, warnings)));
    }
}

/// <summary>A call-off contract as its confirm response gives it, with what it took over the lot's plan (empty when within it).</summary>
public sealed record CallOffView(Guid Id, string Reference, Guid? FrameworkAgreementId, Guid? ProviderId, string ProviderName, string LotName,
    DateOnly StartsOn, DateOnly EndsOn, decimal? HoursPerWeek, decimal? WeeklyValue, decimal AnnualValue, decimal Value, IReadOnlyList<AgreedRate> Rates,
    IReadOnlyList<string> PlanWarnings)
{
    public static CallOffView From(Contract c, IReadOnlyList<string> planWarnings) =>
        new(c.Id, c.Reference, c.FrameworkAgreementId, c.ProviderId, c.ProviderName, c.LotName, c.StartsOn, c.EndsOn, c.HoursPerWeek, c.WeeklyValue,
            c.AnnualValue, c.Value, c.Rates, planWarnings);
}
