using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Features.Opportunities;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Procurements;

/// <summary>The form for answering one clarification question (the published wording may anonymise it).</summary>
public sealed record AnswerForm
{
    public string? PublishedQuestion { get; init; }
    public string? Answer { get; init; }
}

public sealed record ClarificationsPage(string Caption, string Back, string Slug, Guid ProcurementId, IReadOnlyList<OfficerClarification> Questions, bool IsOpen);

/// <summary>The officer's clarification pages: every question with who asked it, and answering one to publish it.</summary>
public sealed partial class ProcurementsController
{
    private string ClarificationsOf(Guid id) => $"{PageOf(id)}/clarifications";

    [HttpGet("{id:guid}/clarifications")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Clarifications(Guid id, [FromServices] ClarificationsHandler handler, CancellationToken ct)
    {
        var p = await db.LoadWholeAsync(id, ct);
        var questions = await handler.ForOfficerAsync(id, ct);
        return p is null || !questions.Succeeded
            ? NotFound()
            : View("Clarifications", new ClarificationsPage(CaptionOf(p), PageOf(id), Slug, id, questions.Value!, p.State == ProcurementState.TenderOpen));
    }

    [HttpGet("{id:guid}/clarifications/{clarificationId:guid}/answer")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Answer(Guid id, Guid clarificationId, [FromServices] ClarificationsHandler handler, CancellationToken ct)
    {
        var question = await FindQuestionAsync(id, clarificationId, handler, ct);
        return question is null
            ? NotFound()
            : await AnswerViewAsync(id, question, new AnswerForm { PublishedQuestion = question.Question }, ct);
    }

    [HttpPost("{id:guid}/clarifications/{clarificationId:guid}/answer")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/clarifications/{clarificationId}/answer")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Answer(Guid id, Guid clarificationId, AnswerForm form, [FromServices] ClarificationsHandler handler, CancellationToken ct)
    {
        var question = await FindQuestionAsync(id, clarificationId, handler, ct);
        if (question is null)
        {
            return NotFound();
        }
        var outcome = await handler.AnswerAndPublishAsync(id, clarificationId,
            new AnswerClarificationCommand { Answer = form.Answer, PublishedQuestion = form.PublishedQuestion }, ct);
        if (!outcome.Succeeded && !outcome.IsNotFound)
        {
            outcome.Errors!.CopyTo(ModelState);
            return await AnswerViewAsync(id, question, form, ct);
        }
        return this.ToPageResult(outcome, () => NotFound(), c =>
        {
            TempData["Success"] = $"Q{c.Number} answered and sent to every interested provider";
            return Redirect(ClarificationsOf(id));
        });
    }

    [HttpGet("{id:guid}/clarifications/notice")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Notice(Guid id, CancellationToken ct) =>
        await db.LoadWholeAsync(id, ct) is { } p ? NoticeView(p, new OfficerNoticeCommand()) : NotFound();

    [HttpPost("{id:guid}/clarifications/notice")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/clarifications/notices")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Notice(Guid id, OfficerNoticeCommand form, [FromServices] ClarificationsHandler handler, CancellationToken ct)
    {
        if (await db.LoadWholeAsync(id, ct) is not { } p)
        {
            return NotFound();
        }
        return this.ToPageResult(await handler.PublishNoticeAsync(id, form, ct), () => NoticeView(p, form), c =>
        {
            TempData["Success"] = $"Notice Q{c.Number} published and sent to every interested provider";
            return Redirect(ClarificationsOf(id));
        });
    }

    private ViewResult NoticeView(Procurement p, OfficerNoticeCommand form)
    {
        ViewData["Form"] = new FormPage(CaptionOf(p), "Publish a notice", $"{ClarificationsOf(p.Id)}/notice", ClarificationsOf(p.Id),
            "Publish the notice to every interested provider");
        return View("NoticeForm", form);
    }

    private static async Task<OfficerClarification?> FindQuestionAsync(Guid id, Guid clarificationId, ClarificationsHandler handler, CancellationToken ct) =>
        (await handler.ForOfficerAsync(id, ct)).Value?.SingleOrDefault(q => q.Id == clarificationId);

    private async Task<IActionResult> AnswerViewAsync(Guid id, OfficerClarification question, AnswerForm form, CancellationToken ct)
    {
        var p = (await db.LoadWholeAsync(id, ct))!;
        ViewData["Form"] = new FormPage(CaptionOf(p), $"Answer question {question.Number}",
            $"{ClarificationsOf(id)}/{question.Id}/answer", ClarificationsOf(id), "Publish the answer to every interested provider");
        ViewData["Asked"] = question;
        return View("AnswerForm", form);
    }
}
