using ProcurementPortal.Core.Domain.Bids;

namespace ProcurementPortal.Web.Features.Bids;

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
