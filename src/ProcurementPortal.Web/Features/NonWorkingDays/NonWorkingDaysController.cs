using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.NonWorkingDays;

public sealed class NonWorkingDayForm
{
    public string? DateDay { get; set; }
    public string? DateMonth { get; set; }
    public string? DateYear { get; set; }
    public string? Name { get; set; }

    /// <summary>The date typed, or null (with a "DateDay" error when typed but not a real date).</summary>
    public DateOnly? Read(Errors errors)
    {
        if (string.IsNullOrWhiteSpace(DateDay) && string.IsNullOrWhiteSpace(DateMonth) && string.IsNullOrWhiteSpace(DateYear))
        {
            return null;
        }
        if (DateOnly.TryParseExact($"{DateDay?.Trim()}/{DateMonth?.Trim()}/{DateYear?.Trim()}", "d/M/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        errors.Add(nameof(DateDay), "The date must be a real date, like 8 5 2026");
        return null;
    }
}

public sealed record NonWorkingDaysPage(IReadOnlyList<NonWorkingDayView> Days, NonWorkingDayForm Form);

/// <summary>The tenant admin's page of the days added to the shipped bank holidays, over the handlers of the API twin.</summary>
[TenantScoped(Role.TenantAdmin)]
[Route("{tenant}/admin/non-working-days")]
public sealed class NonWorkingDaysController(PortalDbContext db) : Controller
{
    private string Here => $"/{HttpContext.TenantMembership()!.Slug}/admin/non-working-days";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(new NonWorkingDaysPage(await RemoveNonWorkingDayHandler.ListAsync(db, ct), new NonWorkingDayForm()));

    [HttpPost("")]
    [ApiTwin("POST /api/v1/t/{tenant}/non-working-days")]
    public async Task<IActionResult> Add(NonWorkingDayForm form, [FromServices] AddNonWorkingDayHandler handler, CancellationToken ct)
    {
        var errors = new Errors();
        var day = form.Read(errors);
        var outcome = errors.IsEmpty ? await handler.HandleAsync(new AddNonWorkingDayCommand(day, form.Name), ct) : errors;
        if (outcome.Errors is { } refused)
        {
            // The command's Day is typed in the date boxes: its errors go to the first box.
            var onPage = new Errors();
            foreach (var (field, messages) in refused.ToDictionary())
            {
                foreach (var message in messages)
                {
                    onPage.Add(field == nameof(AddNonWorkingDayCommand.Day) ? nameof(NonWorkingDayForm.DateDay) : field, message);
                }
            }
            outcome = onPage;
        }
        var days = outcome.Errors is null ? [] : await RemoveNonWorkingDayHandler.ListAsync(db, ct);
        return this.ToPageResult(outcome, () => View(nameof(Index), new NonWorkingDaysPage(days, form)), d =>
        {
            TempData["Success"] = $"{d.Day.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} is now a non-working day";
            return Redirect(Here);
        });
    }

    [HttpPost("{dayId:guid}/remove")]
    [ApiTwin("DELETE /api/v1/t/{tenant}/non-working-days/{dayId}")]
    public async Task<IActionResult> Remove(Guid dayId, [FromServices] RemoveNonWorkingDayHandler handler, CancellationToken ct) =>
        this.ToPageResult(await handler.HandleAsync(dayId, ct), NotFound, d =>
        {
            TempData["Success"] = $"{d.Day.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} is a working day again";
            return Redirect(Here);
        });
}

/// <summary>The days a tenant adds to the shipped England and Wales bank holidays; the standstill skips them.</summary>
[ApiController]
[TenantScoped(Role.TenantAdmin)]
[Route("api/v1/t/{tenant}/non-working-days")]
[Tags("Calendar")]
public sealed class NonWorkingDaysApiController(PortalDbContext db) : ControllerBase
{
    [HttpGet]
    [ProducesResponseType<List<NonWorkingDayView>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<NonWorkingDayView>> List([FromQuery] PageRequest paging, CancellationToken ct) => this.Page(await RemoveNonWorkingDayHandler.ListAsync(db, ct), paging);

    [HttpPost]
    [ProducesResponseType<NonWorkingDayView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Add(AddNonWorkingDayCommand command, [FromServices] AddNonWorkingDayHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(command, ct), d => Created($"/api/v1/t/{HttpContext.TenantMembership()!.Slug}/non-working-days/{d.Id}", d));

    [HttpDelete("{dayId:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult> Remove(Guid dayId, [FromServices] RemoveNonWorkingDayHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(dayId, ct), _ => NoContent());
}
