using System.Text.Json.Serialization;
using ProcurementPortal.Core.Domain.Award;

namespace ProcurementPortal.Core.Domain.Framework;

[JsonConverter(typeof(JsonStringEnumConverter<SchemeKind>))]
public enum SchemeKind
{
    /// <summary>Procurement Act 2023 s.49: successive frameworks on substantially the same terms, reopened on a schedule.</summary>
    OpenFramework = 1,
    /// <summary>Procurement Act 2023 s.34–40: providers join at any time by meeting the published conditions of membership.</summary>
    DynamicMarket,
}

/// <summary>
/// An awarded framework procurement turned into a scheme: an open framework with its planned reopenings, or a dynamic
/// market with its conditions of membership. New members join the first procurement's framework agreements (ADR 028).
/// </summary>
public class FrameworkScheme : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    /// <summary>The first procurement of the scheme, whose framework agreements hold the members.</summary>
    public Guid ProcurementId { get; set; }
    public SchemeKind Kind { get; set; }
    /// <summary>The day the first framework was awarded (its agreements' start).</summary>
    public DateOnly FirstAwardOn { get; set; }
    public DateOnly EndsOn { get; set; }
    /// <summary>The planned reopenings (open framework only), in order.</summary>
    public List<DateOnly> Reopenings { get; set; } = [];
    /// <summary>What a provider must meet to join (dynamic market only), published to providers.</summary>
    public string? ConditionsOfMembership { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedByName { get; set; }
}

/// <summary>A re-admission round: a procurement of the scheme that copies the first one's lots, bands and evaluation model.</summary>
public class SchemeRound : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid SchemeId { get; set; }
    public Guid ProcurementId { get; set; }
    public int Number { get; set; }
    public DateTime StartedAt { get; set; }
    public required string StartedByName { get; set; }
}

/// <summary>A warning the reopening job has sent, one per scheme, kind and date: a second run finds it and sends nothing.</summary>
public class SchemeWarning : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid SchemeId { get; set; }
    public SchemeDueKind Kind { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime SentAt { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<MarketApplicationStatus>))]
public enum MarketApplicationStatus
{
    Pending = 1,
    Admitted,
    Refused,
}

/// <summary>The lots a provider applies for, each with its rate per band (no higher than the band's ceiling).</summary>
public sealed record AppliedLot(Guid LotId, string LotName, List<AgreedRate> Rates);

/// <summary>
/// A provider's application to join a dynamic market for chosen lots. Provider-owned (ADR 015's locks): one provider
/// never reads another's, and no officer writes it; the officer's decision is a <see cref="MarketDecision"/>.
/// </summary>
public class MarketApplication : ITenantOwned, IProviderOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProviderId { get; set; }
    public required string ProviderName { get; set; }
    public Guid SchemeId { get; set; }
    public List<AppliedLot> Lots { get; set; } = [];
    /// <summary>How the provider says it meets the conditions of membership.</summary>
    public required string Statement { get; set; }
    public DateTime AppliedAt { get; set; }
    public required string AppliedByName { get; set; }
}

/// <summary>
/// The officer's decision on a dynamic market application, with its reasons: one per application, tenant-owned (the
/// provider reads the decision on its own application, as it reads the letters addressed to it).
/// </summary>
public class MarketDecision : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid SchemeId { get; set; }
    public Guid ApplicationId { get; set; }
    public Guid ProviderId { get; set; }
    /// <summary>Admitted or Refused.</summary>
    public MarketApplicationStatus Status { get; set; }
    public required string Reasons { get; set; }
    public DateTime DecidedAt { get; set; }
    public required string DecidedByName { get; set; }
}
