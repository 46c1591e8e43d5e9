using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Framework;

public sealed record SuspendMemberCommand
{
    /// <summary>Why the member is suspended; the provider is told it.</summary>
    public string? Reason { get; init; }

    public Errors Validate() => new Errors().RequireText(Reason, nameof(Reason), "why the provider is suspended", 1000);
}

/// <summary>
/// An officer suspends an active member of a lot: it is then not invited to package requests and cannot offer. The
/// reason is kept and sent to the provider; audited.
/// </summary>
public sealed class SuspendMemberHandler(PortalDbContext db, FrameworkMembers framework, MemberStatusChange change, AuditLog audit)
{
    public async Task<Outcome<FrameworkMember>> HandleAsync(Guid procurementId, Guid memberId, SuspendMemberCommand command, CancellationToken ct)
    {
        if (await framework.MemberAsync(procurementId, memberId, ct) is not { } member)
        {
            return Outcome<FrameworkMember>.NotFound();
        }
        var errors = command.Validate().Require(member.Status == MemberStatus.Active, nameof(command.Reason), $"{member.ProviderName} is not an active member, so it cannot be suspended");
        if (!errors.IsEmpty)
        {
            return errors;
        }
        member.Status = MemberStatus.Suspended;
        member.StatusReason = command.Reason!.Trim();
        member.StatusChangedAt = await db.DatabaseNowAsync(ct);
        await change.TellAsync(member, "framework-member-suspended", ct);
        audit.Record("framework.member_suspended", nameof(FrameworkMember), member.Id, $"{member.ProviderName} suspended: {member.StatusReason}");
        await db.SaveChangesAsync(ct);
        return Outcome<FrameworkMember>.Ok(member);
    }
}
