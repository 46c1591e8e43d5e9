using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>Which provider organisation a signed-in user acts for.</summary>
public static class ProviderAccess
{
    /// <summary>
    /// The named provider if the user belongs to it; with no name, the user's only provider. Null when the user is
    /// not a member (callers answer 404) or belongs to several and did not say which.
    /// </summary>
    public static async Task<Organisation?> ProviderForAsync(this PortalDbContext db, Guid userId, Guid? providerId, CancellationToken ct)
    {
        var providers = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Organisation!.Kind == OrganisationKind.Provider)
            .Where(m => providerId == null || m.OrganisationId == providerId)
            .Select(m => m.Organisation!)
            .Distinct()
            .ToListAsync(ct);
        return providers.Count == 1 ? providers[0] : null;
    }
}
