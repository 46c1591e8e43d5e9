namespace ProcurementPortal.Core.Domain;

public enum OrganisationKind
{
    /// <summary>A council or NHS commissioner: a tenant of the portal.</summary>
    CommissioningBody = 1,
    /// <summary>A care or support provider that bids to any tenant.</summary>
    Provider = 2,
}

/// <summary>A commissioning body (tenant) or a provider organisation. Organisations are global, not tenant-owned.</summary>
public class Organisation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public OrganisationKind Kind { get; set; }

    /// <summary>The route segment of a tenant (e.g. "lancashire"); null for providers.</summary>
    public string? Slug { get; set; }

    public required string Name { get; set; }

    /// <summary>Prefix of a tenant's procurement references, e.g. "LCC" for LCC-2026-0007.</summary>
    public string? ReferencePrefix { get; set; }
    public string? CompaniesHouseNumber { get; set; }
    public string? CharityNumber { get; set; }
    public string? CqcLocationId { get; set; }
    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }

    /// <summary>Letterhead logo for letters and reports (PNG or JPEG).</summary>
    public byte[]? Logo { get; set; }
    public string? LogoContentType { get; set; }

    public DateTime CreatedAt { get; set; }

    public bool IsTenant => Kind == OrganisationKind.CommissioningBody;

    public string AddressSingleLine =>
        string.Join(", ", new[] { AddressLine1, AddressLine2, Town, Postcode }.Where(p => !string.IsNullOrWhiteSpace(p)));
}
