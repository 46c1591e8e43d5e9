using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Users;

public sealed record InviteUserCommand(string? Email, string? Role)
{
    public Errors Validate() => new Errors()
        .RequireEmail(Email, nameof(Email))
        .Require(TenantRoles.TryParse(Role, out _), nameof(Role), "Select a role");
}

/// <summary>A tenant admin invites a person by email to take one role in the tenant.</summary>
public sealed class InviteUser(PortalDbContext db, ITenantContext tenant, InvitationSender sender, TimeProvider clock)
{
    public async Task<Outcome<InvitationView>> HandleAsync(InviteUserCommand command, CancellationToken ct)
    {
        var errors = command.Validate();
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var email = command.Email!.Trim();
        var normalised = email.ToUpperInvariant();
        var lower = email.ToLowerInvariant();
        var now = clock.GetUtcNow().UtcDateTime;
        var isMember = await db.Memberships
            .AnyAsync(m => m.OrganisationId == tenant.TenantId && db.Users.Any(u => u.Id == m.UserId && u.NormalizedEmail == normalised), ct);
        if (isMember)
        {
            return new Errors().Add(nameof(command.Email), "This person is already a member; change their roles instead");
        }
        if (await db.Invitations.AnyAsync(i => i.Email.ToLower() == lower && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, ct))
        {
            return new Errors().Add(nameof(command.Email), "An invitation has already been sent to this email address; withdraw it first to send another");
        }
        TenantRoles.TryParse(command.Role, out var role);
        var invitation = sender.Send(email, role);
        await db.SaveChangesAsync(ct);
        return Outcome<InvitationView>.Ok(InvitationView.From(invitation, now));
    }
}

public static class TenantRoles
{
    /// <summary>Parses a tenant role by its name (as forms and the API send it); provider roles do not parse.</summary>
    public static bool TryParse(string? value, out Role role) =>
        Enum.TryParse(value, ignoreCase: false, out role) && Roles.Tenant.Contains(role);
}
