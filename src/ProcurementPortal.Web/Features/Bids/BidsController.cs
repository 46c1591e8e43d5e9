using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Bids;

/// <summary>
/// A provider's bid pages for a tender of any tenant (ADR 010): the task list, lots, one page per question, the price
/// schedule, declarations, check your answers, the receipt and withdrawal. <c>providerId</c> names the organisation when
/// the person acts for several; another provider's bid is not found.
/// </summary>
[Authorize]
[PublicTenantPage]
[Route("{tenant}/opportunities/{id:guid}/bid")]
public sealed class BidsController(BidWorkspace workspace, SaveBidDraft save, ITenantContext tenant, Core.Files.FileUploads files) : Controller
{
    private const string ConflictMessage =
        "Someone else at your organisation saved this bid after you opened this page. What you typed is shown below but has not been saved: check it and save again.";

    /// <summary>
    /// Someone who writes bids for several provider organisations first chooses which one this bid is for (a page
    /// that asks, rather than a 404); the choice then travels in every link as <c>providerId</c>.
    /// </summary>
    public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var providerId = context.ActionArguments.TryGetValue("providerId", out var given) ? given as Guid? : null;
        if (HttpMethods.IsGet(Request.Method) && await workspace.ChoiceNeededAsync(providerId, HttpContext.RequestAborted) is { Count: > 0 } choices)
        {
            context.Result = View("ChooseProvider", new ChooseProviderPage(Request.Path, choices.Select(c => new Choice(c.Id.ToString(), c.Name)).ToList()));
            return;
        }
        await next();
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id, Guid? providerId, CancellationToken ct)
    {
        var scope = await workspace.OpenAsync(id, providerId, ct);
        if (scope is null)
        {
            return NotFound();
        }
        if (scope.Bid is null)
        {
            ViewData["Tender"] = scope.Procurement;
            return View("Start", new BidStartPage(tenant.Slug!, id, providerId, scope.Provider.Name, scope.IsOpen));
        }
        return View(await PageAsync(scope, providerId, ct));
    }

    [HttpPost("")]
    [ApiTwin("POST /api/v1/t/{tenant}/opportunities/{id}/bid")]
    public async Task<IActionResult> Start(Guid id, Guid? providerId, [FromServices] StartBid start, CancellationToken ct) =>
        this.ToPageResult(await start.HandleAsync(id, providerId, ct), NotFound, _ => Redirect(BidUrl(id, providerId)));

    [HttpGet("lots")]
    public Task<IActionResult> Lots(Guid id, Guid? providerId, CancellationToken ct) => ShowAsync(id, providerId, "Lots", ct);

    [HttpPost("lots")]
    [ApiTwin("PUT /api/v1/t/{tenant}/opportunities/{id}/bid")]
    public Task<IActionResult> Lots(Guid id, Guid? providerId, SaveBidDraftCommand command, CancellationToken ct) =>
        SaveAsync(id, providerId, command with { LotIds = command.LotIds ?? [] }, new Errors(), "Lots", ct);

    [HttpGet("questions/{questionId:guid}")]
    public Task<IActionResult> Question(Guid id, Guid questionId, Guid? providerId, CancellationToken ct)
    {
        ViewData["QuestionId"] = questionId;
        return ShowAsync(id, providerId, "Question", ct);
    }

    [HttpPost("questions/{questionId:guid}")]
    [ApiTwin("PUT /api/v1/t/{tenant}/opportunities/{id}/bid")]
    public Task<IActionResult> Question(Guid id, Guid questionId, Guid? providerId, SaveBidDraftCommand command, CancellationToken ct)
    {
        ViewData["QuestionId"] = questionId;
        var answers = new Dictionary<Guid, string?> { [questionId] = command.Answers?.GetValueOrDefault(questionId) };
        return SaveAsync(id, providerId, command with { Answers = answers, LotIds = null, Rates = null, Declarations = null }, new Errors(), "Question", ct);
    }

    /// <summary>
    /// The question page's autosave (bid-autosave.js): the same save as the form, answered in JSON with the new row
    /// version, which the page carries so that the person's own next save is not taken for a colleague's conflict.
    /// A refused save (over the word limit, a colleague saved first) changes nothing and leaves the text on the page.
    /// </summary>
    [HttpPost("questions/{questionId:guid}/autosave")]
    [ApiTwin("PUT /api/v1/t/{tenant}/opportunities/{id}/bid")]
    public async Task<IActionResult> Autosave(Guid id, Guid questionId, Guid? providerId, SaveBidDraftCommand command, CancellationToken ct)
    {
        var answers = new Dictionary<Guid, string?> { [questionId] = command.Answers?.GetValueOrDefault(questionId) };
        var outcome = await save.HandleAsync(id, providerId, command with { Answers = answers, LotIds = null, Rates = null, Declarations = null }, ct);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }
        if (outcome.Errors is { } errors)
        {
            errors.CopyTo(ModelState);
            return ValidationProblem(ModelState);
        }
        var saved = outcome.Value!;
        return saved.Conflict
            ? Conflict(new AutosaveResult(false, saved.Bid.RowVersion, ConflictMessage))
            : Ok(new AutosaveResult(true, saved.Bid.RowVersion, "Draft saved"));
    }

    [HttpGet("prices")]
    public Task<IActionResult> Prices(Guid id, Guid? providerId, CancellationToken ct) => ShowAsync(id, providerId, "Prices", ct);

    [HttpPost("prices")]
    [ApiTwin("PUT /api/v1/t/{tenant}/opportunities/{id}/bid")]
    public Task<IActionResult> Prices(Guid id, Guid? providerId, PricesForm form, CancellationToken ct)
    {
        var (command, errors) = form.ToCommand();
        return SaveAsync(id, providerId, command, errors, "Prices", ct);
    }

    [HttpGet("declarations")]
    public Task<IActionResult> Declarations(Guid id, Guid? providerId, CancellationToken ct) => ShowAsync(id, providerId, "Declarations", ct);

    [HttpPost("declarations")]
    [ApiTwin("PUT /api/v1/t/{tenant}/opportunities/{id}/bid")]
    public Task<IActionResult> Declarations(Guid id, Guid? providerId, DeclarationsForm form, CancellationToken ct)
    {
        var (command, errors) = form.ToCommand();
        return SaveAsync(id, providerId, command, errors, "Declarations", ct);
    }

    [HttpGet("check")]
    public Task<IActionResult> Check(Guid id, Guid? providerId, CancellationToken ct) => ShowAsync(id, providerId, "Check", ct);

    [HttpPost("submit")]
    [ApiTwin("POST /api/v1/t/{tenant}/opportunities/{id}/bid/submit")]
    public async Task<IActionResult> Submit(Guid id, Guid? providerId, [FromForm] string? idempotencyKey, [FromServices] SubmitBid submit, CancellationToken ct)
    {
        var outcome = await submit.HandleAsync(id, providerId, idempotencyKey, ct);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }
        if (outcome.Value?.Receipt is { } receipt)
        {
            return Redirect(BidUrl(id, providerId, $"/receipts/{receipt.VersionId}"));
        }
        Refuse(outcome.Errors, outcome.Value?.Late);
        return await ShowAsync(id, providerId, "Check", ct);
    }

    [HttpGet("receipts/{versionId:guid}")]
    public async Task<IActionResult> Receipt(Guid id, Guid versionId, Guid? providerId, CancellationToken ct)
    {
        var scope = await workspace.OpenAsync(id, providerId, ct);
        var version = scope?.Bid is { } bid ? (await workspace.VersionsAsync(bid.Id, ct)).SingleOrDefault(v => v.Id == versionId) : null;
        if (version is null)
        {
            return NotFound();
        }
        ViewData["Receipt"] = BidViews.Receipt(version);
        return View("Receipt", await PageAsync(scope!, providerId, ct));
    }

    [HttpGet("receipts/{versionId:guid}.pdf")]
    public async Task<IActionResult> ReceiptPdf(Guid id, Guid versionId, Guid? providerId, [FromServices] BidReceiptPdf pdf, CancellationToken ct) =>
        await pdf.RenderAsync(id, providerId, versionId, ct) is { } file ? File(file.Content, "application/pdf", file.FileName) : NotFound();

    [HttpGet("attachments")]
    public Task<IActionResult> Attachments(Guid id, Guid? providerId, CancellationToken ct) => AttachmentsPageAsync(id, providerId, null, ct);

    [HttpGet("questions/{questionId:guid}/attachments")]
    public Task<IActionResult> QuestionAttachments(Guid id, Guid questionId, Guid? providerId, CancellationToken ct) => AttachmentsPageAsync(id, providerId, questionId, ct);

    [HttpPost("attachments")]
    [ApiTwin("POST /api/v1/t/{tenant}/opportunities/{id}/bid/attachments")]
    public async Task<IActionResult> Attach(Guid id, Guid? providerId, UploadBidAttachmentForm form, [FromServices] UploadBidAttachment upload, CancellationToken ct)
    {
        var outcome = await upload.HandleAsync(id, providerId, form, ct);
        if (outcome.Errors is { } errors)
        {
            errors.CopyTo(ModelState);
            return await AttachmentsPageAsync(id, providerId, form.QuestionId, ct);
        }
        return this.ToPageResult(outcome, NotFound, attached =>
        {
            TempData["Success"] = $"{attached.FileName} is attached";
            return Redirect(BidUrl(id, providerId, AttachmentsPath(attached.QuestionId)));
        });
    }

    [HttpPost("attachments/{attachmentId:guid}/remove")]
    [ApiTwin("DELETE /api/v1/t/{tenant}/opportunities/{id}/bid/attachments/{attachmentId}")]
    public async Task<IActionResult> RemoveAttachment(Guid id, Guid attachmentId, Guid? providerId, [FromServices] RemoveBidAttachment remove, CancellationToken ct)
    {
        var outcome = await remove.HandleAsync(id, providerId, attachmentId, ct);
        if (outcome.Errors is { } errors)
        {
            errors.CopyTo(ModelState);
            return await AttachmentsPageAsync(id, providerId, null, ct);
        }
        return this.ToPageResult(outcome, NotFound, removed =>
        {
            TempData["Success"] = $"{removed.FileName} is removed";
            return Redirect(BidUrl(id, providerId, AttachmentsPath(removed.QuestionId)));
        });
    }

    [HttpGet("attachments/{attachmentId:guid}")]
    public async Task<IActionResult> Attachment(Guid id, Guid attachmentId, Guid? providerId, [FromServices] BidAttachmentFiles files, CancellationToken ct) =>
        await files.OpenAsync(id, providerId, attachmentId, ct) is { } file ? File(file.Content, file.ContentType, file.FileName) : NotFound();

    [HttpGet("withdraw")]
    public Task<IActionResult> Withdraw(Guid id, Guid? providerId, CancellationToken ct) => ShowAsync(id, providerId, "Withdraw", ct);

    [HttpPost("withdraw")]
    [ApiTwin("POST /api/v1/t/{tenant}/opportunities/{id}/bid/withdraw")]
    public async Task<IActionResult> Withdraw(Guid id, Guid? providerId, [FromServices] WithdrawBid withdraw, CancellationToken ct)
    {
        var outcome = await withdraw.HandleAsync(id, providerId, ct);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }
        if (outcome.Value?.Withdrawn is { } withdrawn)
        {
            TempData["Success"] = $"Your bid (receipt {withdrawn.WithdrawnReceiptNumber}) was withdrawn at {withdrawn.WithdrawnAtUkText}. It no longer counts; your draft is kept.";
            return Redirect(BidUrl(id, providerId));
        }
        Refuse(outcome.Errors, outcome.Value?.Late);
        return await ShowAsync(id, providerId, "Withdraw", ct);
    }

    /// <summary>A refused submission or withdrawal: the reasons go to the error summary (a late one has no field).</summary>
    private void Refuse(Errors? errors, LateBid? late)
    {
        errors?.CopyTo(ModelState);
        if (late is not null)
        {
            ModelState.AddModelError("", late.Message);
        }
    }

    private static string AttachmentsPath(Guid? questionId) => questionId is { } q ? $"/questions/{q}/attachments" : "/attachments";

    /// <summary>The supporting documents page, or a question's attachments page (only for a question that takes files).</summary>
    private async Task<IActionResult> AttachmentsPageAsync(Guid id, Guid? providerId, Guid? questionId, CancellationToken ct)
    {
        var scope = await workspace.OpenAsync(id, providerId, ct);
        var page = scope is null ? null : await PageAsync(scope, providerId, ct);
        if (page is null || (questionId is not null && !page.Bid.Answers.Any(a => a.QuestionId == questionId && a.AttachmentRule != "None")))
        {
            return NotFound();
        }
        ViewData["QuestionId"] = questionId;
        ViewData["MaxBytes"] = files.MaxBytes;
        return View("Attachments", page);
    }

    private string BidUrl(Guid id, Guid? providerId, string path = "") =>
        $"/{tenant.Slug}/opportunities/{id}/bid{path}{(providerId is { } p ? $"?providerId={p}" : "")}";

    private async Task<BidPage?> PageAsync(BidScope scope, Guid? providerId, CancellationToken ct) =>
        scope.Bid is { } bid ? new BidPage(tenant.Slug!, scope.Procurement.Id, providerId, BidViews.From(scope, await workspace.VersionsAsync(bid.Id, ct))) : null;

    private async Task<IActionResult> ShowAsync(Guid id, Guid? providerId, string view, CancellationToken ct)
    {
        var scope = await workspace.OpenAsync(id, providerId, ct);
        return scope is not null && await PageAsync(scope, providerId, ct) is { } page ? View(view, page) : NotFound();
    }

    /// <summary>Saves a page's part of the draft; on an error or a conflict shows the page again with what was typed.</summary>
    private async Task<IActionResult> SaveAsync(Guid id, Guid? providerId, SaveBidDraftCommand command, Errors formErrors, string view, CancellationToken ct)
    {
        var outcome = formErrors.IsEmpty ? await save.HandleAsync(id, providerId, command, ct) : formErrors;
        if (outcome.IsNotFound)
        {
            return NotFound();
        }
        if (outcome.Errors is { } errors)
        {
            errors.CopyTo(ModelState);
            return await ShowAsync(id, providerId, view, ct);
        }
        var saved = outcome.Value!;
        if (saved.Conflict)
        {
            // Saving again now overwrites deliberately: the form carries the row version of what the colleague saved.
            ModelState.SetModelValue(nameof(command.RowVersion), saved.Bid.RowVersion, saved.Bid.RowVersion.ToString());
            ModelState.AddModelError(nameof(command.RowVersion), ConflictMessage);
            return View(view, new BidPage(tenant.Slug!, id, providerId, saved.Bid));
        }
        TempData["Success"] = "Your bid has been saved";
        return Redirect(BidUrl(id, providerId));
    }
}

public sealed record AutosaveResult(bool Saved, uint RowVersion, string Message);

/// <summary>The organisations someone may bid for, and the page to go on to once they have chosen.</summary>
public sealed record ChooseProviderPage(string Action, IReadOnlyList<Choice> Choices)
{
    public Guid? ProviderId { get; init; }
}

public sealed record BidStartPage(string Slug, Guid ProcurementId, Guid? ProviderId, string ProviderName, bool IsOpen);
