using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.MarketIntent;

/// <summary>What the statement form page shows besides the fields.</summary>
public sealed record StatementFormContext(Guid? Id, IReadOnlyList<ProcurementOption> Procurements);

/// <summary>What the event form page shows besides the fields.</summary>
public sealed record EventFormContext(Guid StatementId, string StatementTitle, Guid? EventId);

/// <summary>A procurement officer's pages for market intent statements, their engagement events and the interest shown.</summary>
[TenantScoped(Role.ProcurementOfficer)]
[Route("{tenant}/market-intent")]
public sealed class MarketIntentController(MarketIntentViews views) : Controller
{
    private string Slug => HttpContext.TenantMembership()!.Slug;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await views.ListAsync(ct));

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken ct) =>
        StatementFormView(new StatementForm().WithBlankRows(), null, await views.ProcurementOptionsAsync(ct));

    [HttpPost("new")]
    [ApiTwin("POST /api/v1/t/{tenant}/market-intent-statements")]
    public async Task<IActionResult> Create(StatementForm form, [FromServices] CreateStatement create, CancellationToken ct)
    {
        var (command, errors) = form.ToCommand();
        var outcome = errors.IsEmpty ? await create.HandleAsync(command, ct) : errors;
        var procurements = await views.ProcurementOptionsAsync(ct);
        return this.ToPageResult(outcome, () => StatementFormView(form.WithBlankRows(), null, procurements), statement =>
        {
            TempData["Success"] = "Statement saved as a draft";
            return Redirect($"/{Slug}/market-intent/{statement.Id}");
        });
    }

    private ViewResult StatementFormView(StatementForm form, Guid? id, IReadOnlyList<ProcurementOption> procurements)
    {
        ViewData["Context"] = new StatementFormContext(id, procurements);
        return View("Edit", form);
    }

    private ViewResult EventFormView(EngagementEventForm form, EventFormContext context)
    {
        ViewData["Context"] = context;
        return View("Event", form);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct) =>
        await views.FindAsync(id, publishedOnly: false, ct) is { } statement ? View(statement) : NotFound();

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct) =>
        await views.FindAsync(id, publishedOnly: false, ct) is { } statement
            ? StatementFormView(StatementForm.From(statement), id, await views.ProcurementOptionsAsync(ct))
            : NotFound();

    [HttpPost("{id:guid}/edit")]
    [ApiTwin("PUT /api/v1/t/{tenant}/market-intent-statements/{id}")]
    public async Task<IActionResult> Edit(Guid id, StatementForm form, [FromServices] UpdateStatement update, CancellationToken ct)
    {
        var (command, errors) = form.ToCommand();
        var outcome = errors.IsEmpty ? await update.HandleAsync(id, command, ct) : errors;
        var procurements = await views.ProcurementOptionsAsync(ct);
        return this.ToPageResult(outcome, () => StatementFormView(form.WithBlankRows(), id, procurements), _ =>
        {
            TempData["Success"] = "Statement saved";
            return Redirect($"/{Slug}/market-intent/{id}");
        });
    }

    [HttpPost("{id:guid}/publish")]
    [ApiTwin("POST /api/v1/t/{tenant}/market-intent-statements/{id}/publish")]
    public async Task<IActionResult> Publish(Guid id, [FromServices] PublishStatement publish, CancellationToken ct) =>
        await ShowAfterAsync(id, await publish.PublishAsync(id, ct), "Statement published: anyone can read it on your notices page", ct);

    [HttpPost("{id:guid}/unpublish")]
    [ApiTwin("POST /api/v1/t/{tenant}/market-intent-statements/{id}/unpublish")]
    public async Task<IActionResult> Unpublish(Guid id, [FromServices] PublishStatement publish, CancellationToken ct) =>
        await ShowAfterAsync(id, await publish.UnpublishAsync(id, ct), "Statement unpublished: it is no longer on your notices page", ct);

    private async Task<IActionResult> ShowAfterAsync(Guid id, Outcome<StatementView> outcome, string success, CancellationToken ct)
    {
        if (outcome.Errors is not null && await views.FindAsync(id, publishedOnly: false, ct) is { } statement)
        {
            outcome.Errors.CopyTo(ModelState);
            return View(nameof(Show), statement);
        }
        return this.ToPageResult(outcome, NotFound, _ =>
        {
            TempData["Success"] = success;
            return Redirect($"/{Slug}/market-intent/{id}");
        });
    }

    [HttpGet("{id:guid}/events/new")]
    public async Task<IActionResult> NewEvent(Guid id, CancellationToken ct) =>
        await views.FindAsync(id, publishedOnly: false, ct) is { } statement
            ? EventFormView(new EngagementEventForm(), new EventFormContext(id, statement.Title, null))
            : NotFound();

    [HttpPost("{id:guid}/events/new")]
    [ApiTwin("POST /api/v1/t/{tenant}/market-intent-statements/{id}/events")]
    public async Task<IActionResult> NewEvent(Guid id, EngagementEventForm form, [FromServices] ScheduleEvent schedule, [FromServices] TimeProvider clock, CancellationToken ct)
    {
        var (command, errors) = form.ToCommand(clock.GetUtcNow().UtcDateTime);
        var outcome = errors.IsEmpty ? await schedule.HandleAsync(id, command, ct) : errors;
        return await EventResultAsync(id, null, form, outcome, "Event added", ct);
    }

    [HttpGet("{id:guid}/events/{eventId:guid}/edit")]
    public async Task<IActionResult> EditEvent(Guid id, Guid eventId, CancellationToken ct) =>
        await views.FindAsync(id, publishedOnly: false, ct) is { } statement && statement.Events.SingleOrDefault(e => e.Id == eventId) is { } engagement
            ? EventFormView(EngagementEventForm.From(engagement), new EventFormContext(id, statement.Title, eventId))
            : NotFound();

    [HttpPost("{id:guid}/events/{eventId:guid}/edit")]
    [ApiTwin("PUT /api/v1/t/{tenant}/market-intent-statements/{id}/events/{eventId}")]
    public async Task<IActionResult> EditEvent(Guid id, Guid eventId, EngagementEventForm form, [FromServices] ChangeEvent change, [FromServices] TimeProvider clock, CancellationToken ct)
    {
        var (command, errors) = form.ToCommand(clock.GetUtcNow().UtcDateTime);
        var outcome = errors.IsEmpty ? await change.HandleAsync(id, eventId, command, ct) : errors;
        return await EventResultAsync(id, eventId, form, outcome, "Event changed", ct);
    }

    private async Task<IActionResult> EventResultAsync(
        Guid id, Guid? eventId, EngagementEventForm form, Outcome<EngagementEventView> outcome, string success, CancellationToken ct)
    {
        if (outcome.Errors is { } errors)
        {
            // The command names the instants; the page shows them as a date and clock times.
            var onPage = new Errors();
            foreach (var (field, messages) in errors.ToDictionary())
            {
                foreach (var message in messages)
                {
                    onPage.Add(EngagementEventForm.FieldFor(field), message);
                }
            }
            outcome = onPage;
        }
        var title = outcome.Errors is null ? "" : (await views.FindAsync(id, publishedOnly: false, ct))?.Title ?? "";
        return this.ToPageResult(outcome, () => EventFormView(form, new EventFormContext(id, title, eventId)), engagement =>
        {
            TempData["Success"] = $"{success}: {engagement.Title}, {engagement.When}";
            return Redirect($"/{Slug}/market-intent/{id}");
        });
    }

    [HttpGet("{id:guid}/events/{eventId:guid}")]
    public async Task<IActionResult> Attendees(Guid id, Guid eventId, [FromServices] EventAttendees attendees, CancellationToken ct) =>
        await attendees.FindAsync(id, eventId, ct) is { } list ? View(list) : NotFound();

    [HttpGet("{id:guid}/events/{eventId:guid}/attendees.csv")]
    public async Task<IActionResult> AttendeesCsv(Guid id, Guid eventId, [FromServices] EventAttendees attendees, CancellationToken ct) =>
        await attendees.FindAsync(id, eventId, ct) is { } list
            ? File(EventAttendees.ToCsv(list), CsvFile.ContentType, $"attendees-{list.Event.StartsAt:yyyy-MM-dd}.csv")
            : NotFound();

    [HttpGet("{id:guid}/interest")]
    public async Task<IActionResult> Interest(Guid id, [FromServices] ExpressionsOfInterest interest, CancellationToken ct) =>
        await interest.FindAsync(id, ct) is { } list ? View(list) : NotFound();

    [HttpGet("{id:guid}/interest.csv")]
    public async Task<IActionResult> InterestCsv(Guid id, [FromServices] ExpressionsOfInterest interest, CancellationToken ct) =>
        await interest.FindAsync(id, ct) is { } list
            ? File(ExpressionsOfInterest.ToCsv(list), CsvFile.ContentType, "expressions-of-interest.csv")
            : NotFound();
}
