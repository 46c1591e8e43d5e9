using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Bids;

public sealed record StartedBid(BidView Bid, bool Created);

/// <summary>
/// Starts the provider organisation's bid for an open tender, or returns the one it has: one bid per provider
/// organisation per procurement, shared by all its people.
/// </summary>
public sealed class StartBid(PortalDbContext db, BidWorkspace workspace, BidProtector protector, AuditLog audit, IActor actor)
{
    /// <summary>Who the tenant's audit log names for a provider's bid actions: who bids is sealed until opening.</summary>
    public const string SealedActor = "A provider (sealed until opening)";

    public async Task<Outcome<StartedBid>> HandleAsync(Guid procurementId, Guid? providerId, CancellationToken ct)
    {
        var scope = await workspace.OpenAsync(procurementId, providerId, ct);
        if (scope is null)
        {
            return Outcome<StartedBid>.NotFound();
        }
        if (scope.Bid is not null)
        {
            return Outcome<StartedBid>.Ok(new StartedBid(BidViews.From(scope, await workspace.VersionsAsync(scope.Bid.Id, ct)), false));
        }
        if (!scope.IsOpen)
        {
            return new Errors().Add("Bid", "Bids can be started only while the tender is open");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockForTransactionAsync($"bid-start:{procurementId}:{scope.Provider.Id}", ct);
        var again = await workspace.OpenAsync(procurementId, scope.Provider.Id, ct);
        if (again?.Bid is not null)
        {
            return Outcome<StartedBid>.Ok(new StartedBid(BidViews.From(again, []), false));
        }
        var now = await db.DatabaseNowAsync(ct);
        var bid = new Bid
        {
            ProcurementId = procurementId,
            DraftContent = protector.ProtectDraft(procurementId, new BidContent()),
            CreatedAt = now,
            DraftSavedAt = now,
            DraftSavedByUserId = actor.UserId!.Value,
        };
        db.Bids.Add(bid);
        audit.RecordWithoutActor(SealedActor, "bid.started", nameof(Bid), bid.Id, scope.Procurement.Reference);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<StartedBid>.Ok(new StartedBid(BidViews.From(scope with { Bid = bid, Attachments = [] }, []), true));
    }
}
