using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Web.Features.Dashboard;

namespace ProcurementPortal.Web.Features.MiniCompetitions;

/// <summary>
/// A provider's mini-competitions in one tenant, for its dashboard: those open to it (an active member of the lot, the
/// deadline not passed), due at the deadline, whether or not it has responded yet (it may revise until then).
/// </summary>
public static class ProviderMiniCompetitionAttention
{
    public static async Task<List<AttentionItem>> ForAsync(PortalDbContext db, string slug, Guid providerId, DateTime now, CancellationToken ct)
    {
        var open = await db.MiniCompetitions.AsNoTracking()
            .Where(c => c.Status == MiniCompetitionStatus.Open && c.ClosesAt > now
                && db.FrameworkMembers.Any(m => m.FrameworkAgreementId == c.FrameworkAgreementId && m.ProviderId == providerId && m.Status == MemberStatus.Active))
            .OrderBy(c => c.ClosesAt)
            .Select(c => new { c.Id, c.Reference, c.Title, c.LotName, c.ClosesAt, Responded = db.MiniCompetitionResponses.Any(r => r.MiniCompetitionId == c.Id && r.ProviderId == providerId) })
            .ToListAsync(ct);
        return open.Select(c => new AttentionItem(Role.BidWriter, "mini-competition",
                $"{(c.Responded ? "Mini-competition (responded; you may revise)" : "Mini-competition to respond to")}: {c.Reference} {c.Title} ({c.LotName})",
                $"/{slug}/mini-competitions/{c.Id}/response?providerId={providerId}", TenantAttention.Utc(c.ClosesAt)))
            .ToList();
    }
}
