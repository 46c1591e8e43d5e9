using System.Security.Cryptography;
using System.Text;
using ProcurementPortal.Core.Domain;

namespace ProcurementPortal.Core.Integrations;

/// <summary>The events a tenant's systems can subscribe to.</summary>
public static class WebhookEvents
{
    public const string ProcurementPublished = "procurement.published";
    public const string ProcurementClosed = "procurement.closed";
    public const string AwardApproved = "award.approved";
    public const string ContractExpiring = "contract.expiring";

    public static readonly IReadOnlyList<string> All = [ProcurementPublished, ProcurementClosed, AwardApproved, ContractExpiring];
}

/// <summary>A tenant's subscription: where to POST which events, signed with a secret only the two ends know.</summary>
public class WebhookSubscription : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Url { get; set; }
    public List<string> Events { get; set; } = [];

    /// <summary>The signing secret, encrypted with the Data Protection key ring (the sender needs it back to sign).</summary>
    public required string ProtectedSecret { get; set; }

    public DateTime CreatedAt { get; set; }
    public required string CreatedByName { get; set; }

    /// <summary>Set when an admin removes the subscription: no new deliveries, waiting ones are given up.</summary>
    public DateTime? RemovedAt { get; set; }
}

/// <summary>
/// One event for one subscription, written in the transaction of the change it reports (an outbox row) and sent by
/// <see cref="DeliverWebhooks"/>. The body is fixed when written, so every retry sends the same bytes and event id.
/// </summary>
public class WebhookDelivery : ITenantOwned
{
    public const int MaxAttempts = 8;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid SubscriptionId { get; set; }
    public Guid EventId { get; set; }
    public required string EventType { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public DateTime? FailedAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public List<WebhookAttempt> AttemptLog { get; set; } = [];

    /// <summary>
    /// The wait after a failed attempt: 30 seconds doubling each time (30 s, 1, 2, 4, 8, 16, 32 minutes), capped at an
    /// hour, so that the eight attempts span about an hour.
    /// </summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));
}

/// <summary>One POST of a delivery: when, the receiver's status code (none when it could not be reached), how long.</summary>
public class WebhookAttempt : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid DeliveryId { get; set; }
    public int Number { get; set; }
    public DateTime AttemptedAt { get; set; }
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    public int DurationMs { get; set; }
}

/// <summary>
/// <c>X-Portal-Signature: sha256=&lt;hex&gt;</c>: HMAC-SHA256 of <c>{timestamp}.{body}</c> with the subscription's
/// secret. The timestamp (<c>X-Portal-Timestamp</c>, Unix seconds) is signed too, so a receiver can refuse replays.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}
