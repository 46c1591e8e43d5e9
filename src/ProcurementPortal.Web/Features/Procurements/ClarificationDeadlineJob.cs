using Hangfire;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Jobs;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Procurements;

/// <summary>
/// At a tender's clarification deadline: from then on providers' questions are refused (the ask use case judges the
/// deadline by the database clock itself), and this job sends each procurement officer of the tenant one email
/// listing the questions still unanswered. Given the tenant and procurement ids, never an ambient tenant. A job that
/// fires early schedules itself again for the deadline; one that finds the deadline already reported (or the tender no
/// longer open) changes nothing, so a second run sends nothing. A moved deadline is reported again when it passes.
/// </summary>
public sealed class ClarificationDeadlineJob(
    TenantJobScope scope, PortalDbContext db, ITenantContext tenant, AuditLog audit, EmailOutbox outbox, IBackgroundJobClient jobs,
    Microsoft.Extensions.Options.IOptions<PortalOptions> options)
{
    public static void Schedule(IBackgroundJobClient jobs, Guid tenantId, Procurement procurement)
    {
        if (procurement.ClarificationDeadline is { } deadline)
        {
            jobs.Schedule<ClarificationDeadlineJob>(j => j.RunAsync(tenantId, procurement.Id, CancellationToken.None),
                new DateTimeOffset(DateTime.SpecifyKind(deadline, DateTimeKind.Utc)));
        }
    }

    public async Task RunAsync(Guid tenantId, Guid procurementId, CancellationToken ct)
    {
        await scope.EnterAsync(tenantId, ct);
        var procurement = await db.Procurements.SingleOrDefaultAsync(p => p.Id == procurementId, ct);
        if (procurement is not { State: ProcurementState.TenderOpen, ClarificationDeadline: { } deadline }
            || procurement.ClarificationDeadlineReportedFor == deadline)
        {
            return;
        }
        if (await db.DatabaseNowAsync(ct) < deadline)
        {
            Schedule(jobs, tenantId, procurement);
            return;
        }
        var unanswered = await db.Clarifications.AsNoTracking()
            .Where(c => c.ProcurementId == procurementId && c.PublishedAt == null)
            .OrderBy(c => c.Number)
            .Select(c => new { c.Number, c.Question })
            .ToListAsync(ct);
        var officers = await TenantOfficers.EmailsAsync(db, tenantId, ct);
        foreach (var officer in officers)
        {
            outbox.Enqueue(officer, "clarification-deadline-passed", new
            {
                TenantName = tenant.TenantName,
                procurement.Reference,
                procurement.Title,
                Deadline = UkTime.FormatDeadline(deadline),
                Count = unanswered.Count,
                Questions = unanswered,
                Link = new Uri(new Uri(options.Value.BaseUrl), $"/{tenant.Slug}/procurements/{procurement.Id}/clarifications").ToString(),
            });
        }
        procurement.ClarificationDeadlineReportedFor = deadline;
        audit.Record("procurement.clarification_deadline_passed", nameof(Procurement), procurement.Id,
            $"{procurement.Reference}: questions closed; {unanswered.Count} unanswered, reported to {officers.Count} officer(s)");
        // The row version makes a second job running at the same moment fail here instead of emailing twice.
        await db.SaveChangesAsync(ct);
    }
}
