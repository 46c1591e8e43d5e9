using Hangfire;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Core.Jobs;

/// <summary>
/// Opens and closes an engagement event's registration at the times the officer set (docs/adr/013). Whether a
/// provider may register is decided by those times themselves; these jobs record each change in the audit log and,
/// at the close, tell the officer who wrote the statement how many registered. Each is scheduled with the tenant
/// and event ids whenever an event is created or changed; a job finds the event as it is now and acts only when its
/// time has come and it has not yet acted for that time, so a second run, or a run for a time since moved, changes
/// nothing. A job that fires early schedules itself again for the time.
/// </summary>
public sealed class EngagementRegistrationJobs(
    PortalDbContext db, TenantJobScope scope, ITenantContext tenant, EmailOutbox outbox, AuditLog audit,
    IBackgroundJobClient jobs, TimeProvider clock)
{
    /// <summary>Schedules the opening and the closing, for those the event has.</summary>
    public static void Schedule(IBackgroundJobClient jobs, Guid tenantId, EngagementEvent engagement)
    {
        if (engagement.RegistrationOpensAt is { } opens)
        {
            jobs.Schedule<EngagementRegistrationJobs>(j => j.OpenAsync(tenantId, engagement.Id, CancellationToken.None), At(opens));
        }
        if (engagement.RegistrationClosesAt is { } closes)
        {
            jobs.Schedule<EngagementRegistrationJobs>(j => j.CloseAsync(tenantId, engagement.Id, CancellationToken.None), At(closes));
        }
    }

    public async Task OpenAsync(Guid tenantId, Guid eventId, CancellationToken ct)
    {
        await scope.EnterAsync(tenantId, ct);
        var engagement = await db.EngagementEvents.SingleOrDefaultAsync(e => e.Id == eventId, ct);
        if (engagement?.RegistrationOpensAt is not { } opens || engagement.RegistrationOpenedFor == opens)
        {
            return;
        }
        if (clock.GetUtcNow().UtcDateTime < opens)
        {
            jobs.Schedule<EngagementRegistrationJobs>(j => j.OpenAsync(tenantId, eventId, CancellationToken.None), At(opens));
            return;
        }
        engagement.RegistrationOpenedFor = opens;
        audit.Record("engagement-event.registration-opened", nameof(EngagementEvent), engagement.Id,
            $"Registration for {engagement.Title} opened at {UkEventTime.Clock(UkEventTime.ToUkOffset(opens).DateTime)} UK time");
        // The row version makes a second job running at the same moment fail here instead of recording twice.
        await db.SaveChangesAsync(ct);
    }

    public async Task CloseAsync(Guid tenantId, Guid eventId, CancellationToken ct)
    {
        await scope.EnterAsync(tenantId, ct);
        var engagement = await db.EngagementEvents.Include(e => e.Registrations).SingleOrDefaultAsync(e => e.Id == eventId, ct);
        if (engagement?.RegistrationClosesAt is not { } closes || engagement.RegistrationClosedFor == closes)
        {
            return;
        }
        if (clock.GetUtcNow().UtcDateTime < closes)
        {
            jobs.Schedule<EngagementRegistrationJobs>(j => j.CloseAsync(tenantId, eventId, CancellationToken.None), At(closes));
            return;
        }
        var statement = await db.MarketIntentStatements.AsNoTracking().SingleAsync(s => s.Id == engagement.StatementId, ct);
        var confirmed = engagement.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed);
        var waiting = engagement.Registrations.Count(r => r.Status == RegistrationStatus.Waiting);
        // The officer who wrote the statement; when that is not known (older statements), every procurement officer.
        var owner = await TenantOfficers.EmailOfAsync(db, statement.CreatedByUserId, ct);
        var recipients = owner is not null ? [owner] : await TenantOfficers.EmailsAsync(db, tenantId, ct);
        foreach (var to in recipients)
        {
            outbox.Enqueue(to, "engagement-registration-closed", new
            {
                TenantName = tenant.TenantName,
                StatementTitle = statement.Title,
                EventTitle = engagement.Title,
                When = UkEventTime.Range(engagement.StartsAt, engagement.EndsAt),
                Confirmed = confirmed,
                Waiting = waiting,
                engagement.Capacity,
            });
        }
        engagement.RegistrationClosedFor = closes;
        audit.Record("engagement-event.registration-closed", nameof(EngagementEvent), engagement.Id,
            $"Registration for {engagement.Title} closed: {confirmed} with a place, {waiting} waiting; told {recipients.Count} officer(s)");
        await db.SaveChangesAsync(ct);
    }

    private static DateTimeOffset At(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
