using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.DecisionReports;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Pdf;
using ProcurementPortal.Core.Reports;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Web.Features.DecisionReports;

/// <summary>A report with everything shown beside it: its computed facts, its document, and its other versions.</summary>
public sealed record DecisionReportView(
    DecisionReport Report, DecisionReportFacts Facts, PdfDocumentModel Document, IReadOnlyList<DecisionReportSummary> Versions)
{
    public bool IsLatestVersion => Versions.Count == 0 || Versions.Max(v => v.Version) == Report.Version;
}

public sealed record DecisionReportSummary(
    Guid Id, Guid SeriesId, int Version, string Title, string Status, string SubjectType, Guid SubjectId, string AuthorName,
    DateTimeOffset UpdatedAt, DateOnly? DecisionDate)
{
    public static DecisionReportSummary From(DecisionReport r) => new(r.Id, r.SeriesId, r.Version, r.Title, r.Status.ToString(),
        r.SubjectType.ToString(), r.SubjectId, r.AuthorName, new DateTimeOffset(DateTime.SpecifyKind(r.UpdatedAt, DateTimeKind.Utc)), r.DecisionDate);
}

/// <summary>Reading decision reports and computing what they show; the tenant filters bound every query.</summary>
public sealed class DecisionReportQueries(PortalDbContext db, ITenantContext tenant)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<List<DecisionReportSummary>> ListAsync(CancellationToken ct) =>
        (await db.DecisionReports.AsNoTracking().OrderByDescending(r => r.UpdatedAt).ToListAsync(ct))
        .GroupBy(r => r.SeriesId)
        .Select(g => DecisionReportSummary.From(g.OrderByDescending(r => r.Version).First()))
        .ToList();

    public async Task<DecisionReportView?> GetAsync(Guid id, CancellationToken ct)
    {
        var report = await db.DecisionReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return null;
        }
        var template = await TemplateAsync(ct);
        var facts = FrozenFacts(report) ?? await ComputeFactsAsync(report, template, ct);
        if (facts is null)
        {
            return null;
        }
        var versions = (await db.DecisionReports.AsNoTracking().Where(r => r.SeriesId == report.SeriesId).OrderBy(r => r.Version).ToListAsync(ct))
            .Select(DecisionReportSummary.From).ToList();
        var document = DecisionReportDocument.Build(report, facts, template, await LetterheadAsync(ct));
        return new DecisionReportView(report, facts, document, versions);
    }

    /// <summary>The tenant's template, or the default one (the papers' sections, £500,000) when it has none.</summary>
    public async Task<DecisionReportTemplate> TemplateAsync(CancellationToken ct) =>
        await db.DecisionReportTemplates.AsNoTracking().SingleOrDefaultAsync(ct) ?? DecisionReportTemplate.Default();

    /// <summary>The figures as the subject's data gives them now; null when the subject is gone or not yet supported.</summary>
    public async Task<DecisionReportFacts?> ComputeFactsAsync(DecisionReport report, DecisionReportTemplate template, CancellationToken ct)
    {
        if (report.SubjectType == DecisionSubjectType.Waiver)
        {
            var ids = report.Waiver?.Contracts.Select(c => c.ContractId).ToList() ?? [];
            var contracts = await db.Contracts.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
            var extensions = await db.ContractExtensions.AsNoTracking().Where(x => ids.Contains(x.ContractId)).ToListAsync(ct);
            return DecisionReportFacts.ForWaiver(report, contracts, extensions, report.DecisionDate, template.KeyDecisionThreshold);
        }
        if (report.SubjectType != DecisionSubjectType.Procurement
            || await db.Procurements.AsNoTracking().SingleOrDefaultAsync(p => p.Id == report.SubjectId, ct) is not { } procurement)
        {
            return null;
        }
        var statements = await db.MarketIntentStatements.AsNoTracking()
            .Where(s => s.ProcurementId == procurement.Id)
            .Include(s => s.Events).ThenInclude(e => e.Registrations)
            .ToListAsync(ct);
        var statementIds = statements.Select(s => s.Id).ToList();
        var interests = await db.ExpressionsOfInterest.AsNoTracking().Where(i => statementIds.Contains(i.StatementId)).ToListAsync(ct);
        return DecisionReportFacts.ForProcurement(procurement, statements, interests, report.BudgetReductionPercent, report.DecisionDate, template.KeyDecisionThreshold);
    }

    public static string Freeze(DecisionReportFacts facts) => JsonSerializer.Serialize(facts, Json);

    private static DecisionReportFacts? FrozenFacts(DecisionReport report) =>
        report.ApprovedFactsJson is { } json ? JsonSerializer.Deserialize<DecisionReportFacts>(json, Json) : null;

    private async Task<Letterhead> LetterheadAsync(CancellationToken ct)
    {
        var id = tenant.TenantId ?? throw new InvalidOperationException("No tenant is set.");
        var org = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == id, ct);
        return new Letterhead(org.Name, string.IsNullOrWhiteSpace(org.AddressSingleLine) ? null : org.AddressSingleLine, org.Logo);
    }

    /// <summary>The contracts of the register a waiver can extend, those ending soonest first.</summary>
    public async Task<List<Core.Domain.Award.Contract>> ContractsAsync(CancellationToken ct) =>
        await db.Contracts.AsNoTracking().OrderBy(c => c.EndsOn).ThenBy(c => c.Reference).ToListAsync(ct);

    /// <summary>Procurements a report can be drafted for, newest first.</summary>
    public async Task<List<Procurement>> ProcurementsAsync(CancellationToken ct) =>
        await db.Procurements.AsNoTracking().Where(p => p.State != ProcurementState.Cancelled).OrderByDescending(p => p.CreatedAt).ToListAsync(ct);
}
