namespace ProcurementPortal.Core.Domain.Procurements;

/// <summary>A part of a procurement bid for and awarded separately (e.g. by geography: East, North, Central Lancashire).</summary>
public class Lot : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProcurementId { get; set; }
    public int Number { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    /// <summary>Geography or service type the lot covers.</summary>
    public string? Area { get; set; }
    public int? MaxProviders { get; set; }
    public decimal? AnnualBudget { get; set; }
    public List<FeeBand> Bands { get; set; } = [];
}

/// <summary>A level of assessed need with the commissioner's ceiling rate and expected annual volume.</summary>
public class FeeBand : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid LotId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string NeedDescription { get; set; } = "";
    public FeeUnit Unit { get; set; } = FeeUnit.Hour;
    public decimal? CeilingRate { get; set; }
    /// <summary>Expected units a year (e.g. hours).</summary>
    public decimal ExpectedAnnualVolume { get; set; }
}
