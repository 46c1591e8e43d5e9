using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Core.Domain.Evaluation;

/// <summary>A bid as the evaluation reads it, from its current sealed version after the opening.</summary>
public sealed record OpenedBid(
    Guid BidId,
    Guid ProviderId,
    string ProviderName,
    string ReceiptNumber,
    DateTime ReceivedAt,
    IReadOnlyCollection<Guid> LotIds,
    IReadOnlyDictionary<Guid, string> Answers,
    IReadOnlyDictionary<Guid, decimal> Rates,
    BidDeclarations Declarations);

/// <summary>
/// The only officer-side reader of bid content (ADR 015): it decrypts the current sealed version of each submitted bid,
/// and only once the procurement has been opened by two officers. Before that it refuses, so no route built on it can
/// show a bid early.
/// </summary>
public sealed class OpenedBids(PortalDbContext db, BidProtector protector)
{
    public static bool IsOpen(Procurement procurement) =>
        procurement.State >= ProcurementState.Opened && procurement.State != ProcurementState.Cancelled;

    public async Task<IReadOnlyList<OpenedBid>> LoadAsync(Procurement procurement, CancellationToken ct)
    {
        if (!IsOpen(procurement))
        {
            throw new InvalidOperationException($"Procurement {procurement.Reference} has not been opened; its bids stay sealed.");
        }
        var rows = await db.Bids.AsNoTracking()
            .Where(b => b.ProcurementId == procurement.Id && b.Status == BidStatus.Submitted && b.CurrentVersionId != null)
            .Join(db.BidVersions.AsNoTracking(), b => b.CurrentVersionId, v => v.Id, (b, v) => new { b.Id, b.ProviderId, v.ReceiptNumber, v.ReceivedAt, v.SealedContent })
            .Join(db.Organisations.AsNoTracking(), x => x.ProviderId, o => o.Id, (x, o) => new { x.Id, x.ProviderId, x.ReceiptNumber, x.ReceivedAt, x.SealedContent, o.Name })
            .OrderBy(x => x.Id)
            .ToListAsync(ct);
        return rows.Select(r => Read(r.Id, r.ProviderId, r.Name, r.ReceiptNumber, r.ReceivedAt,
            protector.Unprotect(procurement.Id, r.SealedContent))).ToList();
    }

    /// <summary>Reads the canonical JSON of <see cref="SealedBid"/>.</summary>
    public static OpenedBid Read(Guid bidId, Guid providerId, string providerName, string receipt, DateTime receivedAt, byte[] canonical)
    {
        using var json = JsonDocument.Parse(canonical);
        var root = json.RootElement;
        var answers = root.GetProperty("answers").EnumerateArray()
            .ToDictionary(a => a.GetProperty("questionId").GetGuid(), a => a.GetProperty("text").GetString() ?? "");
        var rates = root.GetProperty("prices").EnumerateArray()
            .ToDictionary(p => p.GetProperty("bandId").GetGuid(), p => decimal.Parse(p.GetProperty("rate").GetString()!, CultureInfo.InvariantCulture));
        var lots = root.GetProperty("lots").EnumerateArray().Select(l => l.GetGuid()).ToList();
        var d = root.GetProperty("declarations");
        var declarations = new BidDeclarations
        {
            CqcRegistrationNumber = d.GetProperty("cqcRegistrationNumber").GetString(),
            ConflictsOfInterest = d.GetProperty("conflictsOfInterest").GetString(),
            EmployersLiabilityCover = Money(d.GetProperty("employersLiabilityCover").GetString()),
            PublicLiabilityCover = Money(d.GetProperty("publicLiabilityCover").GetString()),
        };
        return new OpenedBid(bidId, providerId, providerName, receipt, receivedAt, lots, answers, rates, declarations);
    }

    private static decimal? Money(string? text) =>
        string.IsNullOrEmpty(text) ? null : decimal.Parse(text, CultureInfo.InvariantCulture);
}
