using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.DecisionReports;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.DecisionReports;

/// <summary>
/// An officer copies the latest version of an approved or rejected report into a new draft (the next version
/// number); the earlier versions stay as they were.
/// </summary>
public sealed class NewDecisionReportVersionHandler(PortalDbContext db, AuditLog audit, IActor actor)
{
    public async Task<Outcome<DecisionReport>> HandleAsync(Guid id, CancellationToken ct)
    {
        if (await db.DecisionReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } report)
        {
            return Outcome<DecisionReport>.NotFound();
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockForTransactionAsync($"decision-report-version:{report.SeriesId}", ct);
        var latest = await db.DecisionReports.AsNoTracking().Where(r => r.SeriesId == report.SeriesId).MaxAsync(r => r.Version, ct);
        var errors = new Errors()
            .Require(latest == report.Version, "Status", $"Version {latest} is the latest: make a new version from that one")
            .Require(report.Status is DecisionReportStatus.Approved or DecisionReportStatus.Rejected, "Status",
                "Only an approved or rejected report needs a new version: change this one instead");
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var next = report.NextVersion(actor.UserId, actor.Name, await db.DatabaseNowAsync(ct));
        db.DecisionReports.Add(next);
        audit.Record("decision-report.new-version", nameof(DecisionReport), next.Id, $"{next.Title}: version {next.Version} drafted from version {report.Version}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<DecisionReport>.Ok(next);
    }
}
