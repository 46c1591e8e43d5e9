using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Integrations;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Webhooks;

/// <summary>
/// A tenant admin removes a subscription: no new events are queued for it and waiting ones are given up. Its
/// deliveries stay, for the record.
/// </summary>
public sealed class RemoveWebhookSubscription(PortalDbContext db, AuditLog audit)
{
    public async Task<Outcome<WebhookSubscriptionView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null)
        {
            return Outcome<WebhookSubscriptionView>.NotFound();
        }
        if (subscription.RemovedAt is null)
        {
            subscription.RemovedAt = await db.DatabaseNowAsync(ct);
            audit.Record("webhook.removed", nameof(WebhookSubscription), subscription.Id, $"Removed the subscription of {subscription.Url}");
            await db.SaveChangesAsync(ct);
        }
        return Outcome<WebhookSubscriptionView>.Ok(WebhookSubscriptionView.From(subscription));
    }
}
