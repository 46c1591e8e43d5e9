namespace ProcurementPortal.Core.Demo;

/// <summary>A fee band of a demo tender: code, name, the need it pays for, unit, ceiling rate and expected volume a year.</summary>
public sealed record DemoBand(string Code, string Name, string NeedDescription, string Unit, decimal CeilingRate, decimal ExpectedAnnualVolume)
{
    public decimal AnnualCostAtCeiling => CeilingRate * ExpectedAnnualVolume;
}
