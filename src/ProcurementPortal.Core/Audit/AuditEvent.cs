namespace ProcurementPortal.Core.Audit;

/// <summary>
/// An append-only, hash-chained record of one state change. The database trigger <c>audit_events_chain</c> fills
/// <see cref="Seq"/>, <see cref="OccurredAt"/>, <see cref="PrevHash"/> and <see cref="Hash"/>; there is one chain per
/// tenant and one for platform events (TenantId null).
/// </summary>
public class AuditEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? TenantId { get; set; }
    public long Seq { get; set; }
    public DateTime OccurredAt { get; set; }
    public Guid? ActorUserId { get; set; }
    public string ActorName { get; set; } = "";
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Summary { get; set; }
    public byte[] PrevHash { get; set; } = null!;
    public byte[] Hash { get; set; } = null!;
}
