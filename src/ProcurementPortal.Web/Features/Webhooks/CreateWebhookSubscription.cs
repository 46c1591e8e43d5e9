using Microsoft.AspNetCore.DataProtection;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Integrations;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Webhooks;

public sealed record CreateWebhookSubscriptionCommand(string? Url, List<string>? Events)
{
    /// <summary>
    /// An https address; plain http only to this machine, and only in Development and tests (a local receiver).
    /// </summary>
    public Errors Validate(bool allowLocalHttp)
    {
        var errors = new Errors();
        if (!Uri.TryCreate(Url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return errors.Add(nameof(Url), "Enter the receiver's address, like https://example.org/portal-events")
                .Require((Events ?? []).Count > 0, nameof(Events), "Choose at least one event");
        }
        return errors
            .Require(uri.Scheme == Uri.UriSchemeHttps || (allowLocalHttp && uri.IsLoopback), nameof(Url), "The address must start with https://")
            .Require(uri.UserInfo.Length == 0, nameof(Url), "The address must not contain a user name or password")
            .Require(Url!.Trim().Length <= 2000, nameof(Url), "The address must be 2000 characters or fewer")
            .Require((Events ?? []).Count > 0, nameof(Events), "Choose at least one event")
            .Require((Events ?? []).All(WebhookEvents.All.Contains), nameof(Events), $"Choose events from: {string.Join(", ", WebhookEvents.All)}");
    }
}

/// <summary>The subscription and its signing secret, which is shown this once and never again.</summary>
public sealed record CreatedWebhookSubscription(WebhookSubscriptionView Subscription, string Secret);

/// <summary>A tenant admin subscribes a receiver to some of the tenant's events; the secret is kept encrypted, for signing.</summary>
public sealed class CreateWebhookSubscription(
    PortalDbContext db, AuditLog audit, IActor actor, IDataProtectionProvider protection, IHostEnvironment environment)
{
    public async Task<Outcome<CreatedWebhookSubscription>> HandleAsync(CreateWebhookSubscriptionCommand command, CancellationToken ct)
    {
        var errors = command.Validate(allowLocalHttp: environment.IsDevelopment() || environment.IsEnvironment("Testing"));
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var secret = WebhookSignature.NewSecret();
        var subscription = new WebhookSubscription
        {
            Url = command.Url!.Trim(),
            Events = WebhookEvents.All.Where(command.Events!.Contains).ToList(),
            ProtectedSecret = protection.CreateProtector(DeliverWebhooks.ProtectorPurpose).Protect(secret),
            CreatedAt = await db.DatabaseNowAsync(ct),
            CreatedByName = actor.Name,
        };
        db.WebhookSubscriptions.Add(subscription);
        audit.Record("webhook.subscribed", nameof(WebhookSubscription), subscription.Id,
            $"Subscribed {subscription.Url} to {string.Join(", ", subscription.Events)}");
        await db.SaveChangesAsync(ct);
        return Outcome<CreatedWebhookSubscription>.Ok(new CreatedWebhookSubscription(WebhookSubscriptionView.From(subscription), secret));
    }
}
