using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Integrations;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.ApiClients;

/// <summary>
/// A tenant admin revokes an API client. Every call looks the token up afresh, so the next call with it is refused
/// (401). Revoking twice changes nothing the second time.
/// </summary>
public sealed class RevokeApiClient(PortalDbContext db, AuditLog audit, IActor actor)
{
    public async Task<Outcome<ApiClientView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (client is null)
        {
            return Outcome<ApiClientView>.NotFound();
        }
        var now = await db.DatabaseNowAsync(ct);
        if (client.RevokedAt is null)
        {
            client.RevokedAt = now;
            client.RevokedByName = actor.Name;
            audit.Record("api_client.revoked", nameof(ApiClient), client.Id, $"Revoked API client {client.Name} ({client.TokenHint}…)");
            await db.SaveChangesAsync(ct);
        }
        return Outcome<ApiClientView>.Ok(ApiClientView.From(client, now));
    }
}
