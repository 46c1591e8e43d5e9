using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Web.Features.Procurements;

/// <summary>
/// A published tender as providers read it, with its frozen parts kept in memory. From publication on
/// (<see cref="Procurement.IsFrozen"/>) a tender's lots, fee bands, sections and questions never change (they change by
/// addendum only in the deadlines, which are on the procurement's own row), so they are read from the database once per
/// process and tender and shared by every provider's request after that; the procurement's own row (state, deadlines,
/// title) is read fresh on every call, through the tenant filter and row-level security, before anything is taken from
/// memory, so a tender the caller may not see is never answered from it. A tender that is not yet frozen is read whole
/// every time and never kept (ADR 030).
/// </summary>
public sealed class PublishedTenders : IDisposable
{
    /// <summary>Tenders kept at most (each a few dozen small objects); the least recently used go first.</summary>
    public const int Capacity = 2_000;

    private readonly MemoryCache frozen = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The procurement's own row (compiled once: every provider's bid request sends it).</summary>
    private static readonly Func<PortalDbContext, Guid, CancellationToken, Task<Procurement?>> OwnRow =
        EF.CompileAsyncQuery((PortalDbContext db, Guid id, CancellationToken ct) => db.Procurements.AsNoTracking().SingleOrDefault(p => p.Id == id));

    private sealed record FrozenParts(IReadOnlyList<Lot> Lots, IReadOnlyList<EvaluationSection> Sections);

    /// <summary>The tender with its lots (bands by code) and sections (questions by number), in number order; null if not visible.</summary>
    public async Task<Procurement?> ReadAsync(PortalDbContext db, Guid id, CancellationToken ct)
    {
        var procurement = await OwnRow(db, id, ct);
        if (procurement is null || !procurement.IsFrozen)
        {
            return procurement is null ? null : await db.ReadWholeAsync(id, ct);
        }
        if (!frozen.TryGetValue(id, out FrozenParts? parts) || parts is null)
        {
            parts = new FrozenParts(
                await db.Lots.AsNoTracking().Where(l => l.ProcurementId == id).OrderBy(l => l.Number)
                    .Include(l => l.Bands.OrderBy(b => b.Code)).AsSplitQuery().ToListAsync(ct),
                await db.EvaluationSections.AsNoTracking().Where(s => s.ProcurementId == id).OrderBy(s => s.Number)
                    .Include(s => s.Questions.OrderBy(q => q.Number)).AsSplitQuery().ToListAsync(ct));
            frozen.Set(id, parts, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        }
        // Lists of the request's own (the shared lots and sections inside are read, never changed, by providers' use cases).
        procurement.Lots = [.. parts.Lots];
        procurement.Sections = [.. parts.Sections];
        return procurement;
    }

    public void Dispose() => frozen.Dispose();
}
