using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.DecisionReports;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.DecisionReports;

public sealed record DraftDecisionReportCommand
{
    /// <summary>The procurement the report decides about.</summary>
    public Guid? ProcurementId { get; init; }
    public string? Title { get; init; }

    public Errors Validate() => new Errors()
        .Require(ProcurementId is not null, nameof(ProcurementId), "Select the procurement the report is about")
        .RequireText(Title, nameof(Title), "a title for the report", 300);
}

/// <summary>
/// An officer starts a decision report for a procurement: version 1, a draft, with the papers' sections empty and
/// the equality impact assessment listing the nine protected characteristics to assess.
/// </summary>
public sealed class DraftDecisionReportHandler(PortalDbContext db, AuditLog audit, IActor actor)
{
    public async Task<Outcome<DecisionReport>> HandleAsync(DraftDecisionReportCommand command, CancellationToken ct)
    {
        var errors = command.Validate();
        var procurement = command.ProcurementId is { } id ? await db.Procurements.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) : null;
        errors.Require(command.ProcurementId is null || procurement is not null, nameof(command.ProcurementId), "Select a procurement of this organisation");
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var now = await db.DatabaseNowAsync(ct);
        var report = new DecisionReport
        {
            SubjectType = DecisionSubjectType.Procurement,
            SubjectId = procurement!.Id,
            Title = command.Title!.Trim(),
            Equality = ProtectedCharacteristics.All.Select(c => new EqualityAssessment { Characteristic = c }).ToList(),
            AuthorUserId = actor.UserId,
            AuthorName = actor.Name,
            CreatedAt = now,
            UpdatedAt = now,
        };
        report.SeriesId = report.Id;
        db.DecisionReports.Add(report);
        audit.Record("decision-report.drafted", nameof(DecisionReport), report.Id, $"{procurement.Reference}: {report.Title} (version 1)");
        await db.SaveChangesAsync(ct);
        return Outcome<DecisionReport>.Ok(report);
    }
}
