using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.DecisionReports;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.DecisionReports;

public sealed record DecideDecisionReportCommand
{
    /// <summary>Why the report is rejected (required to reject), or a note on the approval.</summary>
    public string? Comment { get; init; }
}

/// <summary>
/// An approver who did not write the report approves or rejects it while it is in review. Approval freezes the
/// figures the report shows as they stand, so the approved report reads the same whatever changes later.
/// </summary>
public sealed class DecideDecisionReportHandler(PortalDbContext db, AuditLog audit, IActor actor, DecisionReportQueries queries)
{
    public Task<Outcome<DecisionReport>> ApproveAsync(Guid id, DecideDecisionReportCommand command, CancellationToken ct) =>
        DecideAsync(id, approve: true, command, ct);

    public Task<Outcome<DecisionReport>> RejectAsync(Guid id, DecideDecisionReportCommand command, CancellationToken ct) =>
        DecideAsync(id, approve: false, command, ct);

    private async Task<Outcome<DecisionReport>> DecideAsync(Guid id, bool approve, DecideDecisionReportCommand command, CancellationToken ct)
    {
        if (await db.DecisionReports.SingleOrDefaultAsync(r => r.Id == id, ct) is not { } report)
        {
            return Outcome<DecisionReport>.NotFound();
        }
        var errors = new Errors()
            .Require(report.Status == DecisionReportStatus.InReview, "Status",
                report.Status == DecisionReportStatus.Approved ? DecisionReportRules.ApprovedMessage : "Only a report in review can be approved or rejected")
            .Require(report.AuthorUserId is null || report.AuthorUserId != actor.UserId, "Status", "You wrote this version of the report: another approver must decide on it")
            .Require(approve || !string.IsNullOrWhiteSpace(command.Comment), nameof(command.Comment), "Say why the report is rejected")
            .LimitText(command.Comment, nameof(command.Comment), "the comment", 4000);
        if (!errors.IsEmpty)
        {
            return errors;
        }
        DecisionReportFacts? facts = null;
        if (approve)
        {
            facts = await queries.ComputeFactsAsync(report, await queries.TemplateAsync(ct), ct);
            if (facts is null)
            {
                return new Errors().Add("Status", "The report's procurement is no longer there: the report cannot be approved");
            }
            if (report.SubjectType == DecisionSubjectType.Waiver && facts.Waiver?.Contracts.Count != report.Waiver?.Contracts.Count)
            {
                return new Errors().Add("Status", "A contract of the waiver is no longer in the register: make a new version without it");
            }
            report.ApprovedFactsJson = DecisionReportQueries.Freeze(facts);
        }
        var now = await db.DatabaseNowAsync(ct);
        if (approve && report.SubjectType == DecisionSubjectType.Waiver)
        {
            await ExtendContractsAsync(report, facts!.Waiver!, now, ct);
        }
        report.Status = approve ? DecisionReportStatus.Approved : DecisionReportStatus.Rejected;
        report.DecidedAt = now;
        report.DecidedByUserId = actor.UserId;
        report.DecidedByName = actor.Name;
        report.DecisionComment = string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim();
        report.UpdatedAt = now;
        audit.Record(approve ? "decision-report.approved" : "decision-report.rejected", nameof(DecisionReport), report.Id,
            $"{report.Title} (version {report.Version}){(report.DecisionComment is { } c ? $": {c}" : "")}");
        await db.SaveChangesAsync(ct);
        return Outcome<DecisionReport>.Ok(report);
    }

    /// <summary>
    /// An approved waiver extends its contracts as the approved figures say, in the same transaction as the approval:
    /// each contract's end and value move, its extension is recorded with the waiver as its authority, and its expiry
    /// reminders start again for the new end.
    /// </summary>
    private async Task ExtendContractsAsync(DecisionReport report, WaiverFacts waiver, DateTime now, CancellationToken ct)
    {
        var ids = waiver.Contracts.Select(c => c.ContractId).ToList();
        var contracts = await db.Contracts.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var authority = $"Waiver report “{report.Title}” version {report.Version}, approved by {actor.Name}";
        foreach (var row in waiver.Contracts)
        {
            var contract = contracts[row.ContractId];
            db.ContractExtensions.Add(new ContractExtension
            {
                ContractId = contract.Id,
                PreviousEndsOn = contract.EndsOn,
                NewEndsOn = row.NewEndsOn,
                AddedValue = row.ExtensionValue,
                Authority = authority,
                DecisionReportId = report.Id,
                RecordedAt = now,
                RecordedByName = actor.Name,
            });
            audit.Record("contract.extended", nameof(Contract), contract.Id,
                $"{contract.Reference} {contract.ProviderName}: end {contract.EndsOn:yyyy-MM-dd} → {row.NewEndsOn:yyyy-MM-dd}, value +{Money.Format(row.ExtensionValue)} ({authority})");
            contract.EndsOn = row.NewEndsOn;
            contract.Value += row.ExtensionValue;
            contract.Reminded6MonthsAt = null;
            contract.Reminded3MonthsAt = null;
            contract.Reminded1MonthAt = null;
        }
    }
}
