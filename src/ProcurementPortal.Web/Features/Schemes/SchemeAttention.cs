using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Calendar;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Jobs;
using ProcurementPortal.Web.Features.Dashboard;
using ProcurementPortal.Web.Features.Procurements;

namespace ProcurementPortal.Web.Features.Schemes;

/// <summary>
/// An officer's dashboard items from schemes: open frameworks whose reopening or latest lawful award is due (the same
/// items the reopening job emails about), and dynamic market applications waiting for a decision.
/// </summary>
public static class SchemeAttention
{
    public static async Task<List<AttentionItem>> ForAsync(PortalDbContext db, string slug, CancellationToken ct)
    {
        var today = Standstill.LondonDay(await db.DatabaseNowAsync(ct));
        var due = await SchemeReopeningWarnings.DueAsync(db, today, ct);
        var waiting = await db.MarketApplications.AsNoTracking().Where(a => !db.MarketDecisions.Any(d => d.ApplicationId == a.Id))
            .Join(db.FrameworkSchemes, a => a.SchemeId, s => s.Id, (a, s) => new { a.Id, a.ProviderName, s.ProcurementId, a.AppliedAt })
            .OrderBy(a => a.AppliedAt).ToListAsync(ct);
        return due.Select(d => new AttentionItem(Role.ProcurementOfficer, "reopening-due", $"{d.Due.Text}: {d.Reference} {d.Title}",
                $"/{slug}/procurements/{d.ProcurementId}/scheme", new DateTimeOffset(d.Due.DueOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)))
            .Concat(waiting.Select(a => new AttentionItem(Role.ProcurementOfficer, "market-application",
                $"Dynamic market application to decide: {a.ProviderName}", $"/{slug}/procurements/{a.ProcurementId}/scheme/applications/{a.Id}", null)))
            .ToList();
    }
}
