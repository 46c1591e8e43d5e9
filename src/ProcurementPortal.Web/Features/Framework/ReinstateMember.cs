using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Framework;

/// <summary>An officer reinstates a suspended member: active again, invited to new package requests; audited, the provider told.</summary>
public sealed class ReinstateMemberHandler(PortalDbContext db, FrameworkMembers framework, MemberStatusChange change, AuditLog audit)
{
    public async Task<Outcome<FrameworkMember>> HandleAsync(Guid procurementId, Guid memberId, CancellationToken ct)
    {
        if (await framework.MemberAsync(procurementId, memberId, ct) is not { } member)
        {
            return Outcome<FrameworkMember>.NotFound();
        }
        if (member.Status != MemberStatus.Suspended)
        {
            return new Errors().Add("Status", $"{member.ProviderName} is not suspended");
        }
        var reason = member.StatusReason;
        member.Status = MemberStatus.Active;
        member.StatusReason = null;
        member.StatusChangedAt = await db.DatabaseNowAsync(ct);
        await change.TellAsync(member, "framework-member-reinstated", ct);
        audit.Record("framework.member_reinstated", nameof(FrameworkMember), member.Id, $"{member.ProviderName} reinstated (suspended for: {reason})");
        await db.SaveChangesAsync(ct);
        return Outcome<FrameworkMember>.Ok(member);
    }
}
