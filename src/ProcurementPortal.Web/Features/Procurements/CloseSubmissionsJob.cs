using Hangfire;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Jobs;

namespace ProcurementPortal.Web.Features.Procurements;

/// <summary>
/// Closes submissions at the deadline by the lifecycle's own transition. Given the tenant and procurement ids, never
/// an ambient tenant. A delayed job may fire a little early: then it schedules itself again for the deadline.
/// Running it twice changes nothing the second time.
/// </summary>
public sealed class CloseSubmissionsJob(
    TenantJobScope scope, PortalDbContext db, AuditLog audit, IBackgroundJobClient jobs, ILogger<CloseSubmissionsJob> log)
{
    public async Task RunAsync(Guid tenantId, Guid procurementId, CancellationToken ct)
    {
        await scope.EnterAsync(tenantId, ct);
        var procurement = await db.LoadWholeAsync(procurementId, ct);
        if (procurement is null || procurement.State != ProcurementState.TenderOpen)
        {
            log.LogInformation("Procurement {Id} is not open for tenders; nothing to close", procurementId);
            return;
        }
        var now = await db.DatabaseNowAsync(ct);
        if (procurement.SubmissionDeadline is { } deadline && deadline > now)
        {
            jobs.Schedule<CloseSubmissionsJob>(j => j.RunAsync(tenantId, procurementId, CancellationToken.None),
                new DateTimeOffset(DateTime.SpecifyKind(deadline, DateTimeKind.Utc)));
            return;
        }
        var result = ProcurementLifecycle.CloseSubmissions(procurement, TransitionActor.System, now);
        if (result.Changed)
        {
            audit.Record("procurement.submissions_closed", nameof(Procurement), procurement.Id,
                $"{procurement.Reference}: closed at the deadline {procurement.SubmissionDeadline:u}");
            await db.SaveChangesAsync(ct);
        }
    }
}
