using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Schemes;

/// <summary>The scheme page: the scheme, or the form that makes one from the awarded framework; its rounds and applications.</summary>
public sealed record SchemePage(SchemeCandidate Candidate, SchemeView? Scheme, IReadOnlyList<ApplicationView> Applications, SchemeForm Form);

public sealed record ApplicationPage(SchemeView Scheme, ApplicationView Application, DecideApplicationCommand Form);

public sealed record ApplicationView(
    Guid Id, Guid SchemeId, Guid ProviderId, string ProviderName, IReadOnlyList<AppliedLot> Lots, string Statement, MarketApplicationStatus Status,
    string? DecisionReasons, DateTimeOffset AppliedAt, DateTimeOffset? DecidedAt, string? DecidedByName)
{
    public static ApplicationView From(MarketApplication a, MarketDecision? d) => new(a.Id, a.SchemeId, a.ProviderId, a.ProviderName, a.Lots, a.Statement,
        d?.Status ?? MarketApplicationStatus.Pending, d?.Reasons, Utc(a.AppliedAt), d is null ? null : Utc(d.DecidedAt), d?.DecidedByName);

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}

public sealed record RoundView(Guid RoundId, int Number, Guid ProcurementId, string Reference, string Title);

/// <summary>
/// Open framework schemes (Procurement Act 2023 s.49) and dynamic markets, made from an awarded framework procurement;
/// re-admission rounds; deciding dynamic market applications (API twin: <see cref="SchemesApiController"/>).
/// </summary>
[TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
[Route("{tenant}/procurements/{id:guid}/scheme")]
public sealed class SchemesController(SchemeQueries schemes, PortalDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id, CancellationToken ct) =>
        await PageAsync(id, new SchemeForm(), ct) is { } page ? View(page) : NotFound();

    [HttpPost("")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/scheme")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Create(Guid id, SchemeForm form, [FromServices] CreateSchemeHandler handler, CancellationToken ct)
    {
        var errors = new Errors();
        var command = form.ToCommand(errors);
        var outcome = errors.IsEmpty ? await handler.HandleAsync(id, command, ct) : errors;
        if (outcome.Errors is { } found)
        {
            outcome = found.OnDayBoxes(nameof(CreateSchemeCommand.EndsOn));
        }
        return await PageAsync(id, form, ct) is not { } page ? NotFound()
            : this.ToPageResult(outcome, () => View(nameof(Index), page), s => Done(id, s.Kind == SchemeKind.OpenFramework
                ? "The framework is now an open framework scheme" : "The framework is now a dynamic market"));
    }

    [HttpPost("rounds")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/scheme/rounds")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> StartRound(Guid id, [FromServices] StartRoundHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, ct);
        if (outcome.Succeeded)
        {
            TempData["Success"] = $"Reopening {outcome.Value!.Round.Number} is started as {outcome.Value.Procurement.Reference}: set its timetable, then publish it";
            return Redirect($"/{HttpContext.TenantMembership()!.Slug}/procurements/{outcome.Value.Procurement.Id}");
        }
        return await PageAsync(id, new SchemeForm(), ct) is { } page ? this.ToPageResult(outcome, () => View(nameof(Index), page), _ => NotFound()) : NotFound();
    }

    [HttpGet("applications/{applicationId:guid}")]
    public async Task<IActionResult> Application(Guid id, Guid applicationId, CancellationToken ct) =>
        await ApplicationPageAsync(id, applicationId, new DecideApplicationCommand(), ct) is { } page ? View(page) : NotFound();

    [HttpPost("applications/{applicationId:guid}/decision")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/scheme/applications/{applicationId}/decision")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Decide(Guid id, Guid applicationId, DecideApplicationCommand command, [FromServices] DecideApplicationHandler handler, CancellationToken ct)
    {
        if (await ApplicationPageAsync(id, applicationId, command, ct) is not { } page)
        {
            return NotFound();
        }
        var outcome = await handler.HandleAsync(id, applicationId, command, ct);
        return this.ToPageResult(outcome, () => View(nameof(Application), page), a => Done(id, a.Status == MarketApplicationStatus.Admitted
            ? $"{a.ProviderName} is admitted and has been told" : $"{a.ProviderName} is refused and has been told why"));
    }

    private IActionResult Done(Guid id, string message)
    {
        TempData["Success"] = message;
        return Redirect($"/{HttpContext.TenantMembership()!.Slug}/procurements/{id}/scheme");
    }

    private async Task<SchemePage?> PageAsync(Guid id, SchemeForm form, CancellationToken ct)
    {
        if (await schemes.CandidateAsync(id, ct) is not { } candidate)
        {
            return null;
        }
        var scheme = await schemes.FindAsync(id, ct);
        var applications = scheme is null ? [] : await ApplicationsAsync(db, scheme.Id, ct);
        return new SchemePage(candidate, scheme, applications, form);
    }

    private async Task<ApplicationPage?> ApplicationPageAsync(Guid id, Guid applicationId, DecideApplicationCommand form, CancellationToken ct) =>
        await schemes.FindAsync(id, ct) is { Kind: SchemeKind.DynamicMarket } scheme
        && (await ApplicationsAsync(db, scheme.Id, ct, applicationId)).SingleOrDefault() is { } application
            ? new ApplicationPage(scheme, application, form)
            : null;

    /// <summary>A dynamic market's applications (or the one asked for) with their decisions, those waiting first, then newest first.</summary>
    public static async Task<List<ApplicationView>> ApplicationsAsync(PortalDbContext db, Guid schemeId, CancellationToken ct, Guid? applicationId = null) =>
        (await db.MarketApplications.AsNoTracking().Where(a => a.SchemeId == schemeId && (applicationId == null || a.Id == applicationId))
            .Select(a => new { Application = a, Decision = db.MarketDecisions.FirstOrDefault(d => d.ApplicationId == a.Id) })
            .ToListAsync(ct))
        .Select(x => ApplicationView.From(x.Application, x.Decision))
        .OrderBy(a => a.Status != MarketApplicationStatus.Pending).ThenByDescending(a => a.AppliedAt)
        .ToList();
}

/// <summary>Open framework schemes and dynamic markets: make one from an awarded framework, start re-admission rounds, decide applications.</summary>
[ApiController]
[Route("api/v1/t/{tenant}/procurements/{id:guid}/scheme")]
[TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
[Tags("Framework")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
public sealed class SchemesApiController(SchemeQueries schemes, PortalDbContext db) : ControllerBase
{
    /// <summary>The scheme whose first procurement this is: kind, first award, end, reopenings, latest next award, rounds, what is due, lots.</summary>
    [HttpGet]
    [ProducesResponseType<SchemeView>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Get(Guid id, CancellationToken ct) =>
        await schemes.FindAsync(id, ct) is { } view ? Ok(view) : NotFound();

    /// <summary>
    /// Makes the awarded framework an open framework (endsOn at most 8 years after the first award, less a day; reopenings
    /// within 3 years of the first award and then within every 5 years) or a dynamic market (conditionsOfMembership).
    /// </summary>
    [HttpPost]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<SchemeView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Create(Guid id, CreateSchemeCommand command, [FromServices] CreateSchemeHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, command, ct);
        return outcome.Succeeded ? StatusCode(StatusCodes.Status201Created, await schemes.FindAsync(id, ct)) : this.ToApiResult(outcome, _ => Ok());
    }

    /// <summary>Starts a re-admission round: a draft procurement copying the first one's lots, bands and evaluation model; set its timetable and publish it.</summary>
    [HttpPost("rounds")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<RoundView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> StartRound(Guid id, [FromServices] StartRoundHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, ct), r => StatusCode(StatusCodes.Status201Created,
            new RoundView(r.Round.Id, r.Round.Number, r.Procurement.Id, r.Procurement.Reference, r.Procurement.Title)));

    /// <summary>A dynamic market's applications, those waiting first.</summary>
    [HttpGet("applications")]
    [ProducesResponseType<List<ApplicationView>>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Applications(Guid id, [FromQuery] PageRequest paging, CancellationToken ct) =>
        await schemes.FindAsync(id, ct) is { } scheme ? Ok(this.Page(await SchemesController.ApplicationsAsync(db, scheme.Id, ct), paging)) : NotFound();

    /// <summary>Admits (the provider joins the lots at its stated rates) or refuses an application; reasons required; the provider is emailed.</summary>
    [HttpPost("applications/{applicationId:guid}/decision")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<ApplicationView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Decide(Guid id, Guid applicationId, DecideApplicationCommand command, [FromServices] DecideApplicationHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, applicationId, command, ct), a => Ok(a));
}

/// <summary>The scheme form: the end date in GOV.UK's three boxes, the reopenings one date per line.</summary>
public sealed class SchemeForm
{
    private static readonly string[] Formats = ["d/M/yyyy", "yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "d M yyyy"];

    public SchemeKind? Kind { get; set; }
    public string? EndsOnDay { get; set; }
    public string? EndsOnMonth { get; set; }
    public string? EndsOnYear { get; set; }
    public string? Reopenings { get; set; }
    public string? ConditionsOfMembership { get; set; }

    public CreateSchemeCommand ToCommand(Errors errors)
    {
        var days = new List<DateOnly>();
        foreach (var line in (Reopenings ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (DateOnly.TryParseExact(line, Formats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out var day))
            {
                days.Add(day);
            }
            else
            {
                errors.Add(nameof(Reopenings), $"\"{line}\" is not a date: write each reopening like 15/01/2029");
            }
        }
        return new CreateSchemeCommand
        {
            Kind = Kind,
            EndsOn = DateParts.Read(EndsOnDay, EndsOnMonth, EndsOnYear, errors, "EndsOnDay", "the end date"),
            Reopenings = Kind == SchemeKind.OpenFramework ? days : days.Count > 0 ? days : null,
            ConditionsOfMembership = Kind == SchemeKind.DynamicMarket ? ConditionsOfMembership : null,
        };
    }
}
