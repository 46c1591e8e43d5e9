using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Core.Ocds;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.OpenData;

/// <summary>The installation's registered OCDS prefix: every ocid it publishes starts with it.</summary>
public sealed class OcdsOptions
{
    public string OcidPrefix { get; set; } = "ocds-portal";
}

/// <summary>
/// A tenant's procurements as OCDS releases: only those with a published market intent statement or a published
/// tender, and only what has been published about them (the tenant filter bounds every query). A page of
/// procurements is loaded in a fixed number of queries, however many procurements, lots or contracts it holds.
/// </summary>
public sealed class OcdsQueries(PortalDbContext db, ITenantContext tenant, IOptions<OcdsOptions> options)
{
    public const int MaxPageSize = PageRequest.MaxSize;

    /// <summary>The releases of one page of published procurements, oldest first, and how many procurements are published in all.</summary>
    public async Task<(IReadOnlyList<JsonObject> Releases, int Total)> PageAsync(int page, int pageSize, CancellationToken ct)
    {
        var ids = await PublishedIds().OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).Select(p => p.Id).ToListAsync(ct);
        return (await ReleasesAsync(ids, ct), await PublishedIds().CountAsync(ct));
    }

    /// <summary>Every release of the tenant, a batch of procurements at a time (oldest first), for the bulk download.</summary>
    public async IAsyncEnumerable<IReadOnlyList<JsonObject>> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        for (var page = 1; ; page++)
        {
            var (releases, total) = await PageAsync(page, MaxPageSize, ct);
            yield return releases;
            if (page * MaxPageSize >= total)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// The releases of the contracting process with this ocid: a published procurement, or a call-off under one (its
    /// own process); null when the ocid is neither of this tenant's.
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>?> RecordAsync(string ocid, CancellationToken ct)
    {
        var prefix = options.Value.OcidPrefix + "-";
        if (!ocid.StartsWith(prefix, StringComparison.Ordinal) || !Guid.TryParse(ocid[prefix.Length..], out var id))
        {
            return null;
        }
        var procurementId = await db.Contracts.AsNoTracking().Where(c => c.Id == id && c.FrameworkAgreementId != null && c.LotId == null)
            .Select(c => c.ProcurementId).SingleOrDefaultAsync(ct) ?? id;
        if (!await PublishedIds().AnyAsync(p => p.Id == procurementId, ct))
        {
            return null;
        }
        return (await ReleasesAsync([procurementId], ct)).Where(r => r["ocid"]!.GetValue<string>() == ocid).ToList();
    }

    public async Task<string> PublisherAsync(CancellationToken ct)
    {
        var id = tenant.TenantId ?? throw new InvalidOperationException("No tenant is set.");
        return await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).SingleAsync(ct);
    }

    private IQueryable<Core.Domain.Procurements.Procurement> PublishedIds() =>
        db.Procurements.AsNoTracking().Where(p => p.PublishedAt != null
            || db.MarketIntentStatements.Any(s => s.ProcurementId == p.Id && s.Status == StatementStatus.Published));

    /// <summary>The releases of these procurements, in their order: one query per kind of row, never one per procurement.</summary>
    private async Task<IReadOnlyList<JsonObject>> ReleasesAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var procurements = (await db.Procurements.AsNoTracking().Include(p => p.Lots).ThenInclude(l => l.Bands).AsSplitQuery()
            .Where(p => ids.Contains(p.Id)).ToListAsync(ct)).ToDictionary(p => p.Id);
        var buyerId = procurements.Values.First().TenantId;
        var buyer = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == buyerId, ct);
        var statements = (await db.MarketIntentStatements.AsNoTracking()
            .Where(s => s.ProcurementId != null && ids.Contains(s.ProcurementId.Value) && s.Status == StatementStatus.Published)
            .Select(s => new { s.ProcurementId, s.PublishedAt }).ToListAsync(ct))
            .GroupBy(s => s.ProcurementId!.Value).ToDictionary(g => g.Key, g => g.Min(s => s.PublishedAt));
        var addenda = (await db.Addenda.AsNoTracking().Where(a => ids.Contains(a.ProcurementId)).ToListAsync(ct)).ToLookup(a => a.ProcurementId);
        var awards = (await db.Awards.AsNoTracking().Where(a => ids.Contains(a.ProcurementId)).ToListAsync(ct)).ToDictionary(a => a.ProcurementId);
        var approved = awards.Values.Where(a => a.Decision == Core.Domain.Award.ApprovalDecision.Approved).Select(a => a.ProcurementId).ToList();
        var awarded = (await db.AwardedBids.AsNoTracking().Where(b => approved.Contains(b.ProcurementId)).ToListAsync(ct)).ToLookup(b => b.ProcurementId);
        var allContracts = await db.Contracts.AsNoTracking().Where(c => c.ProcurementId != null && ids.Contains(c.ProcurementId.Value)).ToListAsync(ct);
        // A call-off (under the framework agreement, without a lot of its own: ADR 026) is its own contracting process.
        var contracts = allContracts.Where(c => c.LotId is not null).ToLookup(c => c.ProcurementId!.Value);
        var callOffs = allContracts.Where(c => c.LotId is null && c.FrameworkAgreementId is not null).ToLookup(c => c.ProcurementId!.Value);
        var brokered = (await db.PackageRequests.AsNoTracking().Where(r => r.CallOffContractId != null && ids.Contains(r.ProcurementId))
            .Select(r => r.CallOffContractId!.Value).ToListAsync(ct)).ToHashSet();
        var supplierIds = awarded.SelectMany(g => g).Where(b => b.Appointed).Select(b => b.ProviderId)
            .Concat(callOffs.SelectMany(g => g).Where(c => c.ProviderId is not null).Select(c => c.ProviderId!.Value)).Distinct().ToList();
        var suppliers = await db.Organisations.AsNoTracking().Where(o => supplierIds.Contains(o.Id)).ToListAsync(ct);
        var documents = (await db.TenderDocumentVersions.AsNoTracking()
            .Join(db.TenderDocuments, v => v.DocumentId, d => d.Id, (v, d) => new { d.ProcurementId, v.DocumentId, v.Number, d.Title, v.FileName, v.ContentType, v.AddendumId })
            .Where(x => ids.Contains(x.ProcurementId)).ToListAsync(ct)).ToLookup(x => x.ProcurementId);

        var releases = new List<JsonObject>();
        foreach (var id in ids)
        {
            var p = procurements[id];
            // A version uploaded before publishing is public with the tender; one of an addendum, when the addendum is.
            var published = addenda[id].ToDictionary(a => a.Id, a => a.PublishedAt);
            var visible = documents[id]
                .Select(d => (d, When: d.AddendumId is { } addendum ? published.GetValueOrDefault(addendum) : p.PublishedAt))
                .Where(x => x.When is not null)
                .Select(x => new OcdsDocument(x.d.DocumentId, x.d.Number, x.d.Title, x.d.FileName, x.d.ContentType, x.When!.Value))
                .ToList();
            var award = awards.GetValueOrDefault(id);
            releases.AddRange(OcdsReleases.For(new OcdsSource(options.Value.OcidPrefix, buyer, p, addenda[id].ToList(), award,
                awarded[id].ToList(), suppliers, contracts[id].ToList(), statements.GetValueOrDefault(id), visible)));
            releases.AddRange(callOffs[id].OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(c => OcdsReleases.CallOff(options.Value.OcidPrefix, buyer, p, c,
                suppliers.FirstOrDefault(o => o.Id == c.ProviderId), brokered.Contains(c.Id))));
        }
        return releases;
    }
}
