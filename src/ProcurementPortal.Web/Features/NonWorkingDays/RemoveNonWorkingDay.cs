using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.NonWorkingDays;

/// <summary>A tenant admin removes a day they added; a standstill already running keeps the end it was given.</summary>
public sealed class RemoveNonWorkingDayHandler(PortalDbContext db, AuditLog audit)
{
    public async Task<Outcome<NonWorkingDayView>> HandleAsync(Guid id, CancellationToken ct)
    {
        if (await db.TenantNonWorkingDays.SingleOrDefaultAsync(d => d.Id == id, ct) is not { } day)
        {
            return Outcome<NonWorkingDayView>.NotFound();
        }
        db.TenantNonWorkingDays.Remove(day);
        audit.Record("calendar.non_working_day_removed", nameof(TenantNonWorkingDay), day.Id, $"{day.Day:yyyy-MM-dd} {day.Name}");
        await db.SaveChangesAsync(ct);
        return Outcome<NonWorkingDayView>.Ok(NonWorkingDayView.From(day));
    }

    public static async Task<IReadOnlyList<NonWorkingDayView>> ListAsync(PortalDbContext db, CancellationToken ct) =>
        (await db.TenantNonWorkingDays.AsNoTracking().OrderBy(d => d.Day).ToListAsync(ct)).Select(NonWorkingDayView.From).ToList();
}
