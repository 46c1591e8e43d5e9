using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Integrations;

namespace ProcurementPortal.Web.Features.ApiClients;

[JsonConverter(typeof(JsonStringEnumConverter<ApiClientStatus>))]
public enum ApiClientStatus { Active, Expired, Revoked }

/// <summary>An API client as the admin pages and the API show it: never its token, only the token's first characters.</summary>
public sealed record ApiClientView(
    Guid Id, string Name, IReadOnlyList<string> Roles, string TokenHint, ApiClientStatus Status,
    DateTime CreatedAt, string CreatedByName, DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt, string? RevokedByName)
{
    public static ApiClientView From(ApiClient c, DateTime utcNow) => new(
        c.Id, c.Name, c.Roles.Select(r => r.ToString()).ToList(), c.TokenHint,
        c.RevokedAt is not null ? ApiClientStatus.Revoked : c.IsActive(utcNow) ? ApiClientStatus.Active : ApiClientStatus.Expired,
        c.CreatedAt, c.CreatedByName, c.ExpiresAt, c.LastUsedAt, c.RevokedAt, c.RevokedByName);
}

/// <summary>The tenant's API clients, newest first.</summary>
public sealed class ApiClientList(PortalDbContext db, TimeProvider clock)
{
    public async Task<List<ApiClientView>> ListAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (await db.ApiClients.AsNoTracking().OrderByDescending(c => c.CreatedAt).ToListAsync(ct))
            .Select(c => ApiClientView.From(c, now)).ToList();
    }

    public async Task<ApiClientView?> FindAsync(Guid id, CancellationToken ct) =>
        await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is { } client
            ? ApiClientView.From(client, clock.GetUtcNow().UtcDateTime)
            : null;
}
