using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;

namespace ProcurementPortal.Web.Features.Users;

[JsonConverter(typeof(JsonStringEnumConverter<InvitationStatus>))]
public enum InvitationStatus
{
    Open,
    Accepted,
    Revoked,
    Expired,
}

public sealed record InvitationView(
    Guid Id, string Email,
    Role Role,
    InvitationStatus Status,
    DateTime CreatedAt, DateTime ExpiresAt, DateTime? AcceptedAt, DateTime? RevokedAt)
{
    public static InvitationStatus StatusOf(Invitation i, DateTime utcNow) =>
        i.AcceptedAt is not null ? InvitationStatus.Accepted
        : i.RevokedAt is not null ? InvitationStatus.Revoked
        : i.ExpiresAt <= utcNow ? InvitationStatus.Expired
        : InvitationStatus.Open;

    public static InvitationView From(Invitation i, DateTime utcNow) =>
        new(i.Id, i.Email, i.Role, StatusOf(i, utcNow), i.CreatedAt, i.ExpiresAt, i.AcceptedAt, i.RevokedAt);
}

/// <summary>The invitations of the current tenant (the tenant filter and row-level security scope every query).</summary>
public sealed class TenantInvitations(PortalDbContext db, TimeProvider clock)
{
    public async Task<List<InvitationView>> ListAsync(bool openOnly, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Invitations.AsNoTracking();
        if (openOnly)
        {
            query = query.Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now);
        }
        var invitations = await query.OrderByDescending(i => i.CreatedAt).ToListAsync(ct);
        return invitations.Select(i => InvitationView.From(i, now)).ToList();
    }

    public async Task<InvitationView?> FindAsync(Guid id, CancellationToken ct)
    {
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        return invitation is null ? null : InvitationView.From(invitation, clock.GetUtcNow().UtcDateTime);
    }

    public Task<int> CountOpenAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Invitations.CountAsync(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, ct);
    }
}
