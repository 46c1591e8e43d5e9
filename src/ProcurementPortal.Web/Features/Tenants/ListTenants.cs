using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;

namespace ProcurementPortal.Web.Features.Tenants;

public sealed record TenantSummary(Guid Id, string Name, string Slug, string? ContactEmail, DateTime CreatedAt, int Members);

/// <summary>Every tenant of the installation, for the platform admin.</summary>
public sealed class ListTenants(PortalDbContext db)
{
    public Task<List<TenantSummary>> HandleAsync(CancellationToken ct) =>
        db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.CommissioningBody)
            .OrderBy(o => o.Name)
            .Select(o => new TenantSummary(o.Id, o.Name, o.Slug!, o.ContactEmail, o.CreatedAt,
                db.Memberships.Where(m => m.OrganisationId == o.Id).Select(m => m.UserId).Distinct().Count()))
            .ToListAsync(ct);
}
