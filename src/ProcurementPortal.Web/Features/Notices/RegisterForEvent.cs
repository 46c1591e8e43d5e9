using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Jobs;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.MarketIntent;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Notices;

public sealed record RegisterForEventCommand(Guid? ProviderId, string? AttendeeName);

public sealed record RegistrationView(Guid Id, Guid EventId, Guid ProviderId, string ProviderName, string AttendeeName, RegistrationStatus Status);

/// <summary>
/// A provider registers its organisation for an engagement event of a published statement: a place while there is
/// one, else the waiting list. One live registration per organisation per event. Emailed either way.
/// </summary>
public sealed class RegisterForEvent(
    PortalDbContext db, ProviderSide provider, AuditLog audit, EmailOutbox outbox, ITenantContext tenant, TimeProvider clock)
{
    public async Task<Outcome<RegistrationView>> HandleAsync(Guid statementId, Guid eventId, RegisterForEventCommand command, CancellationToken ct)
    {
        var (organisation, errors) = await provider.ChooseAsync(command.ProviderId, ct);
        errors.LimitText(command.AttendeeName, nameof(command.AttendeeName), "the name of the person coming");
        if (!errors.IsEmpty)
        {
            return errors;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ProviderSide.LockEventAsync(db, eventId, ct);
        var engagement = await ProviderSide.OpenEventAsync(db, statementId, eventId, ct);
        if (engagement is null)
        {
            return Outcome<RegistrationView>.NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (MarketIntentViews.ToView(engagement, now).RegistrationClosedReason is { } closed)
        {
            return new Errors().Add("EventId", closed);
        }
        if (engagement.Registrations.Any(r => r.ProviderId == organisation!.Id && r.IsActive))
        {
            return new Errors().Add(nameof(command.ProviderId), $"{organisation!.Name} is already registered for this event");
        }
        var (userId, email, name) = await provider.PersonAsync(ct);
        var registration = new EventRegistration
        {
            EventId = engagement.Id,
            ProviderId = organisation!.Id,
            ProviderName = organisation.Name,
            RegisteredByUserId = userId,
            AttendeeName = FieldRules.Clean(command.AttendeeName) ?? name,
            AttendeeEmail = email,
            Status = EngagementEventWaitingList.StatusForNew(engagement),
            RegisteredAt = now,
        };
        // Added through its set (the key is already set, so found through the event it would be taken for an existing row).
        db.EventRegistrations.Add(registration);
        var statement = await db.MarketIntentStatements.AsNoTracking().SingleAsync(s => s.Id == statementId, ct);
        outbox.Enqueue(email, "engagement-registered", EngagementEmail.Model(tenant, statement, engagement, registration));
        audit.Record("engagement-event.registered", nameof(EventRegistration), registration.Id,
            $"{registration.ProviderName} for {engagement.Title}: {(registration.Status == RegistrationStatus.Confirmed ? "place confirmed" : "waiting list")}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<RegistrationView>.Ok(new RegistrationView(
            registration.Id, engagement.Id, registration.ProviderId, registration.ProviderName, registration.AttendeeName, registration.Status));
    }
}
