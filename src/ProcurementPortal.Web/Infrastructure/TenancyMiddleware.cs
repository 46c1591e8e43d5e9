using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>
/// The provider organisations the signed-in person belongs to (any role), as the tenancy middleware read them with the
/// tenant: <see cref="Features.Notices.ProviderSide"/> uses them instead of reading them again in the same request.
/// </summary>
public sealed class PersonMemberships
{
    public sealed record Membership(Guid OrganisationId, string Name, OrganisationKind Kind, Role Role);

    private Guid? _userId;
    private IReadOnlyList<Membership> _providers = [];

    public void Set(Guid userId, IReadOnlyList<Membership> providers) => (_userId, _providers) = (userId, providers);

    /// <summary>The person's provider memberships if this request has read them for that person; else null.</summary>
    public IReadOnlyList<Membership>? ProvidersOf(Guid userId) => _userId == userId ? _providers : null;
}

/// <summary>
/// Resolves the tenant from the route once per request into <see cref="TenantContext"/> and checks it against
/// the user's memberships before any handler runs. Unknown tenant, or a tenant the user does not belong to: 404.
/// </summary>
public sealed class TenancyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, PortalDbContext db, TenantContext tenant, PersonMemberships memberships)
    {
        var endpoint = http.GetEndpoint();
        var scoped = endpoint?.Metadata.GetOrderedMetadata<TenantScopedAttribute>() ?? [];
        var isPublic = endpoint?.Metadata.GetMetadata<PublicTenantPageAttribute>() is not null;
        if (endpoint is not null && http.User.IsApiClient()
            && ((scoped.Count == 0 && !isPublic) || endpoint.Metadata.GetMetadata<PersonOnlyAttribute>() is not null))
        {
            // An API client token reaches its own tenant's routes and public tenant data (open data, notices) only (no
            // provider, platform or account routes), and none of the actions that record which person took them.
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        if ((scoped.Count == 0 && !isPublic) || http.GetRouteValue("tenant") is not string slug)
        {
            await next(http);
            return;
        }

        // The tenant, the signed-in person's roles in it and the provider organisations they act for, in one query (one
        // connection, one round trip per request): a provider's request on a tenant's route needs no second one.
        var userId = http.User.IsApiClient() ? null : http.User.UserId();
        var found = await FindTenant(db, slug, userId, http.RequestAborted);
        if (found is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var organisation = found.Organisation;
        if (userId is { } person)
        {
            memberships.Set(person, found.Memberships.Where(m => m.Kind == OrganisationKind.Provider).ToList());
        }

        if (!isPublic)
        {
            if (http.User.Identity?.IsAuthenticated != true)
            {
                await http.ChallengeAsync();
                return;
            }
            var roles = RolesOf(http, organisation.Id, found.Memberships.Where(m => m.OrganisationId == organisation.Id).Select(m => m.Role).ToList());
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

    private sealed class TenantAndMemberships
    {
        public required Organisation Organisation { get; init; }
        public required List<PersonMemberships.Membership> Memberships { get; init; }
    }

    /// <summary>
    /// Compiled once: every tenant-scoped request sends it, so EF does not look it up in its query cache each time. Only
    /// the columns the request needs (not the tenant's logo and contact details, which the pages that show them read).
    /// </summary>
    private static readonly Func<PortalDbContext, string, Guid?, CancellationToken, Task<TenantAndMemberships?>> FindTenant =
        EF.CompileAsyncQuery((PortalDbContext db, string slug, Guid? userId, CancellationToken ct) => db.Organisations.AsNoTracking()
            .Where(o => o.Slug == slug && o.Kind == OrganisationKind.CommissioningBody)
            .Select(o => new TenantAndMemberships
            {
                Organisation = new Organisation { Id = o.Id, Kind = o.Kind, Slug = o.Slug, Name = o.Name },
                Memberships = db.Memberships
                    .Where(m => userId != null && m.UserId == userId && (m.OrganisationId == o.Id || m.Organisation!.Kind == OrganisationKind.Provider))
                    .Select(m => new PersonMemberships.Membership(m.OrganisationId, m.Organisation!.Name, m.Organisation.Kind, m.Role))
                    .ToList(),
            })
            .SingleOrDefault());

    /// <summary>
    /// The caller's roles in the tenant, or null when not a member: a user's memberships, or an API client's own
    /// tenant and roles (a client without roles is a member that may only read).
    /// </summary>
    private static List<Role>? RolesOf(HttpContext http, Guid tenantId, List<Role> memberships)
    {
        if (http.User.ApiClientMembership() is { } client)
        {
            return client.TenantId == tenantId ? client.Roles : null;
        }
        return memberships.Count == 0 ? null : memberships;
    }
}
