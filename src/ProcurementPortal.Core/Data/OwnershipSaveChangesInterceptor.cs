using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProcurementPortal.Core.Data;

/// <summary>
/// The save-time lock of one kind of ownership (a tenant, a provider): stamps the current owner on every new row of
/// <typeparamref name="TOwned"/> and refuses any write to a row of another owner, or any write when no owner is set.
/// </summary>
public abstract class OwnershipSaveChangesInterceptor<TOwned>(string ownerProperty, string ownerWord) : SaveChangesInterceptor
    where TOwned : class
{
    /// <summary>The owner of the current unit of work, if any.</summary>
    protected abstract Guid? CurrentOwner { get; }

    protected abstract Exception Refuse(string message);

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
        foreach (var entry in context.ChangeTracker.Entries<TOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
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
}
