namespace ProcurementPortal.Core.Domain.Bids;

public enum BidStatus
{
    /// <summary>Being written; never submitted, or submitted versions all withdrawn is <see cref="Withdrawn"/>.</summary>
    Draft = 1,
    /// <summary>The latest sealed version counts.</summary>
    Submitted,
    /// <summary>Withdrawn before the deadline: no version counts; the versions and the draft are kept.</summary>
    Withdrawn,
}

/// <summary>
/// One provider organisation's bid for one procurement: the working draft (encrypted, see <see cref="DraftContent"/>)
/// and the sealed versions submitted from it. Owned by the commissioner's tenant and by the provider.
/// </summary>
public class Bid : ITenantOwned, IProviderOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProviderId { get; set; }
    public Guid ProcurementId { get; set; }
    public BidStatus Status { get; set; } = BidStatus.Draft;

    /// <summary>The draft's <see cref="BidContent"/> as JSON, encrypted with the procurement's protector: never plain text.</summary>
    public byte[] DraftContent { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime DraftSavedAt { get; set; }
    public Guid DraftSavedByUserId { get; set; }

    /// <summary>The sealed version that counts: the latest submitted, or none when withdrawn or never submitted.</summary>
    public Guid? CurrentVersionId { get; set; }
    public DateTime? WithdrawnAt { get; set; }

    /// <summary>PostgreSQL xmin: detects two people of the provider saving the same draft (last write would be lost).</summary>
    public uint RowVersion { get; set; }
}

/// <summary>
/// One sealed submission of a bid: the canonical content (encrypted) and its SHA-256, with the receipt issued for it.
/// Never changed after it is written (withdrawal marks the bid, not the version); earlier versions stay for audit.
/// </summary>
public class BidVersion : ITenantOwned, IProviderOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProviderId { get; set; }
    public Guid BidId { get; set; }
    public Guid ProcurementId { get; set; }
    /// <summary>1 for the first submission of the bid, 2 for its first replacement ...</summary>
    public int Number { get; set; }
    /// <summary>The procurement reference and eight random characters, e.g. LCC-2026-0007-R7KQ2M9XA (never a count of bids).</summary>
    public required string ReceiptNumber { get; set; }
    /// <summary>The database clock when the submission was accepted (inside the sealing transaction).</summary>
    public DateTime ReceivedAt { get; set; }
    public Guid SubmittedByUserId { get; set; }
    /// <summary>The canonical JSON of <see cref="SealedBid"/>, encrypted with the procurement's protector.</summary>
    public byte[] SealedContent { get; set; } = [];
    /// <summary>SHA-256 of the canonical JSON (before encryption), lower-case hex: the receipt's hash.</summary>
    public required string ContentHash { get; set; }
    /// <summary>The submitter's idempotency key: a retry with the same key returns this receipt.</summary>
    public required string IdempotencyKey { get; set; }
}

/// <summary>The last receipt number issued in a procurement; its row is the per-procurement sequence.</summary>
public class BidReceiptCounter : ITenantOwned
{
    public Guid ProcurementId { get; set; }
    public Guid TenantId { get; set; }
    public int LastNumber { get; set; }
}
