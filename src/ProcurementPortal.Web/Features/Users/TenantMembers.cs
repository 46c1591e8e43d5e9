using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Web.Features.Users;

public sealed record MemberView(
    Guid UserId, string Email, string DisplayName,
    IReadOnlyList<Role> Roles);

/// <summary>The members of the current tenant and their roles (memberships are global rows keyed by organisation).</summary>
public sealed class TenantMembers(PortalDbContext db, ITenantContext tenant)
{
    private Guid TenantId => tenant.TenantId ?? throw new InvalidOperationException("No tenant is set.");

    public Task<List<MemberView>> ListAsync(CancellationToken ct) => OfOrganisationAsync(db, TenantId, null, ct);

    public async Task<MemberView?> FindAsync(Guid userId, CancellationToken ct) =>
        (await OfOrganisationAsync(db, TenantId, userId, ct)).SingleOrDefault();

    /// <summary>Members of any organisation (tenant or provider), one row per person; or just one person.</summary>
    public static async Task<List<MemberView>> OfOrganisationAsync(PortalDbContext db, Guid organisationId, Guid? userId, CancellationToken ct)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && (userId == null || m.UserId == userId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email, u.DisplayName, m.Role })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.Id)
            .Select(g => new MemberView(g.Key, g.First().Email ?? "", g.First().DisplayName, g.Select(r => r.Role).Order().ToList()))
            .OrderBy(m => m.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
