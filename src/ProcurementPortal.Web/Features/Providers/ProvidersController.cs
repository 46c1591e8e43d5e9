using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Features.Users;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Providers;

public sealed record ProviderUsersPage(ProviderView Provider, IReadOnlyList<MemberView> Members);

/// <summary>A provider's dashboard: its details and what needs its attention across the commissioning bodies.</summary>
public sealed record ProviderDashboardPage(ProviderView Provider, IReadOnlyList<Dashboard.AttentionItem> Items);

/// <summary>A provider organisation's own pages: registration, its dashboard and its users.</summary>
[Authorize]
[Route("providers")]
public sealed class ProvidersController(ProviderAccess access) : Controller
{
    [HttpGet("register")]
    public IActionResult Register() => View(RegisterProviderCommand.Empty);

    [HttpPost("register")]
    [ApiTwin("POST /api/v1/providers")]
    public async Task<IActionResult> Register(RegisterProviderCommand command, [FromServices] RegisterProvider register, CancellationToken ct) =>
        this.ToPageResult(await register.HandleAsync(command, ct), () => View(command), provider =>
        {
            TempData["Success"] = $"{provider.Name} is registered. You are its provider admin.";
            return Redirect($"/providers/{provider.Id}");
        });

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Dashboard(Guid id, [FromServices] Dashboard.ProviderAttention attention, CancellationToken ct) =>
        await access.FindAsync(id, ct) is { } provider && await attention.ForAsync(id, ct) is { } items
            ? View(new ProviderDashboardPage(provider, items))
            : NotFound();

    [HttpGet("{id:guid}/users")]
    public async Task<IActionResult> Users(Guid id, CancellationToken ct)
    {
        if (await access.FindAsync(id, ct) is not { } provider)
        {
            return NotFound();
        }
        if (!provider.YourRoles.Contains(Role.ProviderAdmin))
        {
            return Forbid();
        }
        return View(new ProviderUsersPage(provider, await access.MembersAsync(id, ct)));
    }
}
