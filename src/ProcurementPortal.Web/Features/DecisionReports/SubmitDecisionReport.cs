using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.DecisionReports;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.DecisionReports;

/// <summary>
/// An officer sends a draft for review once it is complete: every written section, at least two options with one
/// preferred, each protected characteristic assessed with evidence, the decision-maker and the date of the decision.
/// Errors are keyed by the fields of <see cref="UpdateDecisionReportCommand"/>, where they are put right.
/// </summary>
public sealed class SubmitDecisionReportHandler(PortalDbContext db, AuditLog audit)
{
    public async Task<Outcome<DecisionReport>> HandleAsync(Guid id, CancellationToken ct)
    {
        if (await db.DecisionReports.SingleOrDefaultAsync(r => r.Id == id, ct) is not { } report)
        {
            return Outcome<DecisionReport>.NotFound();
        }
        if (await DecisionReportRules.RefuseChangeAsync(db, audit, report, ct) is { } refused)
        {
            return refused;
        }
        var errors = Completeness(report);
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var now = await db.DatabaseNowAsync(ct);
        report.Status = DecisionReportStatus.InReview;
        report.SubmittedAt = now;
        report.UpdatedAt = now;
        audit.Record("decision-report.submitted", nameof(DecisionReport), report.Id, $"{report.Title} (version {report.Version}) sent for review");
        await db.SaveChangesAsync(ct);
        return Outcome<DecisionReport>.Ok(report);
    }

    public static Errors Completeness(DecisionReport r)
    {
        var errors = new Errors()
            .Require(!string.IsNullOrWhiteSpace(r.SummaryOfMainIssues), nameof(UpdateDecisionReportCommand.SummaryOfMainIssues), "Write the summary of main issues")
            .Require(!string.IsNullOrWhiteSpace(r.Recommendations), nameof(UpdateDecisionReportCommand.Recommendations), "Write the recommendations")
            .Require(!string.IsNullOrWhiteSpace(r.Background), nameof(UpdateDecisionReportCommand.Background), "Write the background")
            .Require(r.Options.Count >= 2, nameof(UpdateDecisionReportCommand.Options), "Appraise at least two options")
            .Require(r.Options.Count(o => o.Preferred) == 1, nameof(UpdateDecisionReportCommand.Options), "Choose the preferred option")
            .Require(!string.IsNullOrWhiteSpace(r.LegalImplications), nameof(UpdateDecisionReportCommand.LegalImplications), "Write the legal implications")
            .Require(!string.IsNullOrWhiteSpace(r.FinancialImplications), nameof(UpdateDecisionReportCommand.FinancialImplications), "Write the financial implications")
            .Require(!string.IsNullOrWhiteSpace(r.DecisionMaker), nameof(UpdateDecisionReportCommand.DecisionMaker), "Enter who takes the decision")
            .Require(r.DecisionDate is not null, nameof(UpdateDecisionReportCommand.DecisionDate), "Enter the date of the decision");
        if (r.SubjectType == DecisionSubjectType.Waiver)
        {
            var w = r.Waiver;
            errors.Require(w is { Contracts.Count: > 0 }, nameof(UpdateDecisionReportCommand.ContractIds), "Select the contracts the waiver extends")
                .Require(w?.ExemptionCode is not null, nameof(UpdateDecisionReportCommand.ExemptionCode), "Choose the exemption the waiver relies on")
                .Require(!string.IsNullOrWhiteSpace(w?.Reasons), nameof(UpdateDecisionReportCommand.WaiverReasons), "Write the reasons for the waiver")
                .Require(!string.IsNullOrWhiteSpace(w?.Risks), nameof(UpdateDecisionReportCommand.WaiverRisks), "Write the risks")
                .Require(!string.IsNullOrWhiteSpace(w?.ReprocurementPlan), nameof(UpdateDecisionReportCommand.ReprocurementPlan), "Write the plan to re-procure");
        }
        for (var i = 0; i < r.Equality.Count; i++)
        {
            errors.Require(r.Equality[i].Impact is not null, $"Equality[{i}].Impact", $"Choose the impact on {r.Equality[i].Characteristic.ToLowerInvariant()}")
                .Require(!string.IsNullOrWhiteSpace(r.Equality[i].Evidence), $"Equality[{i}].Evidence", $"Give the evidence for the impact on {r.Equality[i].Characteristic.ToLowerInvariant()}");
        }
        return errors;
    }
}
