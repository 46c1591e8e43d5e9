using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Web.Features.Procurements;

/// <summary>Loading a procurement of the current tenant with everything that hangs off it.</summary>
public static class ProcurementQueries
{
    public static Task<Procurement?> LoadWholeAsync(this PortalDbContext db, Guid id, CancellationToken ct) =>
        Whole(db.Procurements).SingleOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>The same, read only (not tracked): for use cases that read the tender and change other rows.</summary>
    public static Task<Procurement?> ReadWholeAsync(this PortalDbContext db, Guid id, CancellationToken ct) =>
        Whole(db.Procurements.AsNoTrackingWithIdentityResolution()).SingleOrDefaultAsync(p => p.Id == id, ct);

    private static IQueryable<Procurement> Whole(IQueryable<Procurement> procurements) =>
        procurements
            .Include(p => p.Lots.OrderBy(l => l.Number)).ThenInclude(l => l.Bands.OrderBy(b => b.Code))
            .Include(p => p.Sections.OrderBy(s => s.Number)).ThenInclude(s => s.Questions.OrderBy(q => q.Number))
            .AsSplitQuery();

    /// <summary>The database's clock: deadlines are judged by it, never by a web server's clock.</summary>
    public static Task<DateTime> DatabaseNowAsync(this PortalDbContext db, CancellationToken ct) =>
        db.Database.SqlQuery<DateTime>($"select now() as \"Value\"").SingleAsync(ct);
}
