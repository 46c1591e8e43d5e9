using System.Reflection;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Web.Features.Bids;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>
/// Work a node does once, before it listens, instead of in its first requests (ADR 032). Measured in a deadline rush
/// (issue 10): a newly started node spent more than half of its CPU in its first burst of 200 submissions on work done
/// once per process: building the template parser and parsing the receipt email, teaching the template engine the
/// receipt's model, building EF Core's change-tracking code for the rows a submission adds, and preparing the
/// submission's queries (ADR 036 sends its reads as one batch). When that work waits for the first requests, a burst
/// of them arrives together and several do the same first-time work side by side. It also runs the submission's own
/// code once, so that the runtime compiles it now rather than in the first burst (ADR 037).
/// </summary>
public static class WarmUp
{
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken ct)
    {
        var templates = services.GetRequiredService<EmailTemplates>();
        templates.PrepareAll();
        SubmitBid.PrepareReceiptEmail(templates);
        var db = services.GetRequiredService<PortalDbContext>();
        PrepareChangeTracking(db);
        await SubmitBid.PrepareQueriesAsync(db, ct);
        await SubmitBid.PrepareCodeAsync(services, ct);
    }

    /// <summary>
    /// Tracks one new instance of every entity type as added and reads each of its values, then forgets them: EF Core
    /// builds each type's snapshots and property accessors the first time it tracks one. No SQL is sent. Returns the
    /// entity types prepared: those with a constructor without parameters and a key that a new instance can have (not
    /// text); the others are built on first use.
    /// </summary>
    public static IReadOnlyList<string> PrepareChangeTracking(DbContext db)
    {
        var prepared = new List<string>();
        foreach (var type in db.Model.GetEntityTypes())
        {
            if (type.IsOwned() || type.HasSharedClrType || type.ClrType.IsAbstract || type.FindPrimaryKey() is not { } key
                || key.Properties.Any(p => p.ClrType == typeof(string))
                || type.ClrType.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes) is null)
            {
                continue;
            }
            var entry = db.Entry(Activator.CreateInstance(type.ClrType, nonPublic: true)!);
            entry.State = EntityState.Added;
            foreach (var property in entry.Properties)
            {
                _ = property.CurrentValue;
                _ = property.OriginalValue;
            }
            prepared.Add(type.ClrType.Name);
        }
        db.ChangeTracker.DetectChanges();
        db.ChangeTracker.Clear();
        return prepared;
    }
}
