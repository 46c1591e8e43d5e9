using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Web.Features.Branding;

public sealed record BrandingView(
    string Name, string? AddressLine1, string? AddressLine2, string? Town, string? Postcode,
    string? ContactName, string? ContactEmail, string? ContactPhone, bool HasLogo);

public sealed record Logo(byte[] Content, string ContentType);

/// <summary>The current tenant's letterhead: name, address, contact and logo.</summary>
public sealed class TenantBranding(PortalDbContext db, ITenantContext tenant)
{
    public async Task<Organisation> LoadAsync(CancellationToken ct)
    {
        var id = tenant.TenantId ?? throw new InvalidOperationException("No tenant is set.");
        return await db.Organisations.SingleAsync(o => o.Id == id, ct);
    }

    public async Task<BrandingView> GetAsync(CancellationToken ct)
    {
        var id = tenant.TenantId ?? throw new InvalidOperationException("No tenant is set.");
        return await db.Organisations.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new BrandingView(o.Name, o.AddressLine1, o.AddressLine2, o.Town, o.Postcode,
                o.ContactName, o.ContactEmail, o.ContactPhone, o.Logo != null))
            .SingleAsync(ct);
    }

    public async Task<Logo?> LogoAsync(CancellationToken ct)
    {
        var id = tenant.TenantId ?? throw new InvalidOperationException("No tenant is set.");
        var logo = await db.Organisations.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new { o.Logo, o.LogoContentType })
            .SingleAsync(ct);
        return logo.Logo is null ? null : new Logo(logo.Logo, logo.LogoContentType ?? "application/octet-stream");
    }
}
