using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Core.Jobs;

/// <summary>
/// Background jobs are given a tenant id and record ids as arguments, never an ambient tenant: a job calls
/// <see cref="EnterAsync"/> first, and from then on its unit of work is held to that tenant by the same three
/// locks as a web request.
/// </summary>
public sealed class TenantJobScope(PortalDbContext db, TenantContext tenant)
{
    public async Task EnterAsync(Guid tenantId, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking()
            .SingleOrDefaultAsync(o => o.Id == tenantId && o.Kind == OrganisationKind.CommissioningBody, ct)
            ?? throw new InvalidOperationException($"Tenant {tenantId} does not exist; the job cannot run.");
        tenant.Set(organisation);
    }
}
