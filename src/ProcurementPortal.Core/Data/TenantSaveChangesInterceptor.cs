using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Core.Data;

/// <summary>
/// Second tenancy lock: stamps the current tenant on every new tenant-owned row and refuses any write
/// to a row of another tenant (or any tenant-owned write when no tenant is set).
/// </summary>
public sealed class TenantSaveChangesInterceptor(ITenantContext tenant) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Guard(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Guard(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Guard(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        foreach (var entry in context.ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            var current = tenant.TenantId
                ?? throw new TenantViolationException($"No tenant is set; a {entry.Metadata.ClrType.Name} cannot be written.");
            if (entry.State == EntityState.Added && entry.Entity.TenantId == Guid.Empty)
            {
                entry.Entity.TenantId = current;
            }
            var original = entry.State == EntityState.Added
                ? entry.Entity.TenantId
                : entry.Property(e => e.TenantId).OriginalValue;
            if (original != current || entry.Entity.TenantId != current)
            {
                throw new TenantViolationException(
                    $"A {entry.Metadata.ClrType.Name} of another tenant cannot be written from this tenant.");
            }
        }
    }
}

public sealed class TenantViolationException(string message) : Exception(message);
