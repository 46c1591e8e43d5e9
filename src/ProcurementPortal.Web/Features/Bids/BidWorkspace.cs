using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Notices;
using ProcurementPortal.Web.Features.Procurements;

namespace ProcurementPortal.Web.Features.Bids;

/// <summary>A provider's view of one tender: the procurement (whole), the provider acting, and its bid if started.</summary>
public sealed record BidScope(Procurement Procurement, ProviderChoice Provider, Bid? Bid, BidContent Content, IReadOnlyList<BidAttachment> Attachments)
{
    public bool IsOpen => Procurement.State == ProcurementState.TenderOpen;

    /// <summary>The question of each attachment (null: supporting documents), as the bid's rules read them.</summary>
    public IReadOnlyCollection<Guid?> AttachedTo => Attachments.Select(a => a.QuestionId).ToList();
}

/// <summary>
/// Opens the unit of work of a provider's bid: chooses the provider organisation the person acts for (their
/// membership decides, <see cref="ProviderSide"/>), sets it as the scope's provider (the provider locks then hide every
/// other provider's bid), and loads the published tender and this provider's bid. Anything else is not found.
/// </summary>
public sealed class BidWorkspace(PortalDbContext db, ProviderSide providers, ProviderContext providerContext, BidProtector protector, PublishedTenders tenders)
{
    /// <summary>States in which providers can see a tender (stored as text, so listed rather than compared).</summary>
    private static readonly ProcurementState[] Published = Enum.GetValues<ProcurementState>()
        .Where(s => s >= ProcurementState.TenderOpen && s != ProcurementState.Cancelled).ToArray();

    /// <param name="withAttachments">
    /// False when the caller reads the bid's attachments itself (a submission reads them again under the bid's lock, so
    /// the scope's list would be one read too many): the scope's attachments are then empty.
    /// </param>
    public async Task<BidScope?> OpenAsync(Guid procurementId, Guid? providerId, CancellationToken ct, bool withAttachments = true)
    {
        var (provider, _) = await providers.ChooseAsync(providerId, ct);
        if (provider is null)
        {
            return null;
        }
        providerContext.Set(provider.Id);
        // From here the unit of work keeps one connection (opened now, with the tenant and this provider set on it, and
        // given back when the request's scope ends) instead of taking one from the pool for each of the tender's reads,
        // the bid's and the transaction that follows (ADR 030). The request has already read the key ring (its sign-in
        // was unprotected with it), so nothing it does while holding this connection waits for a second one.
        await db.Database.OpenConnectionAsync(ct);
        // The tender is read, never changed, by a provider's use cases: not tracked, so saving does not compare it; its
        // frozen parts (lots, bands, questions) come from memory once read (PublishedTenders).
        var procurement = await tenders.ReadAsync(db, procurementId, ct);
        if (procurement is null || !Published.Contains(procurement.State))
        {
            return null;
        }
        var bid = await BidFor(db, procurementId, ct);
        return bid is null
            ? new BidScope(procurement, provider, null, new BidContent(), [])
            : new BidScope(procurement, provider, bid, protector.UnprotectDraft(procurementId, bid.DraftContent),
                withAttachments ? await AttachmentsAsync(bid.Id, ct) : []);
    }

    /// <summary>The attachments the draft has now (not removed), in the order they were uploaded.</summary>
    public Task<List<BidAttachment>> AttachmentsAsync(Guid bidId, CancellationToken ct) => AttachmentsOf(db, bidId).ToListAsync(ct).AsTask();

    // Compiled once: every bid request sends them. The provider's query filter still applies (it reads the context).
    private static readonly Func<PortalDbContext, Guid, CancellationToken, Task<Bid?>> BidFor =
        EF.CompileAsyncQuery((PortalDbContext db, Guid procurementId, CancellationToken ct) => db.Bids.SingleOrDefault(b => b.ProcurementId == procurementId));

    private static readonly Func<PortalDbContext, Guid, IAsyncEnumerable<BidAttachment>> AttachmentsOf =
        EF.CompileAsyncQuery((PortalDbContext db, Guid bidId) =>
            db.BidAttachments.AsNoTracking().Where(a => a.BidId == bidId && a.RemovedAt == null).OrderBy(a => a.UploadedAt).ThenBy(a => a.Id).AsQueryable());

    /// <summary>
    /// The provider organisations to choose between when the person acts for several and the request named none;
    /// empty when there is nothing to choose (one organisation, or one named).
    /// </summary>
    public async Task<IReadOnlyList<ProviderChoice>> ChoiceNeededAsync(Guid? providerId, CancellationToken ct)
    {
        if (providerId is not null)
        {
            return [];
        }
        var mine = await providers.OrganisationsAsync(ct);
        return mine.Count > 1 ? mine : [];
    }

    /// <summary>The provider's sealed versions of this bid, newest first (content stays encrypted).</summary>
    public Task<List<BidVersion>> VersionsAsync(Guid bidId, CancellationToken ct) =>
        db.BidVersions.AsNoTracking().Where(v => v.BidId == bidId).OrderByDescending(v => v.Number).ToListAsync(ct);
}
