using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Branding;

public sealed record UpdateBrandingCommand(
    string? Name, string? AddressLine1, string? AddressLine2, string? Town, string? Postcode,
    string? ContactName, string? ContactEmail, string? ContactPhone) : IAddressFields, IContactFields
{
    public static UpdateBrandingCommand From(BrandingView b) =>
        new(b.Name, b.AddressLine1, b.AddressLine2, b.Town, b.Postcode, b.ContactName, b.ContactEmail, b.ContactPhone);

    public Errors Validate() => new Errors()
        .RequireText(Name, nameof(Name), "the display name")
        .RequireAddress(this)
        .RequireContact(this);
}

/// <summary>A tenant admin changes the letterhead that letters and reports carry.</summary>
public sealed class UpdateBranding(PortalDbContext db, TenantBranding branding, AuditLog audit)
{
    public async Task<Outcome<BrandingView>> HandleAsync(UpdateBrandingCommand command, CancellationToken ct)
    {
        var errors = command.Validate();
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var tenant = await branding.LoadAsync(ct);
        tenant.Name = command.Name!.Trim();
        tenant.SetAddress(command);
        tenant.SetContact(command);
        audit.Record("branding.updated", nameof(Organisation), tenant.Id, $"Letterhead: {tenant.Name}, {tenant.AddressSingleLine}");
        await db.SaveChangesAsync(ct);
        return Outcome<BrandingView>.Ok(await branding.GetAsync(ct));
    }
}
