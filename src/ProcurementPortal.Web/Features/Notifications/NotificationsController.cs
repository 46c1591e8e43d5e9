using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Web.Features.Dashboard;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Notifications;

/// <summary>The signed-in person's notifications and email preferences (pages).</summary>
[Authorize]
public sealed class NotificationsController(NotificationInbox inbox) : Controller
{
    [HttpGet("/account/notifications")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken ct = default) => View(await inbox.ListAsync(page, NotificationInbox.PageSize, ct));

    [HttpGet("/account/notifications/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct) =>
        await inbox.OpenAsync(id, ct) is { } notification ? View(notification) : NotFound();

    [HttpPost("/account/notifications/read")]
    [ApiTwin("POST /api/v1/me/notifications/read")]
    public async Task<IActionResult> MarkAllRead(CancellationToken ct)
    {
        var count = await inbox.MarkAllReadAsync(ct);
        TempData["Success"] = count == 1 ? "1 notification marked as read" : $"{count} notifications marked as read";
        return Redirect("/account/notifications");
    }

    [HttpGet("/account/manage/email-preferences")]
    public async Task<IActionResult> EmailPreferences([FromServices] EmailPreferencesHandler handler) =>
        await handler.GetAsync(User) is { } current ? View(current) : Challenge();

    [HttpPost("/account/manage/email-preferences")]
    [ApiTwin("PUT /api/v1/me/email-preferences")]
    public async Task<IActionResult> EmailPreferences(EmailPreferencesCommand command, [FromServices] EmailPreferencesHandler handler, CancellationToken ct) =>
        this.ToPageResult(await handler.HandleAsync(User, command, ct), () => View(command), saved =>
        {
            TempData[Account.ManageController.Flash] = saved.ReminderEmails == true
                ? "You will get reminder emails"
                : "You will not get reminder emails. Reminders still appear in your notifications and on your dashboard";
            return Redirect("/account/manage");
        });
}

/// <summary>The API twins: notifications and email preferences of the caller.</summary>
[ApiController]
[Authorize]
[Route("api/v1/me")]
[Tags("Me")]
public sealed class NotificationsApiController(NotificationInbox inbox) : ControllerBase
{
    /// <summary>The caller's notifications, newest first, paged as every list (docs/api.md), with the count unread.</summary>
    [HttpGet("notifications")]
    [ProducesResponseType<NotificationList>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<NotificationList> List([FromQuery] PageRequest paging, CancellationToken ct = default)
    {
        var list = await inbox.ListAsync(paging.Page, paging.PageSize, ct);
        Response.WritePageHeaders(paging, list.Total);
        return list;
    }

    /// <summary>One notification with its text; reading it marks it read (404 for anyone else's).</summary>
    [HttpGet("notifications/{id:guid}")]
    [ProducesResponseType<NotificationView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<NotificationView>> Get(Guid id, CancellationToken ct) =>
        await inbox.OpenAsync(id, ct) is { } notification ? notification : NotFound();

    /// <summary>Marks every notification read; returns how many were unread.</summary>
    [HttpPost("notifications/read")]
    [ProducesResponseType<MarkedRead>(StatusCodes.Status200OK)]
    public async Task<MarkedRead> MarkAllRead(CancellationToken ct) => new(await inbox.MarkAllReadAsync(ct));

    [HttpGet("email-preferences")]
    [ProducesResponseType<EmailPreferencesCommand>(StatusCodes.Status200OK)]
    public async Task<ActionResult<EmailPreferencesCommand>> EmailPreferences([FromServices] EmailPreferencesHandler handler) =>
        await handler.GetAsync(User) is { } current ? current : NotFound();

    [HttpPut("email-preferences")]
    [ProducesResponseType<EmailPreferencesCommand>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> EmailPreferences(EmailPreferencesCommand command, [FromServices] EmailPreferencesHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(User, command, ct), Ok);
}

public sealed record MarkedRead(int Count);

public static class DashboardFeature
{
    public static IServiceCollection AddDashboardFeature(this IServiceCollection services) => services
        .AddScoped<TenantAttention>()
        .AddScoped<ProviderAttention>()
        .AddScoped<NotificationInbox>()
        .AddScoped<EmailPreferencesHandler>();
}
