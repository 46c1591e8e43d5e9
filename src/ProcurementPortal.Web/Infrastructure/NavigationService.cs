using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>What the header shows: the user's organisations (tenant switcher) and the links of the current one.</summary>
public sealed class NavigationService(PortalDbContext db)
{
    public async Task<Navigation> ForAsync(HttpContext http)
    {
        var userId = http.User.UserId();
        if (userId is null)
        {
            return new Navigation(false, null, [], []);
        }
        var memberships = await MyOrganisationsAsync(db, userId.Value, http.RequestAborted);
        var path = http.Request.Path.Value ?? "/";
        var orgs = memberships
            .Select(o => new OrganisationLink(o.Name, o.Href, path == o.Href || path.StartsWith(o.Href + "/", StringComparison.Ordinal)))
            .ToList();
        var current = orgs.FirstOrDefault(o => o.Current);
        var links = new List<NavLink>();
        if (current is not null)
        {
            links.Add(new NavLink("Dashboard", current.Href, path == current.Href));
            var tenant = http.TenantMembership();
            if (tenant is not null)
            {
                links.Add(new NavLink("Procurements", $"/{tenant.Slug}/procurements", path.StartsWith($"/{tenant.Slug}/procurements", StringComparison.Ordinal)));
            }
            if (tenant?.Has(Role.ProcurementOfficer) == true)
            {
                links.Add(new NavLink("Market engagement", $"/{tenant.Slug}/market-intent", path.StartsWith($"/{tenant.Slug}/market-intent", StringComparison.Ordinal)));
            }
            if (tenant is not null && (tenant.Has(Role.ProcurementOfficer) || tenant.Has(Role.Approver) || tenant.Has(Role.TenantAdmin)))
            {
                links.Add(new NavLink("Decision reports", $"/{tenant.Slug}/decision-reports", path.StartsWith($"/{tenant.Slug}/decision-reports", StringComparison.Ordinal)));
                links.Add(new NavLink("Contracts", $"/{tenant.Slug}/contracts", path.StartsWith($"/{tenant.Slug}/contracts", StringComparison.Ordinal)));
            }
            if (tenant?.Has(Role.TenantAdmin) == true)
            {
                links.Add(new NavLink("Users", $"/{tenant.Slug}/admin/users", path.StartsWith($"/{tenant.Slug}/admin/users", StringComparison.Ordinal)));
                links.Add(new NavLink("Audit log", $"/{tenant.Slug}/admin/audit", path.StartsWith($"/{tenant.Slug}/admin/audit", StringComparison.Ordinal)));
                links.Add(new NavLink("Branding", $"/{tenant.Slug}/admin/branding", path.StartsWith($"/{tenant.Slug}/admin/branding", StringComparison.Ordinal)));
                links.Add(new NavLink("Non-working days", $"/{tenant.Slug}/admin/non-working-days", path.StartsWith($"/{tenant.Slug}/admin/non-working-days", StringComparison.Ordinal)));
                links.Add(new NavLink("API clients", $"/{tenant.Slug}/admin/api-clients", path.StartsWith($"/{tenant.Slug}/admin/api-clients", StringComparison.Ordinal) || path.StartsWith($"/{tenant.Slug}/admin/webhooks", StringComparison.Ordinal)));
            }
        }
        if (http.User.HasClaim(PortalClaims.PlatformAdmin, "true"))
        {
            links.Add(new NavLink("Tenants", "/admin/tenants", path.StartsWith("/admin", StringComparison.Ordinal)));
        }
        links.Add(new NavLink("Notifications", "/account/notifications", path.StartsWith("/account/notifications", StringComparison.Ordinal)));
        links.Add(new NavLink("Your account", "/account/manage", path.StartsWith("/account/manage", StringComparison.Ordinal)));
        return new Navigation(true, current?.Name, orgs, links);
    }

    /// <summary>The organisations a user belongs to, with the address of each one's dashboard.</summary>
    public static async Task<List<MyOrganisation>> MyOrganisationsAsync(PortalDbContext db, Guid userId, CancellationToken ct)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Select(m => new { m.OrganisationId, m.Organisation!.Name, m.Organisation.Slug, m.Organisation.Kind, m.Role })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.OrganisationId)
            .Select(g => new MyOrganisation(g.Key, g.First().Name, g.First().Kind, g.First().Slug,
                g.Select(r => r.Role).OrderBy(r => r).ToList()))
            .OrderBy(o => o.Kind).ThenBy(o => o.Name)
            .ToList();
    }
}

public sealed record MyOrganisation(Guid Id, string Name, OrganisationKind Kind, string? Slug, IReadOnlyList<Role> Roles)
{
    public string Href => Kind == OrganisationKind.CommissioningBody ? $"/{Slug}" : $"/providers/{Id}";
}

public sealed record Navigation(bool SignedIn, string? CurrentOrganisation, IReadOnlyList<OrganisationLink> Organisations, IReadOnlyList<NavLink> Links);

public sealed record OrganisationLink(string Name, string Href, bool Current);

public sealed record NavLink(string Text, string Href, bool Active);
