using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.DecisionReports;
using ProcurementPortal.Core.Pdf;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.DecisionReports;

public sealed record DecisionReportsPage(IReadOnlyList<DecisionReportSummary> Reports, bool CanDraft, bool CanEditTemplate);

public sealed class NewReportForm
{
    public string? ProcurementId { get; set; }
    public string? Title { get; set; }
}

/// <summary>The pages of decision reports: list, draft, edit, preview with the workflow's buttons, PDF, and the template.</summary>
[TenantScoped]
[Route("{tenant}/decision-reports")]
public sealed class DecisionReportsController(DecisionReportQueries queries) : Controller
{
    private TenantMembership Member => HttpContext.TenantMembership()!;
    private string Home => $"/{Member.Slug}/decision-reports";

    [HttpGet("")]
    [TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(new DecisionReportsPage(await queries.ListAsync(ct), Member.Has(Role.ProcurementOfficer), Member.Has(Role.TenantAdmin)));

    [HttpGet("new")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> New(CancellationToken ct) => await NewViewAsync(new NewReportForm(), ct);

    [HttpPost("new")]
    [ApiTwin("POST /api/v1/t/{tenant}/decision-reports")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> New(NewReportForm form, [FromServices] DraftDecisionReportHandler handler, CancellationToken ct)
    {
        var command = new DraftDecisionReportCommand { ProcurementId = Guid.TryParse(form.ProcurementId, out var id) ? id : null, Title = form.Title };
        var outcome = await handler.HandleAsync(command, ct);
        var redisplay = outcome.Succeeded ? null : await NewViewAsync(form, ct);
        return this.ToPageResult(outcome, () => redisplay!, r =>
        {
            TempData["Success"] = "Decision report started: write its sections, then send it for review";
            return Redirect($"{Home}/{r.Id}/edit");
        });
    }

    [HttpGet("new-waiver")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> NewWaiver(CancellationToken ct) => await NewWaiverViewAsync(new NewWaiverForm { ExtensionMonths = "12" }, ct);

    [HttpPost("new-waiver")]
    [ApiTwin("POST /api/v1/t/{tenant}/decision-reports/waivers")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> NewWaiver(NewWaiverForm form, [FromServices] DraftWaiverReportHandler handler, CancellationToken ct)
    {
        var formErrors = new Errors();
        var command = form.ToCommand(formErrors);
        var outcome = formErrors.IsEmpty ? await handler.HandleAsync(command, ct) : formErrors;
        var redisplay = outcome.Succeeded ? null : await NewWaiverViewAsync(form, ct);
        return this.ToPageResult(outcome, () => redisplay!, r =>
        {
            TempData["Success"] = "Waiver report started: give the reasons, the exemption, the risks and the plan to re-procure, then send it for review";
            return Redirect($"{Home}/{r.Id}/edit");
        });
    }

    [HttpGet("{id:guid}")]
    [TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } view ? View(view) : NotFound();

    [HttpGet("{id:guid}/pdf")]
    [TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
    public async Task<IActionResult> Pdf(Guid id, [FromServices] PdfRenderer pdf, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } view ? DecisionReportPdf.File(this, pdf, view) : NotFound();

    [HttpGet("{id:guid}/docx")]
    [TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
    public async Task<IActionResult> Docx(Guid id, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } view ? DecisionReportPdf.Docx(this, view) : NotFound();

    [HttpGet("{id:guid}/edit")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } view)
        {
            return NotFound();
        }
        return view.Report.IsEditable ? await EditViewAsync(view, DecisionReportForm.From(view.Report), ct) : Redirect($"{Home}/{id}");
    }

    [HttpPost("{id:guid}/edit")]
    [ApiTwin("PUT /api/v1/t/{tenant}/decision-reports/{id}")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Edit(Guid id, DecisionReportForm form, [FromServices] UpdateDecisionReportHandler handler, CancellationToken ct)
    {
        var formErrors = new Errors();
        var command = form.ToCommand(formErrors);
        var outcome = formErrors.IsEmpty ? await handler.HandleAsync(id, command, ct) : formErrors;
        return await PageOutcomeAsync(id, outcome, form, r =>
        {
            TempData["Success"] = "Your changes are saved";
            return Redirect($"{Home}/{r.Id}");
        }, ct);
    }

    [HttpPost("{id:guid}/submit")]
    [ApiTwin("POST /api/v1/t/{tenant}/decision-reports/{id}/submit")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Submit(Guid id, [FromServices] SubmitDecisionReportHandler handler, CancellationToken ct) =>
        await PageOutcomeAsync(id, await handler.HandleAsync(id, ct), null, r =>
        {
            TempData["Success"] = $"Version {r.Version} is sent for review: an approver can now approve or reject it";
            return Redirect($"{Home}/{r.Id}");
        }, ct);

    [HttpPost("{id:guid}/approve")]
    [ApiTwin("POST /api/v1/t/{tenant}/decision-reports/{id}/approve")]
    [TenantScoped(Role.Approver)]
    public async Task<IActionResult> Approve(Guid id, DecideDecisionReportCommand command, [FromServices] DecideDecisionReportHandler handler, CancellationToken ct) =>
        await DecidedAsync(id, await handler.ApproveAsync(id, command, ct), "approved", ct);

    [HttpPost("{id:guid}/reject")]
    [ApiTwin("POST /api/v1/t/{tenant}/decision-reports/{id}/reject")]
    [TenantScoped(Role.Approver)]
    public async Task<IActionResult> Reject(Guid id, DecideDecisionReportCommand command, [FromServices] DecideDecisionReportHandler handler, CancellationToken ct) =>
        await DecidedAsync(id, await handler.RejectAsync(id, command, ct), "rejected", ct);

    [HttpPost("{id:guid}/new-version")]
    [ApiTwin("POST /api/v1/t/{tenant}/decision-reports/{id}/new-version")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> NewVersion(Guid id, [FromServices] NewDecisionReportVersionHandler handler, CancellationToken ct) =>
        await PageOutcomeAsync(id, await handler.HandleAsync(id, ct), null, r =>
        {
            TempData["Success"] = $"Version {r.Version} is a new draft, copied from version {r.Version - 1}";
            return Redirect($"{Home}/{r.Id}/edit");
        }, ct);

    [HttpGet("template")]
    [TenantScoped(Role.TenantAdmin)]
    public async Task<IActionResult> Template(CancellationToken ct) => View(ReportTemplateForm.From(await queries.TemplateAsync(ct)));

    [HttpPost("template")]
    [ApiTwin("PUT /api/v1/t/{tenant}/decision-reports/template")]
    [TenantScoped(Role.TenantAdmin)]
    public async Task<IActionResult> Template(ReportTemplateForm form, [FromServices] SaveReportTemplateHandler handler, CancellationToken ct)
    {
        var formErrors = new Errors();
        var command = form.ToCommand(formErrors);
        var outcome = formErrors.IsEmpty ? await handler.HandleAsync(command, ct) : formErrors;
        return this.ToPageResult(outcome, () => View(form), _ =>
        {
            TempData["Success"] = "The report template is saved: every report now prints with it";
            return Redirect(Home);
        });
    }

    private async Task<IActionResult> DecidedAsync(Guid id, Outcome<DecisionReport> outcome, string verb, CancellationToken ct) =>
        await PageOutcomeAsync(id, outcome, null, r =>
        {
            TempData["Success"] = $"Version {r.Version} is {verb}";
            return Redirect($"{Home}/{r.Id}");
        }, ct);

    /// <summary>
    /// Success goes where <paramref name="ok"/> says. Errors about the content show on the edit page (where they are put
    /// right); errors about the report's state (key "Status") and the decision's comment show on the report's page.
    /// </summary>
    private async Task<IActionResult> PageOutcomeAsync(Guid id, Outcome<DecisionReport> outcome, DecisionReportForm? form, Func<DecisionReport, IActionResult> ok, CancellationToken ct)
    {
        if (outcome.Succeeded || outcome.IsNotFound)
        {
            return this.ToPageResult(outcome, NotFound, ok);
        }
        if (await queries.GetAsync(id, ct) is not { } view)
        {
            return NotFound();
        }
        var errors = outcome.Errors!.OnDayBoxes(nameof(UpdateDecisionReportCommand.DecisionDate));
        errors.CopyTo(ModelState);
        var aboutContent = errors.ToDictionary().Keys.Any(k => k is not ("Status" or nameof(DecideDecisionReportCommand.Comment)));
        return aboutContent && view.Report.IsEditable
            ? await EditViewAsync(view, (form ?? DecisionReportForm.From(view.Report)).Padded(), ct)
            : View(nameof(Show), view);
    }

    private async Task<ViewResult> NewViewAsync(NewReportForm form, CancellationToken ct)
    {
        ViewData["Procurements"] = await queries.ProcurementsAsync(ct);
        return View(nameof(New), form);
    }

    private async Task<ViewResult> EditViewAsync(DecisionReportView view, DecisionReportForm form, CancellationToken ct)
    {
        ViewData["Report"] = view;
        if (view.Report.SubjectType == DecisionSubjectType.Waiver)
        {
            ViewData["Contracts"] = await queries.ContractsAsync(ct);
            ViewData["Exemptions"] = (await queries.TemplateAsync(ct)).ExemptionChoices();
        }
        return View(nameof(Edit), form);
    }

    private async Task<ViewResult> NewWaiverViewAsync(NewWaiverForm form, CancellationToken ct)
    {
        ViewData["Contracts"] = await queries.ContractsAsync(ct);
        return View(nameof(NewWaiver), form);
    }
}
