using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;

namespace ProcurementPortal.Core.Jobs;

/// <summary>Who is told when something happens to a provider's bid: its administrators and bid writers.</summary>
public static class ProviderContacts
{
    /// <summary>The email addresses of each provider's people (memberships are global: no tenant filter).</summary>
    public static async Task<Dictionary<Guid, List<string>>> EmailsAsync(PortalDbContext db, IReadOnlyCollection<Guid> providerIds, CancellationToken ct) =>
        (await db.Memberships.AsNoTracking()
            .Where(m => providerIds.Contains(m.OrganisationId) && (m.Role == Role.ProviderAdmin || m.Role == Role.BidWriter))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.OrganisationId, u.Email })
            .ToListAsync(ct))
        .Where(x => x.Email is not null)
        .GroupBy(x => x.OrganisationId)
        .ToDictionary(g => g.Key, g => g.Select(x => x.Email!).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList());
}
