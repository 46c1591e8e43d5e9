using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Core.Data;

/// <summary>
/// Second provider lock: stamps the current provider on every new provider-owned row and refuses any write to a row
/// of another provider. Writing a provider-owned row needs a provider: officers and jobs never write bids.
/// </summary>
public sealed class ProviderSaveChangesInterceptor(IProviderContext provider) : SaveChangesInterceptor
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
        foreach (var entry in context.ChangeTracker.Entries<IProviderOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            var current = provider.ProviderId
                ?? throw new ProviderViolationException($"No provider is set; a {entry.Metadata.ClrType.Name} cannot be written.");
            if (entry.State == EntityState.Added && entry.Entity.ProviderId == Guid.Empty)
            {
                entry.Entity.ProviderId = current;
            }
            var original = entry.State == EntityState.Added
                ? entry.Entity.ProviderId
                : entry.Property(e => e.ProviderId).OriginalValue;
            if (original != current || entry.Entity.ProviderId != current)
            {
                throw new ProviderViolationException(
                    $"A {entry.Metadata.ClrType.Name} of another provider cannot be written by this provider.");
            }
        }
    }
}

public sealed class ProviderViolationException(string message) : Exception(message);
