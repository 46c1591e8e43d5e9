using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Integrations;
using ProcurementPortal.Core.Jobs;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Bids;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Procurements;

/// <summary>
/// Closes submissions at the deadline by the lifecycle's own transition. Given the tenant and procurement ids, never
/// an ambient tenant. A delayed job may fire a little early: then it schedules itself again for the deadline.
/// Running it twice changes nothing the second time. Closing tells the tenant's procurement officers, once, how many
/// bids were received (issue 5, item 7), in the same transaction as the transition: never who bid.
/// </summary>
public sealed class CloseSubmissionsJob(
    TenantJobScope scope, PortalDbContext db, AuditLog audit, IBackgroundJobClient jobs, ILogger<CloseSubmissionsJob> log,
    ITenantContext tenant, EmailOutbox outbox, BidsReceived received, IOptions<PortalOptions> options, WebhookOutbox webhooks)
{
    public async Task RunAsync(Guid tenantId, Guid procurementId, CancellationToken ct)
    {
        await scope.EnterAsync(tenantId, ct);
        // The row is locked before anything is read: the lock waits for every submission in flight (they hold the row
        // in share mode, from their first statement), so a bid received before the deadline and committed just after
        // it is counted, and a submission that starts later sees the tender closed (docs/adr/021).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"select 1 from procurements where id = {procurementId} for update", ct);
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
            var count = (await received.HandleAsync(procurementId, ct)).Value!.Received;
            var officers = await TenantOfficers.EmailsAsync(db, tenantId, ct);
            foreach (var officer in officers)
            {
                outbox.Enqueue(officer, "submissions-closed", new
                {
                    procurement.Reference,
                    procurement.Title,
                    Deadline = UkTime.FormatDeadline(procurement.SubmissionDeadline!.Value),
                    Count = count,
                    Link = new Uri(new Uri(options.Value.BaseUrl), $"/{tenant.Slug}/procurements/{procurement.Id}").ToString(),
                });
            }
            audit.Record("procurement.submissions_closed", nameof(Procurement), procurement.Id,
                $"{procurement.Reference}: closed at the deadline {procurement.SubmissionDeadline:u}; {count} bid(s) received, reported to {officers.Count} officer(s)");
            await webhooks.EnqueueAsync(WebhookEvents.ProcurementClosed, new
            {
                procurementId = procurement.Id, procurement.Reference, procurement.Title,
                submissionDeadline = ProcurementResponse.Utc(procurement.SubmissionDeadline), bidsReceived = count,
            }, ct);
            // The row version makes a second job running at the same moment fail here instead of emailing twice.
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
    }
}
