using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Users;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Invitations;

/// <summary>What an invitation link leads to, as the person holding the link may see it.</summary>
public sealed record InvitationLink(
    string TenantName, string TenantSlug, string Email,
    Role Role,
    InvitationStatus Status,
    DateTime ExpiresAt);

/// <summary>
/// The invited person, signed in with the invited email address, accepts: they get the role in the tenant and the
/// invitation is used up. The token alone identifies the invitation; the security-definer function
/// <c>invitation_tenant_by_token</c> names its tenant, which then becomes this unit of work's tenant, so the
/// invitation is read, and the acceptance audited, through the ordinary tenant-scoped path.
/// </summary>
public sealed class AcceptInvitation(PortalDbContext db, TenantContext tenant, AuditLog audit, TimeProvider clock, Evaluation.JoinPanelsOnAcceptance panels)
{
    /// <summary>The signed-in person's email address, which must be the invited one.</summary>
    public static string EmailOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "";

    public async Task<InvitationLink?> DescribeAsync(string token, CancellationToken ct) =>
        await FindAsync(token, ct) is { } found ? LinkOf(found.Invitation, found.Tenant) : null;

    public async Task<Outcome<InvitationLink>> HandleAsync(string token, Guid userId, string userEmail, CancellationToken ct)
    {
        if (await FindAsync(token, ct) is not { } found)
        {
            return Outcome<InvitationLink>.NotFound();
        }
        var (invitation, organisation) = found;
        var link = LinkOf(invitation, organisation);
        var problem = link.Status switch
        {
            InvitationStatus.Accepted => "This invitation has already been used",
            InvitationStatus.Revoked => "This invitation has been withdrawn",
            InvitationStatus.Expired => "This invitation has expired",
            _ when !string.Equals(invitation.Email, userEmail, StringComparison.OrdinalIgnoreCase) =>
                $"This invitation was sent to {invitation.Email}; sign in with that email address to accept it",
            _ => null,
        };
        if (problem is not null)
        {
            return new Errors().Add("", problem);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        invitation.AcceptedAt = now;
        invitation.AcceptedByUserId = userId;
        if (!await db.Memberships.AnyAsync(m => m.UserId == userId && m.OrganisationId == organisation.Id && m.Role == invitation.Role, ct))
        {
            db.Memberships.Add(new Membership { UserId = userId, OrganisationId = organisation.Id, Role = invitation.Role });
        }
        audit.Record("invitation.accepted", nameof(Invitation), invitation.Id, $"{userEmail} joined as {invitation.Role.DisplayName()}");
        // An invitation sent for an evaluation panel puts the person on it too.
        await panels.JoinAsync(invitation, userId, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<InvitationLink>.Ok(LinkOf(invitation, organisation));
    }

    private async Task<(Invitation Invitation, Organisation Tenant)?> FindAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
        {
            return null;
        }
        var hash = Invitation.HashToken(token);
        var tenantId = await db.Database
            .SqlQuery<Guid?>($"select invitation_tenant_by_token({hash}) as \"Value\"")
            .SingleAsync(ct);
        var organisation = tenantId is null ? null : await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == tenantId, ct);
        if (organisation is null)
        {
            return null;
        }
        tenant.Set(organisation);
        var invitation = await db.Invitations.SingleAsync(i => i.TokenHash == hash, ct);
        return (invitation, organisation);
    }

    private InvitationLink LinkOf(Invitation invitation, Organisation organisation) =>
        new(organisation.Name, organisation.Slug!, invitation.Email, invitation.Role,
            InvitationView.StatusOf(invitation, clock.GetUtcNow().UtcDateTime), invitation.ExpiresAt);
}
