using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;

namespace ProcurementPortal.Core.Jobs;

/// <summary>Who a job tells when something of a tenant's procurement work needs an officer's attention.</summary>
public static class TenantOfficers
{
    /// <summary>The email addresses of the tenant's procurement officers (memberships are global: no tenant filter).</summary>
    public static async Task<List<string>> EmailsAsync(PortalDbContext db, Guid tenantId, CancellationToken ct) =>
        (await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == tenantId && m.Role == Role.ProcurementOfficer)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email)
            .ToListAsync(ct))
        .OfType<string>()
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .Order(StringComparer.OrdinalIgnoreCase)
        .ToList();

    /// <summary>The address of one person, if they still have an account.</summary>
    public static Task<string?> EmailOfAsync(PortalDbContext db, Guid? userId, CancellationToken ct) =>
        userId is { } id
            ? db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.Email).SingleOrDefaultAsync(ct)
            : Task.FromResult<string?>(null);
}
