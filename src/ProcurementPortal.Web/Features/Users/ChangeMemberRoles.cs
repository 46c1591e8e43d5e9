using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Users;

/// <summary>The roles a member should hold from now on; none removes them from the tenant.</summary>
public sealed record ChangeMemberRolesCommand(List<string>? Roles)
{
    public Errors Validate() => new Errors()
        .Require((Roles ?? []).All(r => TenantRoles.TryParse(r, out _)), nameof(Roles), "Select roles from the list");
}

/// <summary>A tenant admin changes a member's roles or removes the member; a tenant always keeps a tenant admin.</summary>
public sealed class ChangeMemberRoles(PortalDbContext db, ITenantContext tenant, AuditLog audit, TenantMembers members)
{
    public async Task<Outcome<MemberView?>> HandleAsync(Guid userId, ChangeMemberRolesCommand command, CancellationToken ct)
    {
        var organisationId = tenant.TenantId ?? throw new InvalidOperationException("No tenant is set.");
        var current = await db.Memberships.Where(m => m.OrganisationId == organisationId && m.UserId == userId).ToListAsync(ct);
        if (current.Count == 0)
        {
            return Outcome<MemberView?>.NotFound();
        }
        var errors = command.Validate();
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var wanted = (command.Roles ?? []).Select(r => Enum.Parse<Role>(r)).ToHashSet();
        var losesAdmin = current.Any(m => m.Role == Role.TenantAdmin) && !wanted.Contains(Role.TenantAdmin);
        if (losesAdmin && !await db.Memberships.AnyAsync(
                m => m.OrganisationId == organisationId && m.Role == Role.TenantAdmin && m.UserId != userId, ct))
        {
            return new Errors().Add(nameof(command.Roles), "A tenant must keep at least one tenant admin; make someone else a tenant admin first");
        }

        db.Memberships.RemoveRange(current.Where(m => !wanted.Contains(m.Role)));
        db.Memberships.AddRange(wanted.Where(r => current.All(m => m.Role != r))
            .Select(r => new Membership { UserId = userId, OrganisationId = organisationId, Role = r }));
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(ct);
        if (wanted.Count == 0)
        {
            audit.Record("member.removed", "Membership", userId, $"Removed {email} from the tenant");
        }
        else
        {
            audit.Record("member.roles-changed", "Membership", userId,
                $"Roles of {email}: {string.Join(", ", wanted.Order().Select(r => r.DisplayName()))}");
        }
        await db.SaveChangesAsync(ct);
        return Outcome<MemberView?>.Ok(await members.FindAsync(userId, ct));
    }
}
