using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.MarketIntent;

[ApiController]
[IgnoreAntiforgeryToken] // bearer tokens only on /api: no ambient credential to forge
[TenantScoped(Role.ProcurementOfficer)]
[Route("api/v1/t/{tenant}/market-intent-statements")]
[Tags("Market intent")]
public sealed class MarketIntentApiController(MarketIntentViews views) : ControllerBase
{
    /// <summary>The tenant's market intent statements, most recently changed first.</summary>
    [HttpGet]
    [ProducesResponseType<List<StatementSummary>>(StatusCodes.Status200OK)]
    public async Task<List<StatementSummary>> List([FromQuery] PageRequest paging, CancellationToken ct) => this.Page(await views.ListAsync(ct), paging);

    /// <summary>Writes a new statement as a draft. The body may be simple HTML; anything else is removed.</summary>
    [HttpPost]
    [ProducesResponseType<StatementView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Create(StatementCommand command, [FromServices] CreateStatement create, CancellationToken ct) =>
        this.ToApiResult(await create.HandleAsync(command, ct), s => Created($"{Request.Path}/{s.Id}", s));

    /// <summary>One statement in any status, with its timetable and events.</summary>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<StatementView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<StatementView>> Get(Guid id, CancellationToken ct) =>
        await views.FindAsync(id, publishedOnly: false, ct) is { } statement ? statement : NotFound();

    /// <summary>Replaces a statement's title, body, value range, procurement and timetable.</summary>
    [HttpPut("{id:guid}")]
    [ProducesResponseType<StatementView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult> Put(Guid id, StatementCommand command, [FromServices] UpdateStatement update, CancellationToken ct) =>
        this.ToApiResult(await update.HandleAsync(id, command, ct), s => Ok(s));

    /// <summary>Publishes the statement on the tenant's public notices page and feed.</summary>
    [HttpPost("{id:guid}/publish")]
    [ProducesResponseType<StatementView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult> Publish(Guid id, [FromServices] PublishStatement publish, CancellationToken ct) =>
        this.ToApiResult(await publish.PublishAsync(id, ct), s => Ok(s));

    /// <summary>Withdraws the statement from the public; it can be published again.</summary>
    [HttpPost("{id:guid}/unpublish")]
    [ProducesResponseType<StatementView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult> Unpublish(Guid id, [FromServices] PublishStatement publish, CancellationToken ct) =>
        this.ToApiResult(await publish.UnpublishAsync(id, ct), s => Ok(s));

    /// <summary>Adds an engagement event. Times are ISO 8601 with an offset; they are shown back in UK time.</summary>
    [HttpPost("{id:guid}/events")]
    [ProducesResponseType<EngagementEventView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult> AddEvent(Guid id, EngagementEventCommand command, [FromServices] ScheduleEvent schedule, CancellationToken ct) =>
        this.ToApiResult(await schedule.HandleAsync(id, command, ct), e => Created($"{Request.Path}/{e.Id}", e));

    /// <summary>Changes an engagement event; more places let the waiting list in.</summary>
    [HttpPut("{id:guid}/events/{eventId:guid}")]
    [ProducesResponseType<EngagementEventView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult> ChangeEvent(Guid id, Guid eventId, EngagementEventCommand command, [FromServices] ChangeEvent change, CancellationToken ct) =>
        this.ToApiResult(await change.HandleAsync(id, eventId, command, ct), e => Ok(e));

    /// <summary>Who registered for an event: places, the waiting list in order, cancellations. <c>Accept: text/csv</c> gives the CSV.</summary>
    [HttpGet("{id:guid}/events/{eventId:guid}/attendees")]
    [ProducesResponseType<AttendeeList>(StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(byte[]), StatusCodes.Status200OK, "text/csv")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult> Attendees(Guid id, Guid eventId, [FromServices] EventAttendees attendees, CancellationToken ct)
    {
        if (await attendees.FindAsync(id, eventId, ct) is not { } list)
        {
            return NotFound();
        }
        return WantsCsv ? File(EventAttendees.ToCsv(list), CsvFile.ContentType, "attendees.csv") : Ok(list);
    }

    /// <summary>The providers' expressions of interest with their answers. <c>Accept: text/csv</c> gives the CSV.</summary>
    [HttpGet("{id:guid}/expressions-of-interest")]
    [ProducesResponseType<InterestList>(StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(byte[]), StatusCodes.Status200OK, "text/csv")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult> Interest(Guid id, [FromServices] ExpressionsOfInterest interest, CancellationToken ct)
    {
        if (await interest.FindAsync(id, ct) is not { } list)
        {
            return NotFound();
        }
        return WantsCsv ? File(ExpressionsOfInterest.ToCsv(list), CsvFile.ContentType, "expressions-of-interest.csv") : Ok(list);
    }

    private bool WantsCsv => Request.GetTypedHeaders().Accept.Any(a => a.MediaType == CsvFile.ContentType);
}
