using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Framework;

public sealed record RecordMemberCapacityCommand
{
    /// <summary>Hours a week of call-offs the provider can take on the lot; empty to clear it (then the direct-award rule does not skip it).</summary>
    public decimal? CapacityHoursPerWeek { get; init; }

    public Errors Validate() => new Errors()
        .Require(CapacityHoursPerWeek is null or (>= 0 and <= 100_000), nameof(CapacityHoursPerWeek), "Enter the hours a week, from 0 to 100,000, or leave it empty");
}

/// <summary>
/// An officer records how many hours a week of call-offs a member can take on its lot (from the provider's own word or
/// contract monitoring). The direct-award rule then skips the member when its live call-offs plus a package would
/// exceed it. Audited with the old and new figures.
/// </summary>
public sealed class RecordMemberCapacityHandler(PortalDbContext db, FrameworkMembers framework, AuditLog audit)
{
    public async Task<Outcome<FrameworkMember>> HandleAsync(Guid procurementId, Guid memberId, RecordMemberCapacityCommand command, CancellationToken ct)
    {
        if (await framework.MemberAsync(procurementId, memberId, ct) is not { } member)
        {
            return Outcome<FrameworkMember>.NotFound();
        }
        var errors = command.Validate();
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var before = member.CapacityHoursPerWeek;
        member.CapacityHoursPerWeek = command.CapacityHoursPerWeek;
        audit.Record("framework.member_capacity", nameof(FrameworkMember), member.Id,
            $"{member.ProviderName}: capacity {Describe(before)} → {Describe(member.CapacityHoursPerWeek)}");
        await db.SaveChangesAsync(ct);
        return Outcome<FrameworkMember>.Ok(member);
    }

    public static string Describe(decimal? hours) => hours is { } h ? $"{h:0.##} hours a week" : "not recorded";
}
