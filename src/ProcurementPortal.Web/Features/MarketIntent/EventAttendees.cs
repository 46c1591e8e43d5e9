using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.MarketIntent;

public sealed record AttendeeView(
    Guid RegistrationId, string ProviderName, string AttendeeName, string AttendeeEmail, RegistrationStatus Status, DateTimeOffset RegisteredAt);

public sealed record AttendeeList(Guid StatementId, string StatementTitle, EngagementEventView Event, IReadOnlyList<AttendeeView> Attendees);

/// <summary>An officer's list of who registered for an event: places first, then the waiting list in its order, then cancellations.</summary>
public sealed class EventAttendees(PortalDbContext db)
{
    public async Task<AttendeeList?> FindAsync(Guid statementId, Guid eventId, CancellationToken ct)
    {
        var engagement = await db.EngagementEvents.AsNoTracking().Include(e => e.Registrations)
            .SingleOrDefaultAsync(e => e.Id == eventId && e.StatementId == statementId, ct);
        if (engagement is null)
        {
            return null;
        }
        var title = await db.MarketIntentStatements.Where(s => s.Id == statementId).Select(s => s.Title).SingleAsync(ct);
        var attendees = engagement.Registrations
            .OrderBy(r => r.Status).ThenBy(r => r.RegisteredAt).ThenBy(r => r.Id)
            .Select(r => new AttendeeView(r.Id, r.ProviderName, r.AttendeeName, r.AttendeeEmail, r.Status, UkEventTime.ToUkOffset(r.RegisteredAt)))
            .ToList();
        return new AttendeeList(statementId, title, MarketIntentViews.ToView(engagement), attendees);
    }

    public static byte[] ToCsv(AttendeeList list) => CsvFile.Write(
        ["Provider", "Attendee", "Email", "Status", "Registered (UK time)"],
        list.Attendees.Select(a => new[]
        {
            a.ProviderName, a.AttendeeName, a.AttendeeEmail, StatusText(a.Status),
            a.RegisteredAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        }));

    public static string StatusText(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Confirmed => "Place confirmed",
        RegistrationStatus.Waiting => "Waiting list",
        _ => "Cancelled",
    };
}
