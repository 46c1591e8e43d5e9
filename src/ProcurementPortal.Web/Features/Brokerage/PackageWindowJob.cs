using Hangfire;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Jobs;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Procurements;

namespace ProcurementPortal.Web.Features.Brokerage;

/// <summary>
/// Closes a package request's window at its deadline and tells the officer who posted it how many offers came in. The
/// deadline itself is enforced by each response's transaction against the database clock, not by this job; a job that
/// fires early schedules itself again, and a second run changes nothing and sends nothing.
/// </summary>
public sealed class PackageWindowJob(TenantJobScope scope, PortalDbContext db, AuditLog audit, EmailOutbox outbox, ITenantContext tenant,
    IBackgroundJobClient jobs, IConfiguration configuration)
{
    public static void ScheduleFor(IBackgroundJobClient jobs, Guid tenantId, Guid requestId, DateTime closesAtUtc) =>
        jobs.Schedule<PackageWindowJob>(j => j.RunAsync(tenantId, requestId, CancellationToken.None),
            new DateTimeOffset(DateTime.SpecifyKind(closesAtUtc, DateTimeKind.Utc)));

    public async Task RunAsync(Guid tenantId, Guid requestId, CancellationToken ct)
    {
        await scope.EnterAsync(tenantId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var window = await PackageWindow.EnterAsync(db, requestId, forUpdate: true, ct);
        if (window.Status != PackageRequestStatus.Open)
        {
            return;
        }
        if (!window.IsClosed)
        {
            ScheduleFor(jobs, tenantId, requestId, window.ClosesAt);
            return;
        }
        var request = await db.PackageRequests.SingleAsync(r => r.Id == requestId, ct);
        request.Status = PackageRequestStatus.Closed;
        request.ClosedAt = window.Now;
        var offers = await db.PackageResponses.CountAsync(r => r.PackageRequestId == requestId && r.Kind == PackageResponseKind.Offer, ct);
        var declines = await db.PackageResponses.CountAsync(r => r.PackageRequestId == requestId && r.Kind == PackageResponseKind.Decline, ct);
        var officer = await db.Users.AsNoTracking().Where(u => u.Id == request.PostedByUserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (officer is not null)
        {
            outbox.Enqueue(officer, "package-window-closed", new
            {
                request.Reference,
                request.LotName,
                Offers = offers,
                Declines = declines,
                Invited = request.MembersInvited,
                Link = $"{configuration["Portal:BaseUrl"]?.TrimEnd('/')}/{tenant.Slug}/package-requests/{request.Id}",
            });
        }
        audit.Record("brokerage.window_closed", nameof(PackageRequest), request.Id,
            $"{request.Reference}: window closed with {offers} offers and {declines} declines from {request.MembersInvited} members told");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
