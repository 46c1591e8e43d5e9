using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
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
        if (approve)
        {
            var facts = await queries.ComputeFactsAsync(report, await queries.TemplateAsync(ct), ct);
            if (facts is null)
            {
                return new Errors().Add("Status", "The report's procurement is no longer there: the report cannot be approved");
            }
            report.ApprovedFactsJson = DecisionReportQueries.Freeze(facts);
        }
        var now = await db.DatabaseNowAsync(ct);
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
}
