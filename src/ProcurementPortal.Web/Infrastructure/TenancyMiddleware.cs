using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>
/// Resolves the tenant from the route once per request into <see cref="TenantContext"/> and checks it against
/// the user's memberships before any handler runs. Unknown tenant, or a tenant the user does not belong to: 404.
/// </summary>
public sealed class TenancyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, PortalDbContext db, TenantContext tenant)
    {
        var endpoint = http.GetEndpoint();
        var scoped = endpoint?.Metadata.GetOrderedMetadata<TenantScopedAttribute>() ?? [];
        var isPublic = endpoint?.Metadata.GetMetadata<PublicTenantPageAttribute>() is not null;
        if (endpoint is not null && http.User.IsApiClient()
            && (scoped.Count == 0 || endpoint.Metadata.GetMetadata<PersonOnlyAttribute>() is not null))
        {
            // An API client token reaches its own tenant's routes only (no provider, platform or account routes), and
            // none of the actions that record which person took them.
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        if ((scoped.Count == 0 && !isPublic) || http.GetRouteValue("tenant") is not string slug)
        {
            await next(http);
            return;
        }

        var organisation = await db.Organisations.AsNoTracking()
            .SingleOrDefaultAsync(o => o.Slug == slug && o.Kind == OrganisationKind.CommissioningBody, http.RequestAborted);
        if (organisation is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!isPublic)
        {
            if (http.User.Identity?.IsAuthenticated != true)
            {
                await http.ChallengeAsync();
                return;
            }
            var roles = await RolesAsync(http, db, organisation.Id);
            if (roles is null)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            var required = scoped.SelectMany(s => s.Roles).ToList();
            if (required.Count > 0 && !required.Any(roles.Contains))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            http.Features.Set(new TenantMembership(organisation.Id, slug, organisation.Name, roles));
        }

        tenant.Set(organisation);
        await next(http);
    }

    /// <summary>
    /// The caller's roles in the tenant, or null when not a member: a user's memberships, or an API client's own
    /// tenant and roles (a client without roles is a member that may only read).
    /// </summary>
    private static async Task<List<Role>?> RolesAsync(HttpContext http, PortalDbContext db, Guid tenantId)
    {
        if (http.User.ApiClientMembership() is { } client)
        {
            return client.TenantId == tenantId ? client.Roles : null;
        }
        var userId = http.User.UserId();
        var roles = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.OrganisationId == tenantId)
            .Select(m => m.Role)
            .ToListAsync(http.RequestAborted);
        return roles.Count == 0 ? null : roles;
    }
}
