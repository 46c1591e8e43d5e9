using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Integrations;

namespace ProcurementPortal.Web.Features.Webhooks;

/// <summary>The events a subscription may choose, in the plain words the pages use for them.</summary>
public static class WebhookEventChoices
{
    public static readonly IReadOnlyList<Infrastructure.Choice> All =
    [
        new(WebhookEvents.ProcurementPublished, "A procurement is published"),
        new(WebhookEvents.ProcurementClosed, "Submissions close", "With the number of bids received"),
        new(WebhookEvents.AwardApproved, "An award is approved"),
        new(WebhookEvents.ContractExpiring, "A contract ends within 6, 3 or 1 months"),
    ];

    public static string Describe(string code) => All.FirstOrDefault(c => c.Value == code)?.Label ?? code;
}

/// <summary>A subscription as the admin pages and the API show it: never its secret.</summary>
public sealed record WebhookSubscriptionView(Guid Id, string Url, IReadOnlyList<string> Events, DateTime CreatedAt, string CreatedByName, DateTime? RemovedAt)
{
    public static WebhookSubscriptionView From(WebhookSubscription s) => new(s.Id, s.Url, s.Events, s.CreatedAt, s.CreatedByName, s.RemovedAt);
}

public sealed record WebhookAttemptView(int Number, DateTime AttemptedAt, int? StatusCode, string? Error, int DurationMs);

public sealed record WebhookDeliveryView(
    Guid Id, Guid EventId, string EventType, DateTime CreatedAt, string Status, int Attempts, DateTime? NextAttemptAt,
    DateTime? DeliveredAt, IReadOnlyList<WebhookAttemptView> AttemptLog)
{
    public static WebhookDeliveryView From(WebhookDelivery d) => new(
        d.Id, d.EventId, d.EventType, d.CreatedAt,
        d.DeliveredAt is not null ? "Delivered" : d.FailedAt is not null ? "Failed" : d.Attempts == 0 ? "Waiting" : "Retrying",
        d.Attempts, d.DeliveredAt is null && d.FailedAt is null ? d.NextAttemptAt : null, d.DeliveredAt,
        d.AttemptLog.OrderBy(a => a.Number).Select(a => new WebhookAttemptView(a.Number, a.AttemptedAt, a.StatusCode, a.Error, a.DurationMs)).ToList());
}

public sealed record WebhookSubscriptionPage(WebhookSubscriptionView Subscription, IReadOnlyList<WebhookDeliveryView> Deliveries);

/// <summary>The tenant's subscriptions, and one subscription with its latest deliveries and their attempts.</summary>
public sealed class WebhookQueries(PortalDbContext db)
{
    public const int RecentDeliveries = 50;

    public async Task<List<WebhookSubscriptionView>> ListAsync(CancellationToken ct) =>
        (await db.WebhookSubscriptions.AsNoTracking().OrderByDescending(s => s.CreatedAt).ToListAsync(ct))
            .Select(WebhookSubscriptionView.From).ToList();

    public async Task<WebhookSubscriptionPage?> FindAsync(Guid id, CancellationToken ct)
    {
        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null)
        {
            return null;
        }
        var deliveries = await db.WebhookDeliveries.AsNoTracking().Include(d => d.AttemptLog)
            .Where(d => d.SubscriptionId == id)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Take(RecentDeliveries)
            .AsSplitQuery()
            .ToListAsync(ct);
        return new WebhookSubscriptionPage(WebhookSubscriptionView.From(subscription), deliveries.Select(WebhookDeliveryView.From).ToList());
    }
}
