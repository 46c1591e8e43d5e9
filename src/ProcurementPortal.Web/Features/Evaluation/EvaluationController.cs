using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Evaluation;

/// <summary>The score page of one question of one bid for the signed-in evaluator.</summary>
public sealed record QuestionPage(Guid ProcurementId, EvaluatorBidView Bid, QuestionToScore Question, ScoreForm Form);

public sealed class ScoreForm
{
    public int? Score { get; set; }
    public string? Justification { get; set; }
}

public sealed class DeclarationsForm
{
    public Dictionary<Guid, Declaration> Declarations { get; set; } = [];
}

/// <summary>
/// The opening and the evaluation pages over the same handlers as the API: the opening confirmation, the panel
/// member's front page (declarations, then the bids to score), one page per question to score, the results.
/// </summary>
[TenantScoped]
[Route("{tenant}/procurements/{id:guid}")]
public sealed partial class EvaluationController : Controller
{
    private TenantMembership Member => HttpContext.TenantMembership()!;
    private Guid UserId => User.UserId()!.Value;
    private string PageOf(Guid id) => $"/{Member.Slug}/procurements/{id}";

    [HttpPost("open")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/open")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Open(Guid id, [FromServices] OpenBidsHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, UserId, User.Identity!.Name!, new TransitionActor(Member.Roles.ToList()), ct);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }
        TempData["Success"] = outcome.Errors is { } errors
            ? string.Join(" ", errors.ToDictionary().Values.SelectMany(v => v))
            : outcome.Value!.Complete ? $"The bids are open: {outcome.Value.BidsOpened} bid(s) opened" : "Your confirmation is recorded. A second procurement officer must confirm the opening.";
        return Redirect(PageOf(id));
    }

    [HttpGet("evaluation")]
    public async Task<IActionResult> Index(Guid id, [FromServices] EvaluationQueries queries, CancellationToken ct)
    {
        var outcome = await queries.OverviewAsync(id, UserId, ct);
        return outcome.Succeeded ? View(outcome.Value) : NotFound();
    }

    [HttpPost("evaluation/declarations")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/evaluation/declarations")]
    public async Task<IActionResult> Declare(Guid id, DeclarationsForm form, [FromServices] DeclareConflictsHandler handler, [FromServices] EvaluationQueries queries, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, UserId, new DeclarationsCommand(form.Declarations), ct);
        var page = outcome.Errors is null ? null : (await queries.OverviewAsync(id, UserId, ct)).Value;
        return this.ToPageResult(outcome,
            () => View(nameof(Index), page),
            conflicts => Done(id, conflicts == 0 ? "Your declarations are recorded" : $"Your declarations are recorded; you are taken off {conflicts} bid(s)"));
    }

    [HttpGet("evaluation/bids/{bidId:guid}")]
    public async Task<IActionResult> Bid(Guid id, Guid bidId, [FromServices] EvaluationQueries queries, CancellationToken ct)
    {
        var outcome = await queries.BidAsync(id, bidId, UserId, ct);
        if (outcome.Errors is not null)
        {
            return Redirect($"{PageOf(id)}/evaluation");
        }
        return outcome.Succeeded ? View(outcome.Value) : NotFound();
    }

    [HttpGet("evaluation/bids/{bidId:guid}/questions/{questionId:guid}")]
    public async Task<IActionResult> Question(Guid id, Guid bidId, Guid questionId, [FromServices] EvaluationQueries queries, CancellationToken ct) =>
        await QuestionPageAsync(id, bidId, questionId, null, queries, ct) is { } page ? QuestionView(page) : NotFound();

    [HttpPost("evaluation/bids/{bidId:guid}/questions/{questionId:guid}")]
    [ApiTwin("PUT /api/v1/t/{tenant}/procurements/{id}/evaluation/bids/{bidId}/scores/{questionId}")]
    public async Task<IActionResult> Question(Guid id, Guid bidId, Guid questionId, ScoreForm form, [FromServices] ScoreQuestionHandler handler,
        [FromServices] EvaluationQueries queries, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, bidId, questionId, UserId, new ScoreCommand(form.Score, form.Justification), ct);
        var page = outcome.Errors is null ? null : await QuestionPageAsync(id, bidId, questionId, form, queries, ct);
        return this.ToPageResult(outcome, () => page is null ? Redirect($"{PageOf(id)}/evaluation") : QuestionView(page), _ =>
        {
            TempData["Success"] = "Score saved";
            return Redirect($"{PageOf(id)}/evaluation/bids/{bidId}");
        });
    }

    [HttpPost("evaluation/submit")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/evaluation/submit")]
    public async Task<IActionResult> Submit(Guid id, [FromServices] SubmitScoresHandler handler, [FromServices] EvaluationQueries queries, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, UserId, ct);
        var page = outcome.Errors is null ? null : (await queries.OverviewAsync(id, UserId, ct)).Value;
        return this.ToPageResult(outcome, () => View(nameof(Index), page), _ => Done(id, "Your scores are submitted"));
    }

    /// <summary>The results and the evaluation report (HTML) for officers and the moderator; CSV and PDF beside it.</summary>
    [HttpGet("evaluation/results")]
    public async Task<IActionResult> Results(Guid id, [FromServices] EvaluationResultsQuery results, CancellationToken ct) =>
        await ResultsForCallerAsync(id, results, ct) is { } view ? View(ResultsResponse.From(view)) : NotFound();

    [HttpGet("evaluation/results.csv")]
    public async Task<IActionResult> ResultsCsv(Guid id, [FromServices] EvaluationResultsQuery results, CancellationToken ct) =>
        await ResultsForCallerAsync(id, results, ct) is { } view
            ? File(EvaluationReport.Csv(ResultsResponse.From(view)), CsvFile.ContentType, $"{view.State.Procurement.Reference}-evaluation.csv")
            : NotFound();

    [HttpGet("evaluation/report.pdf")]
    public async Task<IActionResult> ReportPdf(Guid id, [FromServices] EvaluationResultsQuery results, [FromServices] EvaluationQueries queries,
        [FromServices] EvaluationReport report, CancellationToken ct)
    {
        if (await ResultsForCallerAsync(id, results, ct) is not { } view)
        {
            return NotFound();
        }
        var matrix = (await queries.ModerationAsync(id, UserId, true, ct)).Value ?? [];
        return File(report.Pdf(view, matrix, Member.Name), "application/pdf", $"{view.State.Procurement.Reference}-evaluation.pdf");
    }

    private async Task<ResultsView?> ResultsForCallerAsync(Guid id, EvaluationResultsQuery results, CancellationToken ct) =>
        await results.LoadAsync(id, ct) is { } view && (Member.Has(Role.ProcurementOfficer) || view.State.Member(UserId, PanelRole.Moderator) is not null) ? view : null;

    private async Task<QuestionPage?> QuestionPageAsync(Guid id, Guid bidId, Guid questionId, ScoreForm? form, EvaluationQueries queries, CancellationToken ct)
    {
        var bid = (await queries.BidAsync(id, bidId, UserId, ct)).Value;
        if (bid?.Questions.FirstOrDefault(q => q.QuestionId == questionId) is not { } question)
        {
            return null;
        }
        return new QuestionPage(id, bid, question, form ?? new ScoreForm { Score = question.MyScore, Justification = question.MyJustification });
    }

    private ViewResult QuestionView(QuestionPage page)
    {
        ViewData["Page"] = page;
        return View(nameof(Question), page.Form);
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData["Success"] = message;
        return Redirect($"{PageOf(id)}/evaluation");
    }
}
