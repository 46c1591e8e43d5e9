using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Procurements;

/// <summary>The fields of a procurement an officer sets; on update (PATCH) a field left out is left as it is.</summary>
public sealed partial record ProcurementFields
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    /// <summary>CPV code, e.g. 85312000-9.</summary>
    public string? CpvCode { get; init; }
    /// <summary>OpenFramework, CompetitiveFlexible or DynamicMarket.</summary>
    public string? ProcedureType { get; init; }
    public decimal? EstimatedValue { get; init; }
    public decimal? AnnualBudget { get; init; }
    public decimal? CurrentAnnualSpend { get; init; }
    public int? ContractTermMonths { get; init; }
    public string? ExtensionOptions { get; init; }
    /// <summary>Refuse or Flag: what happens to a rate above its band's ceiling.</summary>
    public string? CeilingBreachRule { get; init; }
    public DateTimeOffset? ClarificationDeadline { get; init; }
    public DateTimeOffset? SubmissionDeadline { get; init; }
    public List<PooledPartnerDto>? PooledPartners { get; init; }

    public Errors Validate(bool creating)
    {
        var errors = new Errors();
        if (creating || Title is not null)
        {
            errors.Require(!string.IsNullOrWhiteSpace(Title), nameof(Title), "Enter a title")
                .Require((Title?.Length ?? 0) <= 300, nameof(Title), "Title must be 300 characters or fewer");
        }
        errors.Require(CpvCode is null || Cpv().IsMatch(CpvCode), nameof(CpvCode), "Enter a CPV code like 85312000-9")
            .Require(ProcedureType is null || Enum.TryParse<ProcedureType>(ProcedureType, true, out _), nameof(ProcedureType),
                "Procedure type must be OpenFramework, CompetitiveFlexible or DynamicMarket")
            .Require(CeilingBreachRule is null || Enum.TryParse<CeilingBreachRule>(CeilingBreachRule, true, out _), nameof(CeilingBreachRule),
                "Ceiling breach rule must be Refuse or Flag")
            .Require(EstimatedValue is null or >= 0, nameof(EstimatedValue), "Estimated value cannot be negative")
            .Require(AnnualBudget is null or >= 0, nameof(AnnualBudget), "Annual budget cannot be negative")
            .Require(CurrentAnnualSpend is null or >= 0, nameof(CurrentAnnualSpend), "Current annual spend cannot be negative")
            .Require(ContractTermMonths is null or > 0 and <= 240, nameof(ContractTermMonths), "Contract term must be between 1 and 240 months");
        if (PooledPartners is { Count: > 0 } partners)
        {
            errors.Require(partners.All(p => !string.IsNullOrWhiteSpace(p.Name) && p.SharePercent is > 0 and <= 100), nameof(PooledPartners),
                    "Each pooled budget partner needs a name and a share between 0 and 100%")
                .Require(partners.Sum(p => p.SharePercent) == 100m, nameof(PooledPartners),
                    $"Pooled budget shares must add up to 100%; they add up to {partners.Sum(p => p.SharePercent):0.##}%");
        }
        return errors;
    }

    public void ApplyTo(Procurement p)
    {
        if (Title is not null) p.Title = Title.Trim();
        if (Description is not null) p.Description = Description.Trim();
        if (CpvCode is not null) p.CpvCode = CpvCode;
        if (ProcedureType is not null) p.ProcedureType = Enum.Parse<ProcedureType>(ProcedureType, true);
        if (EstimatedValue is not null) p.EstimatedValue = EstimatedValue;
        if (AnnualBudget is not null) p.AnnualBudget = AnnualBudget;
        if (CurrentAnnualSpend is not null) p.CurrentAnnualSpend = CurrentAnnualSpend;
        if (ContractTermMonths is not null) p.ContractTermMonths = ContractTermMonths;
        if (ExtensionOptions is not null) p.ExtensionOptions = ExtensionOptions;
        if (CeilingBreachRule is not null) p.CeilingBreachRule = Enum.Parse<CeilingBreachRule>(CeilingBreachRule, true);
        if (ClarificationDeadline is not null) p.ClarificationDeadline = ClarificationDeadline.Value.UtcDateTime;
        if (SubmissionDeadline is not null) p.SubmissionDeadline = SubmissionDeadline.Value.UtcDateTime;
        if (PooledPartners is not null) p.PooledPartners = PooledPartners.Select(x => new PooledPartner { Name = x.Name.Trim(), SharePercent = x.SharePercent }).ToList();
    }

    [GeneratedRegex(@"^\d{8}-\d$")]
    private static partial Regex Cpv();
}

public sealed class CreateProcurementHandler(PortalDbContext db, ITenantContext tenant, AuditLog audit)
{
    public async Task<Outcome<Procurement>> HandleAsync(ProcurementFields command, CancellationToken ct)
    {
        var errors = command.Validate(creating: true);
        if (!errors.IsEmpty)
        {
            return errors;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (reference, now) = await NextReferenceAsync(db, tenant.TenantId!.Value, ct);
        var procurement = new Procurement { Title = "", Reference = reference, CreatedAt = now };
        command.ApplyTo(procurement);
        db.Procurements.Add(procurement);
        audit.Record("procurement.created", nameof(Procurement), procurement.Id, $"{procurement.Reference} {procurement.Title}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<Procurement>.Ok(procurement);
    }

    /// <summary>
    /// The tenant's next procurement reference and the database clock, inside the caller's transaction: one reference
    /// sequence per tenant and year, so numbering is serialised within the tenant until the transaction ends.
    /// </summary>
    public static async Task<(string Reference, DateTime Now)> NextReferenceAsync(PortalDbContext db, Guid tenantId, CancellationToken ct)
    {
        await db.LockForTransactionAsync($"procurement-reference:{tenantId}", ct);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == tenantId, ct);
        var now = await db.DatabaseNowAsync(ct);
        var prefix = $"{ReferencePrefix(organisation)}-{now:yyyy}-";
        var taken = await db.Procurements.CountAsync(p => p.Reference.StartsWith(prefix), ct);
        return ($"{prefix}{taken + 1:0000}", now);
    }

    /// <summary>The tenant's configured prefix, else the initials of its name (Lancashire County Council → LCC).</summary>
    public static string ReferencePrefix(Organisation tenant)
    {
        if (!string.IsNullOrWhiteSpace(tenant.ReferencePrefix))
        {
            return tenant.ReferencePrefix;
        }
        var initials = string.Concat(tenant.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsUpper(w[0])).Select(w => w[0]));
        return initials.Length > 0 ? initials : "PRC";
    }
}

public sealed class UpdateProcurementHandler(PortalDbContext db, AuditLog audit)
{
    public async Task<Outcome<Procurement>> HandleAsync(Guid id, ProcurementFields command, CancellationToken ct)
    {
        var procurement = await db.LoadWholeAsync(id, ct);
        if (procurement is null)
        {
            return Outcome<Procurement>.NotFound();
        }
        var errors = command.Validate(creating: false);
        if (procurement.IsFrozen)
        {
            errors.Add("State", "The tender has been published: change it by addendum");
        }
        if (!errors.IsEmpty)
        {
            return errors;
        }
        command.ApplyTo(procurement);
        audit.Record("procurement.updated", nameof(Procurement), procurement.Id, procurement.Reference);
        await db.SaveChangesAsync(ct);
        return Outcome<Procurement>.Ok(procurement);
    }
}
