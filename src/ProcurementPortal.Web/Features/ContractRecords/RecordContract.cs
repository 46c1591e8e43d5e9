using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.ContractRecords;

/// <summary>A contract let before the portal, or outside it, as the register records it.</summary>
public sealed record RecordContractCommand
{
    /// <summary>The council's own reference for the contract, unique in the register.</summary>
    public string? Reference { get; init; }
    public string? Title { get; init; }
    public string? ProviderName { get; init; }
    /// <summary>The service or lot the contract is for.</summary>
    public string? Service { get; init; }
    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    /// <summary>What the contract costs a year; an extension costs this pro rata.</summary>
    public decimal? AnnualValue { get; init; }
    /// <summary>Its value over the term so far; left out, the annual value over the term from start to end.</summary>
    public decimal? Value { get; init; }
    /// <summary>Any extension options left, e.g. "1 + 1 years".</summary>
    public string? ExtensionOptions { get; init; }

    public Errors Validate() => new Errors()
        .RequireText(Reference, nameof(Reference), "the contract's reference", 80)
        .RequireText(Title, nameof(Title), "what the contract is for", 400)
        .RequireText(ProviderName, nameof(ProviderName), "the provider's name", 200)
        .LimitText(Service, nameof(Service), "the service", 200)
        .Require(StartsOn is not null, nameof(StartsOn), "Enter the date the contract started")
        .Require(EndsOn is not null, nameof(EndsOn), "Enter the date the contract ends")
        .Require(StartsOn is null || EndsOn is null || EndsOn >= StartsOn, nameof(EndsOn), "The contract must end on or after the day it starts")
        .Require(AnnualValue is not null, nameof(AnnualValue), "Enter what the contract costs a year")
        .Require(AnnualValue is null or >= 0, nameof(AnnualValue), "The annual value must be £0 or more")
        .Require(Value is null or >= 0, nameof(Value), "The value must be £0 or more")
        .LimitText(ExtensionOptions, nameof(ExtensionOptions), "the extension options", 400);

    /// <summary>The annual value over the whole months from start to end (a year's contract is worth one annual value).</summary>
    public static decimal ValueOverTerm(decimal annualValue, DateOnly startsOn, DateOnly endsOn)
    {
        var months = (endsOn.AddDays(1).Year - startsOn.Year) * 12 + endsOn.AddDays(1).Month - startsOn.Month;
        return ContractTerms.ProRata(annualValue, Math.Max(months, 0));
    }
}

/// <summary>
/// An officer records an existing contract in the register, so that it can be extended by a waiver and reminded of
/// before it ends like the contracts the portal awards. The officer who records it owns its reminders.
/// </summary>
public sealed class RecordContractHandler(PortalDbContext db, AuditLog audit, IActor actor)
{
    public async Task<Outcome<Contract>> HandleAsync(RecordContractCommand command, CancellationToken ct)
    {
        var errors = command.Validate();
        var reference = command.Reference?.Trim();
        errors.Require(reference is null || !await db.Contracts.AnyAsync(c => c.Reference == reference, ct), nameof(command.Reference),
            "The register already has a contract with this reference");
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var now = await db.DatabaseNowAsync(ct);
        var contract = new Contract
        {
            Reference = reference!,
            Title = command.Title!.Trim(),
            ProviderName = command.ProviderName!.Trim(),
            LotName = command.Service?.Trim() ?? "",
            StartsOn = command.StartsOn!.Value,
            EndsOn = command.EndsOn!.Value,
            AnnualValue = command.AnnualValue!.Value,
            Value = command.Value ?? RecordContractCommand.ValueOverTerm(command.AnnualValue.Value, command.StartsOn.Value, command.EndsOn.Value),
            ExtensionOptions = string.IsNullOrWhiteSpace(command.ExtensionOptions) ? null : command.ExtensionOptions.Trim(),
            OwnerUserId = actor.UserId ?? throw new InvalidOperationException("Only a signed-in officer records contracts."),
            CreatedAt = now,
        };
        db.Contracts.Add(contract);
        audit.Record("contract.recorded", nameof(Contract), contract.Id,
            $"{contract.Reference} {contract.ProviderName}: {contract.StartsOn:yyyy-MM-dd} to {contract.EndsOn:yyyy-MM-dd}, {Money.Format(contract.AnnualValue)} a year");
        await db.SaveChangesAsync(ct);
        return Outcome<Contract>.Ok(contract);
    }
}
