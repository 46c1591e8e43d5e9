using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Jobs;

namespace ProcurementPortal.Core.Integrations;

/// <summary>
/// The recurring job that POSTs queued webhook events, each tenant in a unit of work of its own. A batch is claimed
/// with FOR UPDATE SKIP LOCKED, so two runs (or two nodes) never send the same row; a delivery is marked delivered in
/// the transaction that held its lock, so a delivered event is never sent again. A failure (a status outside 2xx, no
/// answer, or no answer within the timeout) is retried after <see cref="WebhookDelivery.Backoff"/>, up to
/// <see cref="WebhookDelivery.MaxAttempts"/> attempts; every attempt is recorded.
/// </summary>
public sealed class DeliverWebhooks(IServiceScopeFactory scopes, PortalDbContext db)
{
    public const string RecurringJobId = "deliver-webhooks";
    public const string HttpClientName = "webhooks";
    public const string ProtectorPurpose = "ProcurementPortal.Webhooks.Secret.v1";

    public Task RunAsync(CancellationToken ct) =>
        EveryTenant.RunAsync<TenantDeliveries>(scopes, db, (job, tenantId) => job.RunAsync(tenantId, ct), ct);

    public sealed class TenantDeliveries(
        PortalDbContext db, TenantJobScope scope, IHttpClientFactory http, IDataProtectionProvider protection,
        TimeProvider clock, ILogger<TenantDeliveries> log)
    {
        public const int BatchSize = 20;

        /// <summary>Sends what is due for the tenant; returns how many were delivered.</summary>
        public async Task<int> RunAsync(Guid tenantId, CancellationToken ct)
        {
            await scope.EnterAsync(tenantId, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var batch = await db.WebhookDeliveries
                .FromSql($"""
                    select * from webhook_deliveries
                    where delivered_at is null and failed_at is null and next_attempt_at <= now()
                    order by next_attempt_at, id
                    limit {BatchSize}
                    for update skip locked
                    """)
                .ToListAsync(ct);
            var subscriptionIds = batch.Select(d => d.SubscriptionId).Distinct().ToList();
            var subscriptions = await db.WebhookSubscriptions.Where(s => subscriptionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
            var protector = protection.CreateProtector(ProtectorPurpose);
            var delivered = 0;
            foreach (var delivery in batch)
            {
                var subscription = subscriptions[delivery.SubscriptionId];
                if (subscription.RemovedAt is not null)
                {
                    delivery.FailedAt = clock.GetUtcNow().UtcDateTime;
                    delivery.LastError = "The subscription was removed";
                    continue;
                }
                if (await SendAsync(delivery, subscription.Url, protector.Unprotect(subscription.ProtectedSecret), ct))
                {
                    delivered++;
                }
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return delivered;
        }

        private async Task<bool> SendAsync(WebhookDelivery delivery, string url, string secret, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Portal-Event-Id", delivery.EventId.ToString());
            request.Headers.Add("X-Portal-Event-Type", delivery.EventType);
            request.Headers.Add("X-Portal-Timestamp", timestamp);
            request.Headers.Add("X-Portal-Signature", WebhookSignature.Sign(secret, timestamp, delivery.Body));
            var started = Stopwatch.GetTimestamp();
            int? status = null;
            string? error = null;
            try
            {
                using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
                status = (int)response.StatusCode;
                if (!response.IsSuccessStatusCode)
                {
                    error = $"The receiver answered {status} {response.ReasonPhrase}";
                }
            }
            catch (HttpRequestException ex)
            {
                error = ex.Message;
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                error = "The receiver did not answer in time";
            }
            error = error is { Length: > 1000 } ? error[..1000] : error;
            delivery.Attempts++;
            delivery.LastStatusCode = status;
            delivery.LastError = error;
            // Added to the set, not the navigation: a new row with its key already set would be taken for an update.
            db.WebhookAttempts.Add(new WebhookAttempt
            {
                DeliveryId = delivery.Id,
                Number = delivery.Attempts,
                AttemptedAt = now.UtcDateTime,
                StatusCode = status,
                Error = error,
                DurationMs = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            });
            if (error is null)
            {
                delivery.DeliveredAt = now.UtcDateTime;
                return true;
            }
            if (delivery.Attempts >= WebhookDelivery.MaxAttempts)
            {
                delivery.FailedAt = now.UtcDateTime;
                log.LogError("Webhook {EventType} {EventId} to {Url} failed for good after {Attempts} attempts: {Error}",
                    delivery.EventType, delivery.EventId, url, delivery.Attempts, error);
            }
            else
            {
                delivery.NextAttemptAt = now.UtcDateTime + WebhookDelivery.Backoff(delivery.Attempts);
                log.LogWarning("Webhook {EventType} {EventId} to {Url} deferred (attempt {Attempt}): {Error}",
                    delivery.EventType, delivery.EventId, url, delivery.Attempts, error);
            }
            return false;
        }
    }
}

public static class WebhookServices
{
    /// <summary>The outbox, the delivery job and its HTTP client: no redirects followed, a timeout from <c>Webhooks:Timeout</c>.</summary>
    public static IServiceCollection AddPortalWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<WebhookOutbox>();
        services.AddScoped<DeliverWebhooks>();
        services.AddScoped<DeliverWebhooks.TenantDeliveries>();
        services.AddHttpClient(DeliverWebhooks.HttpClientName, c =>
            {
                c.Timeout = configuration.GetValue("Webhooks:Timeout", TimeSpan.FromSeconds(10));
                c.DefaultRequestHeaders.UserAgent.ParseAdd("ProcurementPortal-Webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        return services;
    }
}
