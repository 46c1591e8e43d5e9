using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Users;

/// <summary>A tenant admin withdraws an invitation that has not been accepted; its link stops working.</summary>
public sealed class RevokeInvitation(PortalDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<InvitationView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (invitation is null)
        {
            return Outcome<InvitationView>.NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (invitation.AcceptedAt is not null)
        {
            return new Errors().Add("", "This invitation has already been accepted; change the member's roles instead");
        }
        if (invitation.RevokedAt is null)
        {
            invitation.RevokedAt = now;
            audit.Record("invitation.revoked", nameof(Invitation), invitation.Id, $"Withdrew the invitation to {invitation.Email}");
            await db.SaveChangesAsync(ct);
        }
        return Outcome<InvitationView>.Ok(InvitationView.From(invitation, now));
    }
}
