using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Web.Features.Dashboard;

namespace ProcurementPortal.Web.Features.Brokerage;

/// <summary>
/// A provider's brokerage in one tenant, for its dashboard: package requests open to it (an active member of the lot,
/// not yet answered, window not closed), due when the window closes; and its placements confirmed since <c>since</c>.
/// </summary>
public static class ProviderPackageAttention
{
    public static async Task<List<AttentionItem>> ForAsync(PortalDbContext db, string slug, Guid providerId, DateTime now, DateTime since, CancellationToken ct)
    {
        var open = await db.PackageRequests.AsNoTracking()
            .Where(r => r.Status == PackageRequestStatus.Open && r.ClosesAt > now
                && db.FrameworkMembers.Any(m => m.FrameworkAgreementId == r.FrameworkAgreementId && m.ProviderId == providerId && m.Status == MemberStatus.Active)
                && !db.PackageResponses.Any(x => x.PackageRequestId == r.Id && x.ProviderId == providerId))
            .OrderBy(r => r.ClosesAt)
            .Select(r => new { r.Id, r.Reference, r.LotName, r.BandCode, r.HoursPerWeek, r.PostcodeDistrict, r.ClosesAt })
            .ToListAsync(ct);
        var placed = await db.PackageRequests.AsNoTracking()
            .Where(r => r.Status == PackageRequestStatus.Placed && r.PlacedAt >= since
                && db.PackageResponses.Any(x => x.Id == r.ChosenResponseId && x.ProviderId == providerId))
            .OrderByDescending(r => r.PlacedAt)
            .Select(r => new { r.Id, r.Reference, r.LotName })
            .ToListAsync(ct);
        return open.Select(r => new AttentionItem(Role.BidWriter, "package-request",
                $"Package to offer on or decline: {r.Reference}, {r.BandCode}, {r.HoursPerWeek:0.##} hours a week in {r.PostcodeDistrict} ({r.LotName})",
                Href(slug, r.Id, providerId), TenantAttention.Utc(r.ClosesAt)))
            .Concat(placed.Select(r => new AttentionItem(Role.BidWriter, "package-placed", $"Placement confirmed with you: {r.Reference} ({r.LotName})",
                Href(slug, r.Id, providerId), null)))
            .ToList();
    }

    private static string Href(string slug, Guid requestId, Guid providerId) => $"/{slug}/package-requests/{requestId}/response?providerId={providerId}";
}
