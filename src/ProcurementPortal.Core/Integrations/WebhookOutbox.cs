using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Core.Integrations;

/// <summary>
/// Queues an event for each of the tenant's subscriptions to it, in the caller's unit of work: it is sent only if that
/// unit commits. One event id for all subscriptions, so receivers can tell a repeat from a new event.
/// </summary>
public sealed class WebhookOutbox(PortalDbContext db, ITenantContext tenant, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task EnqueueAsync(string type, object data, CancellationToken ct)
    {
        var subscriptions = await db.WebhookSubscriptions
            .Where(s => s.RemovedAt == null && s.Events.Contains(type))
            .Select(s => s.Id)
            .ToListAsync(ct);
        if (subscriptions.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var eventId = Guid.CreateVersion7();
        var body = JsonSerializer.Serialize(new { id = eventId, type, occurredAt = now, tenant = tenant.Slug, data }, Json);
        foreach (var subscription in subscriptions)
        {
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                SubscriptionId = subscription,
                EventId = eventId,
                EventType = type,
                Body = body,
                CreatedAt = now.UtcDateTime,
                NextAttemptAt = now.UtcDateTime,
            });
        }
    }
}
