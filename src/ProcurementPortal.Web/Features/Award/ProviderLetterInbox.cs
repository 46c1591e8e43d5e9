using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Jobs;

namespace ProcurementPortal.Web.Features.Award;

/// <summary>One letter in a provider's inbox, with the tenant-route address that downloads it (ADR 010).</summary>
public sealed record InboxLetter(
    Guid Id, string TenantName, string TenantSlug, Guid ProcurementId, string Reference, string Title, string Lot, bool Successful,
    string FileName, DateTimeOffset CreatedAt, string DownloadUrl);

/// <summary>
/// A provider organisation's award letters across every tenant. Row-level security holds a unit of work to one tenant,
/// so the inbox reads each commissioning body in a unit of work of its own (as the recurring jobs do) and keeps only
/// the letters addressed to this provider; the download goes through the tenant's own route and its provider lock.
/// Null when the organisation is not one of the caller's provider organisations (404, never 403).
/// </summary>
public sealed class ProviderLetterInbox(IServiceScopeFactory scopes, PortalDbContext db, Providers.ProviderAccess access)
{
    public async Task<IReadOnlyList<InboxLetter>?> ListAsync(Guid providerId, CancellationToken ct)
    {
        if ((await access.RolesAsync(providerId, ct)).Count == 0)
        {
            return null;
        }
        var tenants = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.CommissioningBody)
            .Select(o => new { o.Id, o.Name, o.Slug })
            .ToListAsync(ct);
        var letters = new List<InboxLetter>();
        foreach (var tenant in tenants)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TenantJobScope>().EnterAsync(tenant.Id, ct);
            var tenantDb = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var rows = await tenantDb.AwardLetters.AsNoTracking()
                .Where(l => l.ProviderId == providerId)
                .Join(tenantDb.Procurements, l => l.ProcurementId, p => p.Id, (l, p) => new { Letter = l, p.Reference, p.Title })
                .Join(tenantDb.Lots, x => x.Letter.LotId, lot => lot.Id, (x, lot) => new
                {
                    x.Letter.Id, x.Letter.ProcurementId, x.Reference, x.Title, lot.Number, lot.Name, x.Letter.Successful, x.Letter.FileName, x.Letter.CreatedAt,
                })
                .ToListAsync(ct);
            letters.AddRange(rows.Select(r => new InboxLetter(r.Id, tenant.Name, tenant.Slug!, r.ProcurementId, r.Reference, r.Title, $"Lot {r.Number} {r.Name}",
                r.Successful, r.FileName, new DateTimeOffset(DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc)),
                $"/{tenant.Slug}/opportunities/{r.ProcurementId}/letters/{r.Id}")));
        }
        return letters.OrderByDescending(l => l.CreatedAt).ThenBy(l => l.Reference, StringComparer.Ordinal).ThenBy(l => l.Lot, StringComparer.Ordinal).ToList();
    }
}
