using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Jobs;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Notices;

public sealed record CancelRegistrationCommand(Guid? ProviderId);

/// <summary>
/// A provider cancels its organisation's registration. A freed place goes to the first on the waiting list; both the
/// one who cancelled and the one who got the place are emailed.
/// </summary>
public sealed class CancelRegistration(
    PortalDbContext db, ProviderSide provider, AuditLog audit, EmailOutbox outbox, ITenantContext tenant, TimeProvider clock)
{
    public async Task<Outcome<RegistrationView>> HandleAsync(Guid statementId, Guid eventId, CancelRegistrationCommand command, CancellationToken ct)
    {
        var (organisation, errors) = await provider.ChooseAsync(command.ProviderId, ct);
        if (!errors.IsEmpty)
        {
            return organisation is null && command.ProviderId is not null ? Outcome<RegistrationView>.NotFound() : errors;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ProviderSide.LockEventAsync(db, eventId, ct);
        var engagement = await ProviderSide.OpenEventAsync(db, statementId, eventId, ct);
        var registration = engagement?.Registrations.SingleOrDefault(r => r.ProviderId == organisation!.Id && r.IsActive);
        if (engagement is null || registration is null)
        {
            return Outcome<RegistrationView>.NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var statement = await db.MarketIntentStatements.AsNoTracking().SingleAsync(s => s.Id == statementId, ct);
        // Rendered before the change: the email says whether it was a place or the waiting list.
        outbox.Enqueue(registration.AttendeeEmail, "engagement-cancelled", EngagementEmail.Model(tenant, statement, engagement, registration));
        var promoted = EngagementEventWaitingList.Cancel(engagement, registration, now);
        foreach (var next in promoted)
        {
            outbox.Enqueue(next.AttendeeEmail, "engagement-promoted", EngagementEmail.Model(tenant, statement, engagement, next));
        }
        audit.Record("engagement-event.cancelled", nameof(EventRegistration), registration.Id,
            $"{registration.ProviderName} cancelled for {engagement.Title}" +
            string.Concat(promoted.Select(p => $"; {p.ProviderName} given the place from the waiting list")));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<RegistrationView>.Ok(new RegistrationView(
            registration.Id, engagement.Id, registration.ProviderId, registration.ProviderName, registration.AttendeeName, registration.Status));
    }
}
