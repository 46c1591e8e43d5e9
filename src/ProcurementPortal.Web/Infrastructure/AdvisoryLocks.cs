using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;

namespace ProcurementPortal.Web.Infrastructure;

public static class AdvisoryLocks
{
    /// <summary>
    /// Takes a PostgreSQL advisory lock for the rest of the current transaction, so that numbering (references,
    /// question numbers) never hands the same number to two writers. Call inside an explicit transaction.
    /// </summary>
    public static Task LockForTransactionAsync(this PortalDbContext db, string key, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock(hashtextextended({key}, 0))", ct);
}
