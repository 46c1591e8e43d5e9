using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Procurements;

/// <summary>Choosing the earlier procurement whose evaluation model to copy.</summary>
public sealed record CopyModelPage(string Caption, string Back, IReadOnlyList<ModelSource> Sources);

/// <summary>What the copy brings, how lots map, and that it replaces the model there is.</summary>
public sealed record CopyModelConfirmPage(string Caption, string Back, string Action, ModelCopy Copy, bool ReplacesAModel);

/// <summary>
/// The evaluation model editor: one part at a time (price, a section, a question). Each change reads the model as it
/// stands, changes that part and puts the whole model back through <see cref="PutEvaluationModelHandler"/>.
/// Sections and questions are addressed by their number (1, 2, …), as the model numbers them.
/// </summary>
public sealed partial class ProcurementsController
{
    private string ModelOf(Guid id) => $"{PageOf(id)}/evaluation-model";

    [HttpGet("{id:guid}/evaluation-model")]
    public async Task<IActionResult> EvaluationModel(Guid id, CancellationToken ct) =>
        await PageAsync(id, ct) is { } page ? View(page) : NotFound();

    [HttpGet("{id:guid}/evaluation-model/price")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Price(Guid id, CancellationToken ct) =>
        await db.LoadWholeAsync(id, ct) is { } p ? PriceView(p, PriceForm.From(EvaluationModelCommand.From(p))) : NotFound();

    [HttpPost("{id:guid}/evaluation-model/price")]
    [ApiTwin("PUT /api/v1/t/{tenant}/procurements/{id}/evaluation-model")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Price(Guid id, PriceForm form, [FromServices] PutEvaluationModelHandler handler, CancellationToken ct)
    {
        if (await db.LoadWholeAsync(id, ct) is not { } p)
        {
            return NotFound();
        }
        return await PutModelAsync(id, errors => form.ApplyTo(EvaluationModelCommand.From(p), errors), "", () => PriceView(p, form), "Price and evaluation settings saved", handler, ct);
    }

    [HttpGet("{id:guid}/evaluation-model/sections/new")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> NewSection(Guid id, CancellationToken ct) =>
        await db.LoadWholeAsync(id, ct) is { } p ? SectionView(p, new SectionForm(), null) : NotFound();

    [HttpPost("{id:guid}/evaluation-model/sections/new")]
    [ApiTwin("PUT /api/v1/t/{tenant}/procurements/{id}/evaluation-model")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> NewSection(Guid id, SectionForm form, [FromServices] PutEvaluationModelHandler handler, CancellationToken ct)
    {
        if (await db.LoadWholeAsync(id, ct) is not { } p)
        {
            return NotFound();
        }
        var model = EvaluationModelCommand.From(p);
        var index = model.Sections!.Count;
        return await PutModelAsync(id, _ => model.AddSection(new SectionDto(form.Title?.Trim() ?? "", [])), $"Sections[{index}].",
            () => SectionView(p, form, null), $"Section {index + 1} added", handler, ct);
    }

    [HttpGet("{id:guid}/evaluation-model/sections/{section:int}/edit")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> EditSection(Guid id, int section, CancellationToken ct) =>
        await ModelAsync(id, ct) is ({ } p, { } model) && model.HasSection(section - 1)
            ? SectionView(p, new SectionForm { Title = model.Sections![section - 1].Title }, section)
            : NotFound();

    [HttpPost("{id:guid}/evaluation-model/sections/{section:int}/edit")]
    [ApiTwin("PUT /api/v1/t/{tenant}/procurements/{id}/evaluation-model")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> EditSection(Guid id, int section, SectionForm form, [FromServices] PutEvaluationModelHandler handler, CancellationToken ct)
    {
        if (await ModelAsync(id, ct) is not ({ } p, { } model) || !model.HasSection(section - 1))
        {
            return NotFound();
        }
        var changed = model.WithSection(section - 1, s => s with { Title = form.Title?.Trim() ?? "" });
        return await PutModelAsync(id, _ => changed, $"Sections[{section - 1}].", () => SectionView(p, form, section), $"Section {section} saved", handler, ct);
    }

    [HttpGet("{id:guid}/evaluation-model/sections/{section:int}/remove")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> RemoveSection(Guid id, int section, CancellationToken ct) =>
        await ModelAsync(id, ct) is ({ } p, { } model) && model.HasSection(section - 1)
            ? View("Confirm", RemoveSectionPage(p, model, section))
            : NotFound();

    [HttpPost("{id:guid}/evaluation-model/sections/{section:int}/remove")]
    [ApiTwin("PUT /api/v1/t/{tenant}/procurements/{id}/evaluation-model")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> RemoveSection(Guid id, int section, [FromServices] PutEvaluationModelHandler handler, CancellationToken ct)
    {
        if (await ModelAsync(id, ct) is not ({ } p, { } model) || !model.HasSection(section - 1))
        {
            return NotFound();
        }
        var page = RemoveSectionPage(p, model, section);
        return await PutModelAsync(id, _ => model.WithSection(section - 1, _ => null), "", () => View("Confirm", page), $"Section {section} removed", handler, ct);
    }

    [HttpGet("{id:guid}/evaluation-model/sections/{section:int}/questions/new")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> NewQuestion(Guid id, int section, CancellationToken ct) =>
        await ModelAsync(id, ct) is ({ } p, { } model) && model.HasSection(section - 1)
            ? QuestionView(p, section, null, new QuestionForm())
            : NotFound();

    [HttpPost("{id:guid}/evaluation-model/sections/{section:int}/questions/new")]
    [ApiTwin("PUT /api/v1/t/{tenant}/procurements/{id}/evaluation-model")]
    [TenantScoped(Role.ProcurementOfficer)]
    public Task<IActionResult> NewQuestion(Guid id, int section, QuestionForm form, [FromServices] PutEvaluationModelHandler handler, CancellationToken ct) =>
        SaveQuestionAsync(id, section, null, form, handler, ct);

    [HttpGet("{id:guid}/evaluation-model/sections/{section:int}/questions/{question:int}/edit")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> EditQuestion(Guid id, int section, int question, CancellationToken ct) =>
        await ModelAsync(id, ct) is ({ } p, { } model) && model.HasQuestion(section - 1, question - 1)
            ? QuestionView(p, section, question, QuestionForm.From(model.Sections![section - 1].Questions[question - 1]))
            : NotFound();

    [HttpPost("{id:guid}/evaluation-model/sections/{section:int}/questions/{question:int}/edit")]
    [ApiTwin("PUT /api/v1/t/{tenant}/procurements/{id}/evaluation-model")]
    [TenantScoped(Role.ProcurementOfficer)]
    public Task<IActionResult> EditQuestion(Guid id, int section, int question, QuestionForm form, [FromServices] PutEvaluationModelHandler handler, CancellationToken ct) =>
        SaveQuestionAsync(id, section, question, form, handler, ct);

    [HttpGet("{id:guid}/evaluation-model/sections/{section:int}/questions/{question:int}/remove")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> RemoveQuestion(Guid id, int section, int question, CancellationToken ct) =>
        await ModelAsync(id, ct) is ({ } p, { } model) && model.HasQuestion(section - 1, question - 1)
            ? View("Confirm", RemoveQuestionPage(p, model, section, question))
            : NotFound();

    [HttpPost("{id:guid}/evaluation-model/sections/{section:int}/questions/{question:int}/remove")]
    [ApiTwin("PUT /api/v1/t/{tenant}/procurements/{id}/evaluation-model")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> RemoveQuestion(Guid id, int section, int question, [FromServices] PutEvaluationModelHandler handler, CancellationToken ct)
    {
        if (await ModelAsync(id, ct) is not ({ } p, { } model) || !model.HasQuestion(section - 1, question - 1))
        {
            return NotFound();
        }
        var page = RemoveQuestionPage(p, model, section, question);
        var changed = model.WithSection(section - 1, s => s.WithQuestion(question - 1, null));
        return await PutModelAsync(id, _ => changed, "", () => View("Confirm", page), $"Question {question} of section {section} removed", handler, ct);
    }

    [HttpGet("{id:guid}/evaluation-model/copy")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> CopyModel(Guid id, [FromServices] CopyEvaluationModelHandler handler, CancellationToken ct) =>
        await db.LoadWholeAsync(id, ct) is { } p
            ? View("CopyModel", new CopyModelPage(CaptionOf(p), ModelOf(id), await handler.SourcesAsync(id, ct)))
            : NotFound();

    [HttpGet("{id:guid}/evaluation-model/copy/{sourceId:guid}")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> CopyModelFrom(Guid id, Guid sourceId, [FromServices] CopyEvaluationModelHandler handler, CancellationToken ct) =>
        await CopyConfirmationAsync(id, sourceId, handler, ct) is { } page ? View("CopyModelConfirm", page) : NotFound();

    [HttpPost("{id:guid}/evaluation-model/copy/{sourceId:guid}")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/evaluation-model/copy-from/{sourceId}")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> ConfirmCopyModel(Guid id, Guid sourceId, [FromServices] CopyEvaluationModelHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, sourceId, ct);
        var page = outcome.Errors is null ? null : await CopyConfirmationAsync(id, sourceId, handler, ct);
        return this.ToPageResult(outcome, () => page is null ? NotFound() : View("CopyModelConfirm", page), copied =>
        {
            TempData["Success"] = $"Evaluation model copied from {copied.Copy.SourceReference}" +
                (copied.Copy.LotNotes.Count > 0 ? $": {copied.Copy.LotNotes.Count} question(s) now apply to all lots" : "");
            return Redirect(ModelOf(id));
        });
    }

    private async Task<CopyModelConfirmPage?> CopyConfirmationAsync(Guid id, Guid sourceId, CopyEvaluationModelHandler handler, CancellationToken ct) =>
        await db.LoadWholeAsync(id, ct) is { } p && await handler.PlanAsync(p, sourceId, ct) is { } copy
            ? new CopyModelConfirmPage(CaptionOf(p), $"{ModelOf(id)}/copy", $"{ModelOf(id)}/copy/{sourceId}", copy, p.Sections.Count > 0)
            : null;

    /// <summary>Adds (no <paramref name="question"/> number) or replaces one question.</summary>
    private async Task<IActionResult> SaveQuestionAsync(Guid id, int section, int? question, QuestionForm form, PutEvaluationModelHandler handler, CancellationToken ct)
    {
        if (await ModelAsync(id, ct) is not ({ } p, { } model) || !model.HasSection(section - 1)
            || (question is { } n && !model.HasQuestion(section - 1, n - 1)))
        {
            return NotFound();
        }
        var index = question - 1 ?? model.Sections![section - 1].Questions.Count;
        return await PutModelAsync(id, errors => model.WithSection(section - 1, s => s.WithQuestion(index, form.ToDto(errors))), $"Sections[{section - 1}].Questions[{index}].", () => QuestionView(p, section, question, form),
            question is null ? $"Question {index + 1} added to section {section}" : $"Question {index + 1} of section {section} saved", handler, ct);
    }

    /// <summary>
    /// Puts the changed model. The use case's errors for the part being edited are keyed as that page's fields
    /// (<paramref name="prefix"/> removed), so each one links to its field.
    /// </summary>
    private Task<IActionResult> PutModelAsync(
        Guid id, Func<Errors, EvaluationModelCommand> change, string prefix, Func<IActionResult> redisplay, string success,
        PutEvaluationModelHandler handler, CancellationToken ct) =>
        SubmitAsync(change, async model =>
        {
            var outcome = await handler.HandleAsync(id, model, ct);
            return outcome.Errors is { } errors ? FormValues.Rekey(errors, prefix) : outcome;
        }, redisplay, _ =>
        {
            TempData["Success"] = success;
            return Redirect(ModelOf(id));
        });

    private async Task<(Procurement? Procurement, EvaluationModelCommand? Model)> ModelAsync(Guid id, CancellationToken ct) =>
        await db.LoadWholeAsync(id, ct) is { } p ? (p, EvaluationModelCommand.From(p)) : (null, null);

    private ViewResult PriceView(Procurement p, PriceForm form)
    {
        ViewData["Form"] = new FormPage(CaptionOf(p), "Price and evaluation settings", $"{ModelOf(p.Id)}/price", ModelOf(p.Id), "Save price");
        return View(nameof(PriceForm), form);
    }

    private ViewResult SectionView(Procurement p, SectionForm form, int? section)
    {
        ViewData["Form"] = section is null
            ? new FormPage(CaptionOf(p), "Add a section", $"{ModelOf(p.Id)}/sections/new", ModelOf(p.Id), "Add the section")
            : new FormPage(CaptionOf(p), $"Change section {section}", $"{ModelOf(p.Id)}/sections/{section}/edit", ModelOf(p.Id), "Save the section");
        return View(nameof(SectionForm), form);
    }

    private ViewResult QuestionView(Procurement p, int section, int? question, QuestionForm form)
    {
        var title = p.Sections.OrderBy(s => s.Number).ElementAtOrDefault(section - 1)?.Title;
        var questions = $"{ModelOf(p.Id)}/sections/{section}/questions";
        ViewData["Form"] = question is null
            ? new FormPage($"Section {section}: {title}", "Add a question", $"{questions}/new", ModelOf(p.Id), "Add the question")
            : new FormPage($"Section {section}: {title}", $"Change question {question}", $"{questions}/{question}/edit", ModelOf(p.Id), "Save the question");
        ViewData["Lots"] = p.Lots.OrderBy(l => l.Number).Select(l => new Choice(l.Id.ToString(), $"Lot {l.Number}: {l.Name}")).ToList();
        return View(nameof(QuestionForm), form);
    }

    private ConfirmPage RemoveSectionPage(Procurement p, EvaluationModelCommand model, int section) => new(CaptionOf(p),
        $"Are you sure you want to remove section {section} ({model.Sections![section - 1].Title})?",
        model.Sections[section - 1].Questions.Count == 0 ? "The section has no questions." : $"Its {model.Sections[section - 1].Questions.Count} question(s) will be removed too.",
        $"{ModelOf(p.Id)}/sections/{section}/remove", ModelOf(p.Id), "Remove the section");

    private ConfirmPage RemoveQuestionPage(Procurement p, EvaluationModelCommand model, int section, int question) => new(CaptionOf(p),
        $"Are you sure you want to remove question {question} of section {section}?",
        $"\"{model.Sections![section - 1].Questions[question - 1].Text}\" will be removed from the evaluation model.",
        $"{ModelOf(p.Id)}/sections/{section}/questions/{question}/remove", ModelOf(p.Id), "Remove the question");
}
