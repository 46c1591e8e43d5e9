using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Procurements;

public sealed record LotFields
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    /// <summary>Geography or service type, e.g. "East Lancashire".</summary>
    public string? Area { get; init; }
    public int? MaxProviders { get; init; }
    public decimal? AnnualBudget { get; init; }

    public Errors Validate() => new Errors()
        .Require(!string.IsNullOrWhiteSpace(Name), nameof(Name), "Enter the lot's name")
        .Require((Name?.Length ?? 0) <= 200, nameof(Name), "Name must be 200 characters or fewer")
        .Require(MaxProviders is null or > 0, nameof(MaxProviders), "Maximum providers must be at least 1")
        .Require(AnnualBudget is null or >= 0, nameof(AnnualBudget), "Lot budget cannot be negative");

    public void ApplyTo(Lot lot)
    {
        lot.Name = Name!.Trim();
        lot.Description = Description?.Trim() ?? "";
        lot.Area = Area?.Trim();
        lot.MaxProviders = MaxProviders;
        lot.AnnualBudget = AnnualBudget;
    }
}

public sealed record BandFields
{
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? NeedDescription { get; init; }
    /// <summary>Hour, Night, Week, Session or Placement.</summary>
    public string? Unit { get; init; }
    public decimal? CeilingRate { get; init; }
    public decimal? ExpectedAnnualVolume { get; init; }

    public Errors Validate() => new Errors()
        .Require(!string.IsNullOrWhiteSpace(Code) && Code.Length <= 20, nameof(Code), "Enter a band code of up to 20 characters")
        .Require(!string.IsNullOrWhiteSpace(Name), nameof(Name), "Enter the band's name")
        .Require(Unit is null || Enum.TryParse<FeeUnit>(Unit, true, out _), nameof(Unit), "Unit must be Hour, Night, Week, Session or Placement")
        .Require(CeilingRate is null or > 0, nameof(CeilingRate), "Ceiling rate must be more than £0")
        .Require(CeilingRate is null || decimal.Round(CeilingRate.Value, 2) == CeilingRate, nameof(CeilingRate), "Ceiling rate must be in pounds and pence")
        .Require(ExpectedAnnualVolume is >= 0, nameof(ExpectedAnnualVolume), "Enter the expected annual volume (0 or more)");

    public void ApplyTo(FeeBand band)
    {
        band.Code = Code!.Trim();
        band.Name = Name!.Trim();
        band.NeedDescription = NeedDescription?.Trim() ?? "";
        band.Unit = Unit is null ? FeeUnit.Hour : Enum.Parse<FeeUnit>(Unit, true);
        band.CeilingRate = CeilingRate;
        band.ExpectedAnnualVolume = ExpectedAnnualVolume ?? 0;
    }
}

/// <summary>Adding, changing and removing lots and their fee bands while the procurement is not yet published.</summary>
public sealed class LotsAndBandsHandler(PortalDbContext db, AuditLog audit)
{
    public async Task<Outcome<Lot>> AddLotAsync(Guid procurementId, LotFields command, CancellationToken ct)
    {
        var procurement = await db.LoadWholeAsync(procurementId, ct);
        if (procurement is null)
        {
            return Outcome<Lot>.NotFound();
        }
        if (Refuse(procurement, command.Validate()) is { } errors)
        {
            return errors;
        }
        var lot = new Lot { Name = "", ProcurementId = procurement.Id, Number = procurement.Lots.Select(l => l.Number).DefaultIfEmpty().Max() + 1 };
        command.ApplyTo(lot);
        db.Lots.Add(lot);
        audit.Record("lot.added", nameof(Lot), lot.Id, $"{procurement.Reference} lot {lot.Number} {lot.Name}");
        await db.SaveChangesAsync(ct);
        return Outcome<Lot>.Ok(lot);
    }

    public async Task<Outcome<Lot>> UpdateLotAsync(Guid procurementId, Guid lotId, LotFields command, CancellationToken ct)
    {
        var (procurement, lot) = await FindLotAsync(procurementId, lotId, ct);
        if (lot is null)
        {
            return Outcome<Lot>.NotFound();
        }
        if (Refuse(procurement!, command.Validate()) is { } errors)
        {
            return errors;
        }
        command.ApplyTo(lot);
        audit.Record("lot.updated", nameof(Lot), lot.Id, $"{procurement!.Reference} lot {lot.Number} {lot.Name}");
        await db.SaveChangesAsync(ct);
        return Outcome<Lot>.Ok(lot);
    }

    public async Task<Outcome<Lot>> RemoveLotAsync(Guid procurementId, Guid lotId, CancellationToken ct)
    {
        var (procurement, lot) = await FindLotAsync(procurementId, lotId, ct);
        if (lot is null)
        {
            return Outcome<Lot>.NotFound();
        }
        if (Refuse(procurement!, new Errors()) is { } errors)
        {
            return errors;
        }
        db.Lots.Remove(lot);
        // Questions that applied only to some lots forget this one, so the evaluation model stays valid.
        foreach (var question in procurement!.Sections.SelectMany(s => s.Questions).Where(q => q.LotIds.Contains(lot.Id)))
        {
            question.LotIds = question.LotIds.Where(l => l != lot.Id).ToList();
        }
        audit.Record("lot.removed", nameof(Lot), lot.Id, $"{procurement!.Reference} lot {lot.Number} {lot.Name}");
        await db.SaveChangesAsync(ct);
        return Outcome<Lot>.Ok(lot);
    }

    public async Task<Outcome<FeeBand>> AddBandAsync(Guid procurementId, Guid lotId, BandFields command, CancellationToken ct)
    {
        var (procurement, lot) = await FindLotAsync(procurementId, lotId, ct);
        if (lot is null)
        {
            return Outcome<FeeBand>.NotFound();
        }
        var errors = command.Validate().Require(lot.Bands.All(b => !string.Equals(b.Code, command.Code?.Trim(), StringComparison.OrdinalIgnoreCase)),
            nameof(BandFields.Code), $"Lot {lot.Number} already has a band {command.Code}");
        if (Refuse(procurement!, errors) is { } refused)
        {
            return refused;
        }
        var band = new FeeBand { Code = "", Name = "", LotId = lot.Id };
        command.ApplyTo(band);
        db.FeeBands.Add(band);
        audit.Record("band.added", nameof(FeeBand), band.Id, $"{procurement!.Reference} lot {lot.Number} band {band.Code} ceiling {band.CeilingRate}");
        await db.SaveChangesAsync(ct);
        return Outcome<FeeBand>.Ok(band);
    }

    public async Task<Outcome<FeeBand>> UpdateBandAsync(Guid procurementId, Guid lotId, Guid bandId, BandFields command, CancellationToken ct)
    {
        var (procurement, lot) = await FindLotAsync(procurementId, lotId, ct);
        var band = lot?.Bands.SingleOrDefault(b => b.Id == bandId);
        if (band is null)
        {
            return Outcome<FeeBand>.NotFound();
        }
        var errors = command.Validate().Require(lot!.Bands.All(b => b.Id == bandId || !string.Equals(b.Code, command.Code?.Trim(), StringComparison.OrdinalIgnoreCase)),
            nameof(BandFields.Code), $"Lot {lot.Number} already has a band {command.Code}");
        if (Refuse(procurement!, errors) is { } refused)
        {
            return refused;
        }
        var before = $"{band.Code} ceiling {band.CeilingRate} volume {band.ExpectedAnnualVolume}";
        command.ApplyTo(band);
        audit.Record("band.updated", nameof(FeeBand), band.Id,
            $"{procurement!.Reference} lot {lot.Number}: {before} → {band.Code} ceiling {band.CeilingRate} volume {band.ExpectedAnnualVolume}");
        await db.SaveChangesAsync(ct);
        return Outcome<FeeBand>.Ok(band);
    }

    public async Task<Outcome<FeeBand>> RemoveBandAsync(Guid procurementId, Guid lotId, Guid bandId, CancellationToken ct)
    {
        var (procurement, lot) = await FindLotAsync(procurementId, lotId, ct);
        var band = lot?.Bands.SingleOrDefault(b => b.Id == bandId);
        if (band is null)
        {
            return Outcome<FeeBand>.NotFound();
        }
        if (Refuse(procurement!, new Errors()) is { } errors)
        {
            return errors;
        }
        db.FeeBands.Remove(band);
        audit.Record("band.removed", nameof(FeeBand), band.Id, $"{procurement!.Reference} lot {lot!.Number} band {band.Code}");
        await db.SaveChangesAsync(ct);
        return Outcome<FeeBand>.Ok(band);
    }

    private async Task<(Procurement? Procurement, Lot? Lot)> FindLotAsync(Guid procurementId, Guid lotId, CancellationToken ct)
    {
        var procurement = await db.LoadWholeAsync(procurementId, ct);
        return (procurement, procurement?.Lots.SingleOrDefault(l => l.Id == lotId));
    }

    /// <summary>The field errors, plus a refusal once the tender is published (lots and bands are then frozen).</summary>
    private static Errors? Refuse(Procurement procurement, Errors errors)
    {
        if (procurement.IsFrozen)
        {
            errors.Add("State", "The tender has been published: its lots and fee bands can only change by addendum");
        }
        return errors.IsEmpty ? null : errors;
    }
}
