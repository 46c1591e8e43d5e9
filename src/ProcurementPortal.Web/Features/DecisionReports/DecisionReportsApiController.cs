using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.DecisionReports;
using ProcurementPortal.Core.Pdf;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.DecisionReports;

/// <summary>A report version with the figures it computes (frozen once approved) and its other versions.</summary>
public sealed record DecisionReportResponse(
    Guid Id, Guid SeriesId, int Version, string Status, string SubjectType, Guid SubjectId, string Title,
    string SummaryOfMainIssues, string Recommendations, string Background, IReadOnlyList<ReportOption> Options,
    decimal? BudgetReductionPercent, string ValueAndSavings, string ConsultationAndEngagement, IReadOnlyList<EqualityAssessment> Equality,
    string LegalImplications, string FinancialImplications, string DecisionMaker, DateOnly? DecisionDate, WaiverDetails? Waiver,
    string AuthorName, DateTimeOffset? SubmittedAt, string? DecidedByName, DateTimeOffset? DecidedAt, string? DecisionComment,
    DecisionReportFacts Facts, IReadOnlyList<DecisionReportSummary> Versions)
{
    public static DecisionReportResponse From(DecisionReportView view)
    {
        var r = view.Report;
        return new(r.Id, r.SeriesId, r.Version, r.Status.ToString(), r.SubjectType.ToString(), r.SubjectId, r.Title,
            r.SummaryOfMainIssues, r.Recommendations, r.Background, r.Options, r.BudgetReductionPercent, r.ValueAndSavings,
            r.ConsultationAndEngagement, r.Equality, r.LegalImplications, r.FinancialImplications, r.DecisionMaker, r.DecisionDate, r.Waiver,
            r.AuthorName, Utc(r.SubmittedAt), r.DecidedByName, Utc(r.DecidedAt), r.DecisionComment, view.Facts, view.Versions);
    }

    private static DateTimeOffset? Utc(DateTime? value) => Procurements.ProcurementResponse.Utc(value);
}

/// <param name="Exemptions">The contract procedure rule exemptions a waiver may rely on (the starting list until the tenant sets its own).</param>
public sealed record ReportTemplateResponse(decimal KeyDecisionThreshold, IReadOnlyList<TemplateSectionResponse> Sections, IReadOnlyList<WaiverExemption> Exemptions)
{
    public static ReportTemplateResponse From(DecisionReportTemplate t) => new(t.KeyDecisionThreshold,
        t.Sections.Select(s => new TemplateSectionResponse(s.Key, ReportSections.Find(s.Key)?.Heading ?? s.Key, s.Boilerplate)).ToList(),
        t.ExemptionChoices());
}

public sealed record TemplateSectionResponse(string Key, string Heading, string Boilerplate);

/// <summary>
/// Decision (DDP) reports of a tenant: draft one for a procurement, change the draft, send it for review, approve or
/// reject it (an approver who did not write it), make a new version of an approved or rejected one, and print it.
/// </summary>
[ApiController]
[Route("api/v1/t/{tenant}/decision-reports")]
[TenantScoped]
[Tags("Decision reports")]
[ProducesResponseType(StatusCodes.Status404NotFound)]
public sealed class DecisionReportsApiController(DecisionReportQueries queries, PdfRenderer pdf) : ControllerBase
{
    /// <summary>The latest version of every report.</summary>
    [HttpGet]
    [TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
    [ProducesResponseType<List<DecisionReportSummary>>(StatusCodes.Status200OK)]
    public async Task<List<DecisionReportSummary>> List([FromQuery] PageRequest paging, CancellationToken ct) => this.Page(await queries.ListAsync(ct), paging);

    [HttpPost]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<DecisionReportResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Draft(DraftDecisionReportCommand command, [FromServices] DraftDecisionReportHandler handler, CancellationToken ct) =>
        await RespondAsync(await handler.HandleAsync(command, ct), StatusCodes.Status201Created, ct);

    /// <summary>Starts a waiver report: contracts from the register to extend without competition, and by how many months.</summary>
    [HttpPost("waivers")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<DecisionReportResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> DraftWaiver(DraftWaiverReportCommand command, [FromServices] DraftWaiverReportHandler handler, CancellationToken ct) =>
        await RespondAsync(await handler.HandleAsync(command, ct), StatusCodes.Status201Created, ct);

    [HttpGet("{id:guid}")]
    [TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
    [ProducesResponseType<DecisionReportResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<DecisionReportResponse>> Get(Guid id, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } view ? DecisionReportResponse.From(view) : NotFound();

    /// <summary>Replaces the content of a draft. An approved report is refused (and the attempt audited): make a new version.</summary>
    [HttpPut("{id:guid}")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<DecisionReportResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Update(Guid id, UpdateDecisionReportCommand command, [FromServices] UpdateDecisionReportHandler handler, CancellationToken ct) =>
        await RespondAsync(await handler.HandleAsync(id, command, ct), StatusCodes.Status200OK, ct);

    /// <summary>Sends a complete draft for review; every missing part is listed at once.</summary>
    [HttpPost("{id:guid}/submit")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<DecisionReportResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Submit(Guid id, [FromServices] SubmitDecisionReportHandler handler, CancellationToken ct) =>
        await RespondAsync(await handler.HandleAsync(id, ct), StatusCodes.Status200OK, ct);

    [HttpPost("{id:guid}/approve")]
    [TenantScoped(Role.Approver)]
    [ProducesResponseType<DecisionReportResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Approve(Guid id, DecideDecisionReportCommand command, [FromServices] DecideDecisionReportHandler handler, CancellationToken ct) =>
        await RespondAsync(await handler.ApproveAsync(id, command, ct), StatusCodes.Status200OK, ct);

    [HttpPost("{id:guid}/reject")]
    [TenantScoped(Role.Approver)]
    [ProducesResponseType<DecisionReportResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Reject(Guid id, DecideDecisionReportCommand command, [FromServices] DecideDecisionReportHandler handler, CancellationToken ct) =>
        await RespondAsync(await handler.RejectAsync(id, command, ct), StatusCodes.Status200OK, ct);

    /// <summary>Copies the latest version of an approved or rejected report into a new draft.</summary>
    [HttpPost("{id:guid}/new-version")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<DecisionReportResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> NewVersion(Guid id, [FromServices] NewDecisionReportVersionHandler handler, CancellationToken ct) =>
        await RespondAsync(await handler.HandleAsync(id, ct), StatusCodes.Status201Created, ct);

    /// <summary>The report as a PDF, on the tenant's letterhead.</summary>
    [HttpGet("{id:guid}/pdf")]
    [TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
    [Produces("application/pdf")]
    [ProducesResponseType<FileContentResult>(StatusCodes.Status200OK, "application/pdf")]
    public async Task<ActionResult> Pdf(Guid id, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } view ? DecisionReportPdf.File(this, pdf, view) : NotFound();

    /// <summary>The report as a Word document, for finishing in Word: the same blocks as the PDF, with Word's heading styles.</summary>
    [HttpGet("{id:guid}/docx")]
    [TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
    [Produces(DocxWriter.ContentType)]
    [ProducesResponseType<FileContentResult>(StatusCodes.Status200OK, DocxWriter.ContentType)]
    public async Task<ActionResult> Docx(Guid id, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } view ? DecisionReportPdf.Docx(this, view) : NotFound();

    [HttpGet("template")]
    [TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
    [ProducesResponseType<ReportTemplateResponse>(StatusCodes.Status200OK)]
    public async Task<ReportTemplateResponse> Template(CancellationToken ct) => ReportTemplateResponse.From(await queries.TemplateAsync(ct));

    [HttpPut("template")]
    [TenantScoped(Role.TenantAdmin)]
    [ProducesResponseType<ReportTemplateResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> SaveTemplate(SaveReportTemplateCommand command, [FromServices] SaveReportTemplateHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(command, ct), t => Ok(ReportTemplateResponse.From(t)));

    private async Task<ActionResult> RespondAsync(Outcome<DecisionReport> outcome, int status, CancellationToken ct)
    {
        if (!outcome.Succeeded)
        {
            return this.ToApiResult(outcome, _ => Ok());
        }
        var view = await queries.GetAsync(outcome.Value!.Id, ct);
        return view is null ? NotFound() : StatusCode(status, DecisionReportResponse.From(view));
    }
}

/// <summary>The report's PDF (or Word document) as a download named after its subject and version.</summary>
public static class DecisionReportPdf
{
    public static FileContentResult File(ControllerBase controller, PdfRenderer pdf, DecisionReportView view) =>
        controller.File(pdf.Render(view.Document), "application/pdf", $"{Name(view)}.pdf");

    public static FileContentResult Docx(ControllerBase controller, DecisionReportView view) =>
        controller.File(DocxWriter.Write(view.Document), DocxWriter.ContentType, $"{Name(view)}.docx");

    private static string Name(DecisionReportView view) => $"{view.Facts.SubjectReference}-decision-report-v{view.Report.Version}";
}
