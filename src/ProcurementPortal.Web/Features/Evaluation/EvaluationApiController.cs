using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Evaluation;

public sealed record PanelMemberResponse(Guid UserId, string Name, string Role, IReadOnlyList<Guid> SectionIds, IReadOnlyList<Guid> LotIds, DateTimeOffset? ScoresSubmittedAtUtc);

public sealed record ScoreResponse(Guid BidId, Guid QuestionId, int Score, string Justification);

public sealed record ModeratedScoreResponse(Guid BidId, Guid QuestionId, int Score, string Rationale);

public sealed record GateResponse(Guid BidId, Guid QuestionId, bool Passed, string? Reason);

public sealed record PriceEvaluationResponse(Guid BidId, Guid LotId, decimal EvaluatedPrice, decimal LotMeanPrice, bool AbnormallyLow, bool AboveCeiling, string? ClarificationRequest);

/// <summary>
/// The opening and the evaluation of a procurement's bids: panel, conflicts, gates, blind scores, moderation, prices,
/// results and the report. Bid content comes only through <see cref="OpenedBids"/>, after two officers opened them.
/// </summary>
[ApiController]
[Route("api/v1/t/{tenant}/procurements/{id:guid}")]
[TenantScoped]
[PersonOnly]
[Tags("Evaluation")]
[ProducesResponseType(StatusCodes.Status404NotFound)]
public sealed class EvaluationApiController : ControllerBase
{
    private Guid UserId => User.UserId()!.Value;
    private TransitionActor Actor => new(HttpContext.TenantMembership()!.Roles.ToList());
    private bool IsOfficer => HttpContext.TenantMembership()!.Has(Role.ProcurementOfficer);

    /// <summary>Confirms the opening of the bids. The first officer's confirmation waits; a second, different officer's opens them.</summary>
    [HttpPost("open")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<OpeningView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Open(Guid id, [FromServices] OpenBidsHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, UserId, User.Identity!.Name!, Actor, ct), Ok);

    /// <summary>The opening record: who confirmed and when, and how many bids were opened (null before any confirmation).</summary>
    [HttpGet("opening")]
    [ProducesResponseType<OpeningView>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Opening(Guid id, [FromServices] OpenBidsHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.GetAsync(id, ct), v => Ok(v));

    [HttpPut("evaluation/panel")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<List<PanelMemberResponse>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Panel(Guid id, PanelCommand command, [FromServices] AssignPanelHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, command, Actor, ct), panel => Ok(panel.Select(m =>
            new PanelMemberResponse(m.UserId, m.DisplayName, m.Role.ToString(), m.SectionIds, m.LotIds, EvaluationQueries.Utc(m.ScoresSubmittedAt))).ToList()));

    /// <summary>
    /// Adds a named external evaluator by email: one of the organisation's evaluators joins at once (invited false);
    /// anyone else is emailed an invitation to the Evaluator role and joins the panel on accepting it (invited true).
    /// </summary>
    [HttpPost("evaluation/panel/external")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<ExternalEvaluatorResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> AddExternal(Guid id, ExternalEvaluatorCommand command, [FromServices] AddExternalEvaluatorHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, command, ct), Ok);

    /// <summary>The caller's view of the evaluation: declarations to make and the bids to score.</summary>
    [HttpGet("evaluation")]
    [ProducesResponseType<EvaluationOverview>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Overview(Guid id, [FromServices] EvaluationQueries queries, CancellationToken ct) =>
        this.ToApiResult(await queries.OverviewAsync(id, UserId, ct), Ok);

    /// <summary>The caller's conflict-of-interest declarations, one per bidder, all at once and final.</summary>
    [HttpPost("evaluation/declarations")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Declare(Guid id, DeclarationsCommand command, [FromServices] DeclareConflictsHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, UserId, command, ct), _ => NoContent());

    [HttpPost("evaluation/bids/{bidId:guid}/gates")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<GateResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Gate(Guid id, Guid bidId, GateCommand command, [FromServices] RecordGateHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, bidId, UserId, command, ct), g => Ok(new GateResponse(g.BidId, g.QuestionId, g.Passed, g.Reason)));

    /// <summary>A bid as the calling evaluator scores it; others' scores only once the caller has submitted their own.</summary>
    [HttpGet("evaluation/bids/{bidId:guid}")]
    [ProducesResponseType<EvaluatorBidView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Bid(Guid id, Guid bidId, [FromServices] EvaluationQueries queries, CancellationToken ct) =>
        this.ToApiResult(await queries.BidAsync(id, bidId, UserId, ct), Ok);

    [HttpPut("evaluation/bids/{bidId:guid}/scores/{questionId:guid}")]
    [ProducesResponseType<ScoreResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Score(Guid id, Guid bidId, Guid questionId, ScoreCommand command, [FromServices] ScoreQuestionHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, bidId, questionId, UserId, command, ct), s => Ok(new ScoreResponse(s.BidId, s.QuestionId, s.Score, s.Justification)));

    /// <summary>Submits the caller's scores (final); the last evaluator's submission starts moderation.</summary>
    [HttpPost("evaluation/submit")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Submit(Guid id, [FromServices] SubmitScoresHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, UserId, ct), _ => NoContent());

    /// <summary>Individual scores side by side per question, with the spread flagged at 2 points or more.</summary>
    [HttpGet("evaluation/moderation")]
    [ProducesResponseType<List<ModerationRow>>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Moderation(Guid id, [FromQuery] PageRequest paging, [FromServices] EvaluationQueries queries, CancellationToken ct) =>
        this.ToApiResult(await queries.ModerationAsync(id, UserId, IsOfficer, ct), rows => Ok(this.Page(rows, paging)));

    [HttpPut("evaluation/moderation/{bidId:guid}/{questionId:guid}")]
    [ProducesResponseType<ModeratedScoreResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Moderate(Guid id, Guid bidId, Guid questionId, ModerateCommand command, [FromServices] ModerateScoreHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, bidId, questionId, UserId, command, ct), s => Ok(new ModeratedScoreResponse(s.BidId, s.QuestionId, s.Score, s.Rationale)));

    /// <summary>Evaluates every eligible bid's price per lot, flags abnormally low ones and records a clarification request for each.</summary>
    [HttpPost("evaluation/prices")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<List<PriceEvaluationResponse>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Prices(Guid id, [FromServices] EvaluatePricesHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, ct), rows => Ok(rows.Select(x =>
            new PriceEvaluationResponse(x.BidId, x.LotId, x.EvaluatedPrice, x.LotMeanPrice, x.AbnormallyLow, x.AboveCeiling, x.ClarificationRequest)).ToList()));

    /// <summary>Totals, ranking and recommendation per lot, and the affordability of the recommended (from moderation on).</summary>
    [HttpGet("evaluation/results")]
    [ProducesResponseType<ResultsResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Results(Guid id, [FromServices] EvaluationResultsQuery results, CancellationToken ct) =>
        await ResultsForCallerAsync(id, results, ct) is { } view ? Ok(ResultsResponse.From(view)) : NotFound();

    [HttpGet("evaluation/results.csv")]
    [Produces("text/csv")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/csv")]
    public async Task<ActionResult> ResultsCsv(Guid id, [FromServices] EvaluationResultsQuery results, CancellationToken ct) =>
        await ResultsForCallerAsync(id, results, ct) is { } view
            ? File(EvaluationReport.Csv(ResultsResponse.From(view)), CsvFile.ContentType, $"{view.State.Procurement.Reference}-evaluation.csv")
            : NotFound();

    [HttpGet("evaluation/report.pdf")]
    [Produces("application/pdf")]
    [ProducesResponseType<byte[]>(StatusCodes.Status200OK, "application/pdf")]
    public async Task<ActionResult> ReportPdf(Guid id, [FromServices] EvaluationResultsQuery results, [FromServices] EvaluationQueries queries,
        [FromServices] EvaluationReport report, CancellationToken ct)
    {
        if (await ResultsForCallerAsync(id, results, ct) is not { } view)
        {
            return NotFound();
        }
        var matrix = (await queries.ModerationAsync(id, UserId, true, ct)).Value ?? [];
        return File(report.Pdf(view, matrix, HttpContext.TenantMembership()!.Name), "application/pdf", $"{view.State.Procurement.Reference}-evaluation.pdf");
    }

    /// <summary>Publishes the moderated ranking as the award recommendation.</summary>
    [HttpPost("evaluation/results/publish")]
    [ProducesResponseType<ResultsResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Publish(Guid id, [FromServices] PublishRankingHandler handler, [FromServices] EvaluationResultsQuery results, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, UserId, Actor, ct);
        if (!outcome.Succeeded)
        {
            return this.ToApiResult(outcome, _ => Ok());
        }
        return Ok(ResultsResponse.From((await results.LoadAsync(id, ct))!));
    }

    /// <summary>Per evaluator and per question, what is scored of what they must score.</summary>
    [HttpGet("evaluation/progress")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<List<EvaluatorProgress>>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Progress(Guid id, [FromQuery] PageRequest paging, [FromServices] EvaluationQueries queries, CancellationToken ct) =>
        this.ToApiResult(await queries.ProgressAsync(id, ct), rows => Ok(this.Page(rows, paging)));

    /// <summary>Officers and the panel's moderator see the results; no one else.</summary>
    private async Task<ResultsView?> ResultsForCallerAsync(Guid id, EvaluationResultsQuery results, CancellationToken ct) =>
        await results.LoadAsync(id, ct) is { } view && (IsOfficer || view.State.Member(UserId, PanelRole.Moderator) is not null) ? view : null;
}
