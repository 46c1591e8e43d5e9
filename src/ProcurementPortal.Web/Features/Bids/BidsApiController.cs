using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Bids;

public sealed record BidCheckView(bool ReadyToSubmit, IReadOnlyList<BidProblem> Problems);

/// <summary>
/// A provider's bid for a tender of any tenant (ADR 010: provider routes under /opportunities). The caller's provider
/// organisation is their only one, or the one named by <c>providerId</c>; another provider's bid answers 404.
/// </summary>
[ApiController]
[Authorize]
[PublicTenantPage]
[Route("api/v1/t/{tenant}/opportunities/{id:guid}/bid")]
[Tags("Bids")]
[ProducesResponseType(StatusCodes.Status404NotFound)]
public sealed class BidsApiController(BidWorkspace workspace) : ControllerBase
{
    /// <summary>Starts the provider's bid (201), or returns the one it has (200).</summary>
    [HttpPost("")]
    [ProducesResponseType<BidView>(StatusCodes.Status201Created)]
    [ProducesResponseType<BidView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Start(Guid id, Guid? providerId, [FromServices] StartBid start, CancellationToken ct) =>
        this.ToApiResult(await start.HandleAsync(id, providerId, ct),
            started => started.Created ? StatusCode(StatusCodes.Status201Created, started.Bid) : Ok(started.Bid));

    [HttpGet("")]
    [ProducesResponseType<BidView>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Get(Guid id, Guid? providerId, CancellationToken ct) =>
        await ViewAsync(id, providerId, ct) is { } view ? Ok(view) : NotFound();

    /// <summary>Saves the parts of the draft given; 409 when someone else saved since <c>rowVersion</c> was read.</summary>
    [HttpPut("")]
    [ProducesResponseType<BidView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult> Save(Guid id, Guid? providerId, SaveBidDraftCommand command, [FromServices] SaveBidDraft save, CancellationToken ct) =>
        this.ToApiResult(await save.HandleAsync(id, providerId, command, ct), saved => saved.Conflict
            ? Problem(statusCode: StatusCodes.Status409Conflict, title: "Someone else saved this bid first",
                detail: $"The draft has changed since row version {command.RowVersion} was read (it is now {saved.Bid.RowVersion}). Nothing was saved: read it again and reapply your changes.")
            : Ok(saved.Bid));

    /// <summary>Everything missing or wrong before the bid can be submitted.</summary>
    [HttpGet("check")]
    [ProducesResponseType<BidCheckView>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Check(Guid id, Guid? providerId, CancellationToken ct) =>
        await ViewAsync(id, providerId, ct) is { } view ? Ok(new BidCheckView(view.Problems.Count == 0, view.Problems)) : NotFound();

    /// <summary>
    /// Seals and submits the draft (or replaces the bid submitted before) and returns the receipt. A retry with the same
    /// <c>Idempotency-Key</c> returns the same receipt (200) and stores nothing new. After the deadline: 422, draft kept.
    /// </summary>
    [HttpPost("submit")]
    [ProducesResponseType<BidReceipt>(StatusCodes.Status201Created)]
    [ProducesResponseType<BidReceipt>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<ActionResult> Submit(Guid id, Guid? providerId, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        [FromServices] SubmitBid submit, CancellationToken ct) =>
        this.ToApiResult(await submit.HandleAsync(id, providerId, idempotencyKey, ct), outcome => outcome.Late is { } late
            ? this.LateProblem(late, LateTitle)
            : outcome.Replayed ? Ok(outcome.Receipt) : StatusCode(StatusCodes.Status201Created, outcome.Receipt));

    /// <summary>Withdraws the submitted bid (until the deadline); it no longer counts, every version is kept.</summary>
    [HttpPost("withdraw")]
    [ProducesResponseType<WithdrawnBid>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<ActionResult> Withdraw(Guid id, Guid? providerId, [FromServices] WithdrawBid withdraw, CancellationToken ct) =>
        this.ToApiResult(await withdraw.HandleAsync(id, providerId, ct), outcome => outcome.Late is { } late ? this.LateProblem(late, LateTitle) : Ok(outcome.Withdrawn));

    /// <summary>The receipts of every version the provider has submitted, newest first.</summary>
    [HttpGet("receipts")]
    [ProducesResponseType<List<BidReceipt>>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Receipts(Guid id, Guid? providerId, [FromQuery] PageRequest paging, CancellationToken ct)
    {
        var scope = await workspace.OpenAsync(id, providerId, ct);
        return scope?.Bid is { } bid ? Ok(this.Page((await workspace.VersionsAsync(bid.Id, ct)).Select(BidViews.Receipt), paging)) : NotFound();
    }

    /// <summary>A receipt as a PDF: number, tender, provider, time to the second in UTC and UK time, hash, lots with evaluated prices, attachments with hashes.</summary>
    [HttpGet("receipts/{versionId:guid}.pdf")]
    [ProducesResponseType<FileContentResult>(StatusCodes.Status200OK, "application/pdf")]
    public async Task<ActionResult> ReceiptPdf(Guid id, Guid versionId, Guid? providerId, [FromServices] BidReceiptPdf pdf, CancellationToken ct) =>
        await pdf.RenderAsync(id, providerId, versionId, ct) is { } file ? File(file.Content, "application/pdf", file.FileName) : NotFound();

    /// <summary>The files attached to the draft (to questions, or as supporting documents), with the SHA-256 of each.</summary>
    [HttpGet("attachments")]
    [ProducesResponseType<List<BidAttachmentView>>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Attachments(Guid id, Guid? providerId, [FromQuery] PageRequest paging, CancellationToken ct) =>
        await ViewAsync(id, providerId, ct) is { } view ? Ok(this.Page(view.Attachments, paging)) : NotFound();

    /// <summary>
    /// Attaches a file (multipart: <c>file</c>, and <c>questionId</c> for a question that takes files). The same checks
    /// as tender documents; stored encrypted; refused with field errors on <c>File</c> or <c>QuestionId</c>.
    /// </summary>
    [HttpPost("attachments")]
    [Consumes("multipart/form-data")]
    [ProducesResponseType<BidAttachmentView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Attach(Guid id, Guid? providerId, [FromForm] UploadBidAttachmentForm form, [FromServices] UploadBidAttachment upload, CancellationToken ct) =>
        this.ToApiResult(await upload.HandleAsync(id, providerId, form, ct), attached => StatusCode(StatusCodes.Status201Created, attached));

    /// <summary>Downloads an attached file (decrypted: it is the provider's own).</summary>
    [HttpGet("attachments/{attachmentId:guid}")]
    [ProducesResponseType<FileContentResult>(StatusCodes.Status200OK, "application/octet-stream")]
    public async Task<ActionResult> Attachment(Guid id, Guid attachmentId, Guid? providerId, [FromServices] BidAttachmentFiles files, CancellationToken ct) =>
        await files.OpenAsync(id, providerId, attachmentId, ct) is { } file ? File(file.Content, file.ContentType, file.FileName) : NotFound();

    /// <summary>Removes a file from the draft while the tender is open (versions submitted before keep it).</summary>
    [HttpDelete("attachments/{attachmentId:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> RemoveAttachment(Guid id, Guid attachmentId, Guid? providerId, [FromServices] RemoveBidAttachment remove, CancellationToken ct) =>
        this.ToApiResult(await remove.HandleAsync(id, providerId, attachmentId, ct), _ => NoContent());

    private const string LateTitle = "The deadline for bids has passed";

    private async Task<BidView?> ViewAsync(Guid id, Guid? providerId, CancellationToken ct)
    {
        var scope = await workspace.OpenAsync(id, providerId, ct);
        return scope?.Bid is { } bid ? BidViews.From(scope, await workspace.VersionsAsync(bid.Id, ct)) : null;
    }
}

/// <summary>The officer's side before opening: only the count of bids received. No route here returns bid content.</summary>
[ApiController]
[Authorize]
[TenantScoped(Role.ProcurementOfficer, Role.TenantAdmin, Role.Evaluator, Role.Approver)]
[Route("api/v1/t/{tenant}/procurements/{id:guid}/bids")]
[Tags("Bids")]
[ProducesResponseType(StatusCodes.Status404NotFound)]
public sealed class ReceivedBidsApiController(BidsReceived received) : ControllerBase
{
    [HttpGet("received")]
    [ProducesResponseType<BidsReceivedView>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Received(Guid id, CancellationToken ct) => this.ToApiResult(await received.HandleAsync(id, ct), Ok);
}
