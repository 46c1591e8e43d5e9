using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

/// <summary>Recurring jobs that sweep every tenant: each tenant in a scope (a unit of work) of its own.</summary>
public static class EveryTenant
{
    /// <summary>Runs <paramref name="run"/> once per commissioning body, each with a fresh scope's <typeparamref name="TJob"/>.</summary>
    public static async Task RunAsync<TJob>(
        IServiceScopeFactory scopes, PortalDbContext db, Func<TJob, Guid, Task> run, CancellationToken ct) where TJob : notnull
    {
        var tenants = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.CommissioningBody)
            .Select(o => o.Id)
            .ToListAsync(ct);
        foreach (var tenantId in tenants)
        {
            await using var scope = scopes.CreateAsyncScope();
            await run(scope.ServiceProvider.GetRequiredService<TJob>(), tenantId);
        }
    }
}
