using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.DecisionReports;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.DecisionReports;

public sealed record DraftWaiverReportCommand
{
    public string? Title { get; init; }
    /// <summary>The contracts of the register to extend without competition.</summary>
    public IReadOnlyList<Guid>? ContractIds { get; init; }
    /// <summary>How many months each contract is extended by (1 to 60).</summary>
    public int? ExtensionMonths { get; init; }

    public Errors Validate() => new Errors()
        .RequireText(Title, nameof(Title), "a title for the report", 300)
        .Require(ContractIds is { Count: > 0 }, nameof(ContractIds), "Select the contracts the waiver extends")
        .Require(ExtensionMonths is not null, nameof(ExtensionMonths), "Enter how many months the contracts are extended by")
        .Require(ExtensionMonths is null or (>= WaiverRules.MinMonths and <= WaiverRules.MaxMonths), nameof(ExtensionMonths),
            $"The extension must be between {WaiverRules.MinMonths} and {WaiverRules.MaxMonths} months");
}

/// <summary>
/// An officer starts a waiver report: the contracts picked from the register and the months they would be extended
/// by; version 1, a draft, whose subject is the waiver itself. The reasons, the exemption, the risks and the plan to
/// re-procure are written on the edit page like the other sections.
/// </summary>
public sealed class DraftWaiverReportHandler(PortalDbContext db, AuditLog audit, IActor actor)
{
    public async Task<Outcome<DecisionReport>> HandleAsync(DraftWaiverReportCommand command, CancellationToken ct)
    {
        var errors = command.Validate();
        await WaiverRules.CheckContractsAsync(db, command.ContractIds, errors, nameof(command.ContractIds), ct);
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var now = await db.DatabaseNowAsync(ct);
        var report = new DecisionReport
        {
            SubjectType = DecisionSubjectType.Waiver,
            Title = command.Title!.Trim(),
            Waiver = new WaiverDetails
            {
                Contracts = command.ContractIds!.Distinct().Select(id => new WaivedContract { ContractId = id }).ToList(),
                ExtensionMonths = command.ExtensionMonths!.Value,
            },
            Equality = ProtectedCharacteristics.All.Select(c => new EqualityAssessment { Characteristic = c }).ToList(),
            AuthorUserId = actor.UserId,
            AuthorName = actor.Name,
            CreatedAt = now,
            UpdatedAt = now,
        };
        report.SeriesId = report.Id;
        report.SubjectId = report.Id;
        db.DecisionReports.Add(report);
        audit.Record("decision-report.drafted", nameof(DecisionReport), report.Id,
            $"Waiver: {report.Title} (version 1), {report.Waiver.Contracts.Count} contracts by {report.Waiver.ExtensionMonths} months");
        await db.SaveChangesAsync(ct);
        return Outcome<DecisionReport>.Ok(report);
    }
}

/// <summary>The checks a waiver's content shares between drafting and changing it.</summary>
public static class WaiverRules
{
    public const int MinMonths = 1;
    public const int MaxMonths = 60;

    /// <summary>Every contract must be one of this tenant's (the tenant filter hides the others, so theirs read as missing).</summary>
    public static async Task CheckContractsAsync(PortalDbContext db, IReadOnlyList<Guid>? ids, Errors errors, string field, CancellationToken ct)
    {
        if (ids is not { Count: > 0 })
        {
            return;
        }
        var wanted = ids.Distinct().ToList();
        var found = await db.Contracts.AsNoTracking().CountAsync(c => wanted.Contains(c.Id), ct);
        errors.Require(found == wanted.Count, field, "Select contracts from your organisation's contract register");
    }
}
