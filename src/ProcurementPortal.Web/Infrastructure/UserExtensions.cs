using System.Security.Claims;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Web.Infrastructure;

public static class UserExtensions
{
    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static TenantMembership? TenantMembership(this HttpContext http) => http.Features.Get<TenantMembership>();
}

/// <summary>The signed-in user as the actor of audit events.</summary>
public sealed class HttpActor(IHttpContextAccessor accessor) : IActor
{
    public Guid? UserId => accessor.HttpContext?.User.UserId();

    public string Name => accessor.HttpContext is { } http ? http.User.Identity?.Name ?? "anonymous" : "system";
}
