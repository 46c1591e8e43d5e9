using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Core.Data;

/// <summary>
/// The save-time locks (tenancy's and the provider's second lock): before a unit of work is saved, every row it adds,
/// changes or deletes goes past each lock. The tracked rows are compared with what was read once for all the locks:
/// finding what changed is the costly part of the check, and EF Core does it once more itself as the save begins.
/// </summary>
public sealed class SaveLocksInterceptor(params IReadOnlyList<ISaveLock> locks) : SaveChangesInterceptor
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
        // Entries() finds what changed (unless the context has turned that off), so a row's owner changed in memory is
        // seen as a change here, as the save will see it. Each lock then sees every written row, in the locks' order.
        var written = context.ChangeTracker.Entries().Where(e => e.State is not (EntityState.Unchanged or EntityState.Detached)).ToList();
        foreach (var saveLock in locks)
        {
            foreach (var entry in written)
            {
                saveLock.Check(entry);
            }
        }
    }
}

/// <summary>One save-time lock, asked about each row a save would add, change or delete.</summary>
public interface ISaveLock
{
    void Check(EntityEntry entry);
}

/// <summary>
/// The save-time lock of one kind of ownership (a tenant, a provider): stamps the current owner on every new row of
/// <typeparamref name="TOwned"/> and refuses any write to a row of another owner, or any write when no owner is set.
/// </summary>
public abstract class OwnershipSaveLock<TOwned>(string ownerProperty, string ownerWord) : ISaveLock
    where TOwned : class
{
    /// <summary>The owner of the current unit of work, if any.</summary>
    protected abstract Guid? CurrentOwner { get; }

    protected abstract Exception Refuse(string message);

    public void Check(EntityEntry entry)
    {
        if (entry.Entity is not TOwned)
        {
            return;
        }
        var kind = entry.Metadata.ClrType.Name;
        var current = CurrentOwner ?? throw Refuse($"No {ownerWord} is set; a {kind} cannot be written.");
        var owner = entry.Property(ownerProperty);
        if (entry.State == EntityState.Added && (Guid)owner.CurrentValue! == Guid.Empty)
        {
            owner.CurrentValue = current;
        }
        var original = entry.State == EntityState.Added ? (Guid)owner.CurrentValue! : (Guid)owner.OriginalValue!;
        if (original != current || (Guid)owner.CurrentValue! != current)
        {
            throw Refuse($"A {kind} of another {ownerWord} cannot be written from this {ownerWord}.");
        }
    }
}

/// <summary>
/// Second tenancy lock: stamps the current tenant on every new tenant-owned row and refuses any write
/// to a row of another tenant (or any tenant-owned write when no tenant is set).
/// </summary>
public sealed class TenantSaveLock(ITenantContext tenant) : OwnershipSaveLock<ITenantOwned>(nameof(ITenantOwned.TenantId), "tenant")
{
    protected override Guid? CurrentOwner => tenant.TenantId;

    protected override Exception Refuse(string message) => new TenantViolationException(message);
}

public sealed class TenantViolationException(string message) : Exception(message);

/// <summary>
/// Second provider lock: stamps the current provider on every new provider-owned row and refuses any write to a row
/// of another provider. Writing a provider-owned row needs a provider: officers and jobs never write bids.
/// </summary>
public sealed class ProviderSaveLock(IProviderContext provider) : OwnershipSaveLock<IProviderOwned>(nameof(IProviderOwned.ProviderId), "provider")
{
    protected override Guid? CurrentOwner => provider.ProviderId;

    protected override Exception Refuse(string message) => new ProviderViolationException(message);
}

public sealed class ProviderViolationException(string message) : Exception(message);
