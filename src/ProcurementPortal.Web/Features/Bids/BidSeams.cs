using ProcurementPortal.Core.Domain.Bids;

namespace ProcurementPortal.Web.Features.Bids;

/// <summary>
/// The attachments of a bid as they are sealed with it (file name, SHA-256 and question), read inside the submission
/// transaction so that a submission seals their hashes in the same canonical JSON (<see cref="BidAttachmentHashes"/>).
/// </summary>
public interface IBidAttachmentHashes
{
    Task<IReadOnlyList<AttachmentHash>> ForBidAsync(Bid bid, CancellationToken ct);
}

/// <summary>
/// Runs inside the submission transaction after the sealed version is written and before it commits (e.g. to store
/// a receipt PDF with it). Throwing aborts the whole submission: nothing of it is kept.
/// </summary>
public interface IBidSubmissionObserver
{
    Task SealedAsync(BidVersion version, CancellationToken ct);
}

public sealed class NoBidSubmissionObserver : IBidSubmissionObserver
{
    public Task SealedAsync(BidVersion version, CancellationToken ct) => Task.CompletedTask;
}
