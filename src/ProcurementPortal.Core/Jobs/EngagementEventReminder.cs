using Hangfire;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Core.Jobs;

/// <summary>
/// Emails everyone with a place at an engagement event the day before it. Scheduled whenever an event is created or
/// moved, with the tenant and event ids as its only arguments. A delayed job may fire a little early, and the event
/// may have moved since it was scheduled, so the job re-reads the event and sends only when the reminder is due for
/// the event's current start time and has not been sent for it yet.
/// </summary>
public sealed class EngagementEventReminder(
    PortalDbContext db, TenantJobScope scope, ITenantContext tenant, EmailOutbox outbox, AuditLog audit, TimeProvider clock)
{
    /// <summary>How early a fired job still counts as on time (Hangfire's schedule polling can fire a second early).</summary>
    public static readonly TimeSpan EarlyTolerance = TimeSpan.FromMinutes(5);

    public static string Schedule(IBackgroundJobClient jobs, Guid tenantId, EngagementEvent engagement) =>
        jobs.Schedule<EngagementEventReminder>(
            j => j.RunAsync(tenantId, engagement.Id, CancellationToken.None),
            new DateTimeOffset(DateTime.SpecifyKind(engagement.ReminderDueAt, DateTimeKind.Utc)));

    public async Task RunAsync(Guid tenantId, Guid eventId, CancellationToken ct)
    {
        await scope.EnterAsync(tenantId, ct);
        var engagement = await db.EngagementEvents.Include(e => e.Registrations).SingleOrDefaultAsync(e => e.Id == eventId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (engagement is null || !engagement.ReminderIsDue(now, EarlyTolerance))
        {
            return;
        }
        var statement = await db.MarketIntentStatements.AsNoTracking().SingleAsync(s => s.Id == engagement.StatementId, ct);
        var attendees = engagement.Registrations.Where(r => r.Status == RegistrationStatus.Confirmed).ToList();
        foreach (var attendee in attendees)
        {
            outbox.Enqueue(attendee.AttendeeEmail, "engagement-reminder", EngagementEmail.Model(tenant, statement, engagement, attendee));
        }
        engagement.ReminderSentForStartsAt = engagement.StartsAt;
        audit.Record("engagement-event.reminder-sent", nameof(EngagementEvent), engagement.Id,
            $"Reminder of {engagement.Title} sent to {attendees.Count} attendee(s)");
        // The row version makes a second job running at the same moment fail here instead of sending twice.
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>What the engagement emails show.</summary>
public static class EngagementEmail
{
    public static object Model(ITenantContext tenant, MarketIntentStatement statement, EngagementEvent engagement, EventRegistration registration) => new
    {
        TenantName = tenant.TenantName,
        StatementTitle = statement.Title,
        EventTitle = engagement.Title,
        When = UkEventTime.Range(engagement.StartsAt, engagement.EndsAt),
        engagement.Venue,
        engagement.OnlineLink,
        registration.AttendeeName,
        registration.ProviderName,
        Waiting = registration.Status == RegistrationStatus.Waiting,
    };
}
