using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Core.Ocds;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Web.Features.OpenData;

/// <summary>The installation's registered OCDS prefix: every ocid it publishes starts with it.</summary>
public sealed class OcdsOptions
{
    public string OcidPrefix { get; set; } = "ocds-portal";
}

/// <summary>
/// A tenant's procurements as OCDS releases: only those with a published market intent statement or a published
/// tender, and only what has been published about them (the tenant filter bounds every query).
/// </summary>
public sealed class OcdsQueries(PortalDbContext db, ITenantContext tenant, IOptions<OcdsOptions> options)
{
    public const int MaxPageSize = 100;

    /// <summary>The releases of one page of published procurements, oldest first, and whether there is a next page.</summary>
    public async Task<(IReadOnlyList<JsonObject> Releases, bool More)> PageAsync(int page, int pageSize, CancellationToken ct)
    {
        var ids = await PublishedIds().OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize + 1).Select(p => p.Id).ToListAsync(ct);
        var releases = new List<JsonObject>();
        foreach (var id in ids.Take(pageSize))
        {
            releases.AddRange(await ReleasesAsync(id, ct));
        }
        return (releases, ids.Count > pageSize);
    }

    /// <summary>The releases of the procurement with this ocid; null when the ocid is not one of this tenant's published procurements.</summary>
    public async Task<IReadOnlyList<JsonObject>?> RecordAsync(string ocid, CancellationToken ct)
    {
        var prefix = options.Value.OcidPrefix + "-";
        if (!ocid.StartsWith(prefix, StringComparison.Ordinal) || !Guid.TryParse(ocid[prefix.Length..], out var id)
            || !await PublishedIds().AnyAsync(p => p.Id == id, ct))
        {
            return null;
        }
        return await ReleasesAsync(id, ct);
    }

    public async Task<string> PublisherAsync(CancellationToken ct)
    {
        var id = tenant.TenantId ?? throw new InvalidOperationException("No tenant is set.");
        return await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).SingleAsync(ct);
    }

    private IQueryable<Core.Domain.Procurements.Procurement> PublishedIds() =>
        db.Procurements.AsNoTracking().Where(p => p.PublishedAt != null
            || db.MarketIntentStatements.Any(s => s.ProcurementId == p.Id && s.Status == StatementStatus.Published));

    private async Task<IReadOnlyList<JsonObject>> ReleasesAsync(Guid id, CancellationToken ct)
    {
        var procurement = await db.Procurements.AsNoTracking().Include(p => p.Lots).ThenInclude(l => l.Bands).AsSplitQuery().SingleAsync(p => p.Id == id, ct);
        var buyer = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == procurement.TenantId, ct);
        var statementPublished = await db.MarketIntentStatements.AsNoTracking()
            .Where(s => s.ProcurementId == id && s.Status == StatementStatus.Published).MinAsync(s => s.PublishedAt, ct);
        var addenda = await db.Addenda.AsNoTracking().Where(a => a.ProcurementId == id).ToListAsync(ct);
        var award = await db.Awards.AsNoTracking().SingleOrDefaultAsync(a => a.ProcurementId == id, ct);
        var awarded = award is { Decision: Core.Domain.Award.ApprovalDecision.Approved }
            ? await db.AwardedBids.AsNoTracking().Where(b => b.ProcurementId == id).ToListAsync(ct)
            : [];
        var supplierIds = awarded.Where(b => b.Appointed).Select(b => b.ProviderId).Distinct().ToList();
        var suppliers = await db.Organisations.AsNoTracking().Where(o => supplierIds.Contains(o.Id)).ToListAsync(ct);
        var contracts = await db.Contracts.AsNoTracking().Where(c => c.ProcurementId == id).ToListAsync(ct);
        return OcdsReleases.For(new OcdsSource(options.Value.OcidPrefix, buyer, procurement, addenda, award, awarded, suppliers, contracts, statementPublished));
    }
}
