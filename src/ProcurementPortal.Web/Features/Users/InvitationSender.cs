using Microsoft.Extensions.Options;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Users;

/// <summary>
/// Adds an invitation of the current tenant, its email and its audit event to the caller's unit of work.
/// Shared by inviting a user and by creating a tenant (whose first admin is invited the same way).
/// </summary>
public sealed class InvitationSender(
    PortalDbContext db, ITenantContext tenant, IActor actor, AuditLog audit, EmailOutbox outbox,
    IOptions<PortalOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Invitation Send(string email, Role role)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = Invitation.NewToken();
        var invitation = new Invitation
        {
            TenantId = tenant.TenantId ?? throw new InvalidOperationException("An invitation needs a tenant."),
            Email = email,
            Role = role,
            TokenHash = Invitation.HashToken(token),
            InvitedByUserId = actor.UserId ?? Guid.Empty,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        db.Invitations.Add(invitation);
        outbox.Enqueue(email, "invitation", new
        {
            InvitedBy = actor.Name,
            TenantName = tenant.TenantName,
            RoleName = role.DisplayName(),
            Link = $"{options.Value.BaseUrl.TrimEnd('/')}/invitations/{token}",
            Expires = UkTime.Format(invitation.ExpiresAt),
        });
        audit.Record("invitation.created", nameof(Invitation), invitation.Id, $"Invited {email} as {role.DisplayName()}");
        return invitation;
    }
}
