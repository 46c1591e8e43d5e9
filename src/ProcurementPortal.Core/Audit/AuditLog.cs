using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Core.Audit;

/// <summary>Writes audit events into the caller's unit of work, so the event commits or rolls back with the change.</summary>
public sealed class AuditLog(PortalDbContext db, ITenantContext tenant, IActor actor)
{
    public void Record(string action, string entityType, object? entityId, string? summary = null) =>
        Add(actor.UserId, actor.Name, action, entityType, entityId, summary);

    /// <summary>
    /// An event whose actor must not be named in the tenant's log, e.g. a provider's bid before opening (who bid is
    /// sealed until then); the record that names the person is kept with the bid itself.
    /// </summary>
    public void RecordWithoutActor(string actorDescription, string action, string entityType, object? entityId, string? summary = null) =>
        Add(null, actorDescription, action, entityType, entityId, summary);

    private void Add(Guid? actorUserId, string actorName, string action, string entityType, object? entityId, string? summary) =>
        db.AuditEvents.Add(new AuditEvent
        {
            TenantId = tenant.TenantId,
            ActorUserId = actorUserId,
            ActorName = actorName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId?.ToString(),
            Summary = summary,
        });

    /// <summary>
    /// Walks the current chain (this tenant's, or the platform's when no tenant is set) and reports the first
    /// event whose stored hash, previous-hash link or sequence does not match what the database recomputes.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        var links = db.AuditEvents.AsNoTracking().OrderBy(e => e.Seq).Select(e => new
        {
            e.Id,
            e.Seq,
            e.PrevHash,
            e.Hash,
            Recomputed = PortalDbContext.AuditEventHash(e.TenantId, e.Seq, e.OccurredAt, e.ActorUserId, e.ActorName,
                e.Action, e.EntityType, e.EntityId, e.Summary, e.PrevHash),
        }).AsAsyncEnumerable();

        long checkedCount = 0;
        var expectedPrev = Array.Empty<byte>();
        long expectedSeq = 1;
        await foreach (var link in links.WithCancellation(ct))
        {
            string? problem = null;
            if (link.Seq != expectedSeq)
            {
                problem = $"sequence {link.Seq} found where {expectedSeq} was expected (an event is missing)";
            }
            else if (!link.PrevHash.AsSpan().SequenceEqual(expectedPrev))
            {
                problem = "its link to the previous event does not match that event's hash";
            }
            else if (!link.Hash.AsSpan().SequenceEqual(link.Recomputed))
            {
                problem = "its content does not match its hash (the event was altered)";
            }
            if (problem is not null)
            {
                return new AuditVerification(false, checkedCount, link.Seq, link.Id, problem);
            }
            checkedCount++;
            expectedSeq++;
            expectedPrev = link.Hash;
        }
        return new AuditVerification(true, checkedCount, null, null, null);
    }
}

public sealed record AuditVerification(bool Intact, long EventsChecked, long? FirstBrokenSeq, Guid? FirstBrokenId, string? Problem);
