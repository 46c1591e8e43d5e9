using Hangfire;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Jobs;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.MarketIntent;

/// <summary>
/// An officer changes an event. More places let the waiting list in (and tell them); fewer than those already taken
/// is refused. A new reminder (and registration opening and closing) is scheduled: the ones scheduled before find the
/// event moved and do nothing.
/// </summary>
public sealed class ChangeEvent(
    PortalDbContext db, AuditLog audit, EmailOutbox outbox, ITenantContext tenant, IBackgroundJobClient jobs, TimeProvider clock)
{
    public async Task<Outcome<EngagementEventView>> HandleAsync(Guid statementId, Guid eventId, EngagementEventCommand command, CancellationToken ct)
    {
        var engagement = await db.EngagementEvents.Include(e => e.Registrations)
            .SingleOrDefaultAsync(e => e.Id == eventId && e.StatementId == statementId, ct);
        if (engagement is null)
        {
            return Outcome<EngagementEventView>.NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = command.Validate(now, engagement.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed));
        if (!errors.IsEmpty)
        {
            return errors;
        }
        command.ApplyTo(engagement);
        var promoted = EngagementEventWaitingList.FillPlaces(engagement, now);
        if (promoted.Count > 0)
        {
            var statement = await db.MarketIntentStatements.AsNoTracking().SingleAsync(s => s.Id == statementId, ct);
            foreach (var registration in promoted)
            {
                outbox.Enqueue(registration.AttendeeEmail, "engagement-promoted", EngagementEmail.Model(tenant, statement, engagement, registration));
            }
        }
        audit.Record("engagement-event.changed", nameof(EngagementEvent), engagement.Id,
            $"{engagement.Title}: {UkEventTime.Range(engagement.StartsAt, engagement.EndsAt)}, {engagement.Capacity} places" +
            (promoted.Count > 0 ? $"; {promoted.Count} from the waiting list given a place" : ""));
        await db.SaveChangesAsync(ct);
        EngagementEventReminder.Schedule(jobs, tenant.TenantId!.Value, engagement);
        EngagementRegistrationJobs.Schedule(jobs, tenant.TenantId!.Value, engagement);
        return Outcome<EngagementEventView>.Ok(MarketIntentViews.ToView(engagement));
    }
}
