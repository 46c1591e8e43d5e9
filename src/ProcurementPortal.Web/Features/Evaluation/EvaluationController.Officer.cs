using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Evaluation;

/// <summary>The panel as the panel page asks for it: evaluators ticked, each one's sections, a moderator, the deadline.</summary>
public sealed class PanelForm
{
    public List<Guid> Evaluators { get; set; } = [];
    public Dictionary<Guid, List<Guid>> Sections { get; set; } = [];
    public Dictionary<Guid, List<Guid>> Lots { get; set; } = [];
    public Guid? ModeratorUserId { get; set; }
    public UkDateTimeInput EvaluationDeadline { get; set; } = new();
}

public sealed record PanelCandidate(Guid UserId, string Name, bool IsEvaluator);

public sealed record PanelPage(Guid ProcurementId, string Reference, IReadOnlyList<PanelCandidate> Candidates, IReadOnlyList<Choice> Sections, IReadOnlyList<Choice> Lots,
    IReadOnlyList<PanelInvitation> Invited);

public sealed class ExternalEvaluatorForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
}

public sealed class GateForm
{
    public Guid QuestionId { get; set; }
    public bool? Passed { get; set; }
    public string? Reason { get; set; }
}

public sealed record GateRow(Guid BidId, string Bidder, Guid QuestionId, string Question, bool? Passed, string? Reason);

public sealed class ModerationForm
{
    public int? Score { get; set; }
    public string? Rationale { get; set; }
}

/// <summary>What the officer's evaluation pages show: the pass/fail rows, the moderation rows, the prices, the progress.</summary>
public sealed record OfficerPage(Guid ProcurementId, string Reference, string State, IReadOnlyList<GateRow> Gates, IReadOnlyList<ModerationRow> Moderation,
    IReadOnlyList<PriceRow> Prices, IReadOnlyList<EvaluatorProgress> Progress);

public sealed record PriceRow(string Bidder, string Lot, decimal EvaluatedPrice, decimal LotMeanPrice, bool AbnormallyLow, bool AboveCeiling, string? ClarificationRequest);

/// <summary>
/// The officer's and moderator's pages of the evaluation, in the order an officer works: the panel, the pass/fail
/// decisions, the progress, the prices, the moderation and the publication — each posting to the API's handler.
/// </summary>
public sealed partial class EvaluationController
{
    [HttpGet("evaluation/panel")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Panel(Guid id, [FromServices] EvaluationLoader loader, [FromServices] PortalDbContext db, CancellationToken ct)
    {
        if (await loader.LoadAsync(id, ct) is not { } state)
        {
            return NotFound();
        }
        var form = new PanelForm
        {
            Evaluators = state.Evaluators.Select(m => m.UserId).ToList(),
            Sections = state.Evaluators.ToDictionary(m => m.UserId, m => m.SectionIds.ToList()),
            Lots = state.Evaluators.ToDictionary(m => m.UserId, m => m.LotIds.ToList()),
            ModeratorUserId = state.Moderator?.UserId,
            EvaluationDeadline = UkDateTimeInput.From(state.Procurement.EvaluationDeadline),
        };
        return await PanelViewAsync(state.Procurement, form, db, ct);
    }

    [HttpPost("evaluation/panel")]
    [ApiTwin("PUT /api/v1/t/{tenant}/procurements/{id}/evaluation/panel")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Panel(Guid id, PanelForm form, [FromServices] AssignPanelHandler handler, [FromServices] PortalDbContext db, CancellationToken ct)
    {
        var errors = new Errors();
        var deadline = form.EvaluationDeadline.Read(errors, nameof(PanelCommand.EvaluationDeadline), "evaluation deadline");
        var command = new PanelCommand(form.Evaluators.Distinct().Select(u => new PanelEvaluator(u, form.Sections.GetValueOrDefault(u) ?? [], form.Lots.GetValueOrDefault(u) ?? [])).ToList(),
            form.ModeratorUserId, deadline);
        Outcome<IReadOnlyList<PanelMember>> outcome = errors.IsEmpty ? await handler.HandleAsync(id, command, new TransitionActor(Member.Roles.ToList()), ct) : errors;
        if (outcome.Errors is { } refused && await db.LoadWholeAsync(id, ct) is { } p)
        {
            refused.CopyTo(ModelState);
            return await PanelViewAsync(p, form, db, ct);
        }
        return this.ToPageResult(outcome, NotFound, _ => Done(id, "The panel is appointed"));
    }

    [HttpGet("evaluation/panel/external")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> External(Guid id, [FromServices] PortalDbContext db, CancellationToken ct) =>
        await db.Procurements.AnyAsync(p => p.Id == id, ct) ? View(new ExternalEvaluatorForm()) : NotFound();

    [HttpPost("evaluation/panel/external")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/evaluation/panel/external")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> External(Guid id, ExternalEvaluatorForm form, [FromServices] AddExternalEvaluatorHandler handler, CancellationToken ct) =>
        this.ToPageResult(await handler.HandleAsync(id, new ExternalEvaluatorCommand(form.Name, form.Email), ct), () => View(form), added =>
        {
            TempData["Success"] = added.Invited ? $"Invitation sent to {added.Email}: {added.Name} joins the panel on accepting it" : $"{added.Name} is on the panel";
            return Redirect($"{PageOf(id)}/evaluation/panel");
        });

    [HttpGet("evaluation/gates")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Gates(Guid id, [FromServices] EvaluationLoader loader, [FromServices] EvaluationQueries queries, CancellationToken ct) =>
        await OfficerPageAsync(id, loader, queries, ct) is { } page ? View(page) : NotFound();

    [HttpGet("evaluation/gates/{bidId:guid}/{questionId:guid}")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Gate(Guid id, Guid bidId, Guid questionId, [FromServices] EvaluationLoader loader, [FromServices] EvaluationQueries queries, CancellationToken ct) =>
        await OfficerPageAsync(id, loader, queries, ct) is { } page && page.Gates.FirstOrDefault(g => g.BidId == bidId && g.QuestionId == questionId) is { } row
            ? GateView(row, new GateForm { QuestionId = questionId, Passed = row.Passed, Reason = row.Reason })
            : NotFound();

    [HttpPost("evaluation/bids/{bidId:guid}/gates")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/evaluation/bids/{bidId}/gates")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Gate(Guid id, Guid bidId, GateForm form, [FromServices] RecordGateHandler handler, [FromServices] EvaluationLoader loader,
        [FromServices] EvaluationQueries queries, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, bidId, UserId, new GateCommand(form.QuestionId, form.Passed, form.Reason), ct);
        var row = outcome.Errors is null ? null : (await OfficerPageAsync(id, loader, queries, ct))?.Gates.FirstOrDefault(g => g.BidId == bidId && g.QuestionId == form.QuestionId);
        return this.ToPageResult(outcome, () => row is null ? Redirect($"{PageOf(id)}/evaluation/gates") : GateView(row, form), g =>
        {
            TempData["Success"] = g.Passed ? "Recorded: the bid passes" : "Recorded: the bid fails";
            return Redirect($"{PageOf(id)}/evaluation/gates");
        });
    }

    [HttpGet("evaluation/progress")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Progress(Guid id, [FromServices] EvaluationLoader loader, [FromServices] EvaluationQueries queries, CancellationToken ct) =>
        await OfficerPageAsync(id, loader, queries, ct) is { } page ? View(page) : NotFound();

    [HttpGet("evaluation/prices")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Prices(Guid id, [FromServices] EvaluationLoader loader, [FromServices] EvaluationQueries queries, CancellationToken ct) =>
        await OfficerPageAsync(id, loader, queries, ct) is { } page ? View(page) : NotFound();

    [HttpPost("evaluation/prices")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/evaluation/prices")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Prices(Guid id, [FromServices] EvaluatePricesHandler handler, [FromServices] EvaluationLoader loader,
        [FromServices] EvaluationQueries queries, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, ct);
        var page = outcome.Errors is null ? null : await OfficerPageAsync(id, loader, queries, ct);
        return this.ToPageResult(outcome, () => View(nameof(Prices), page), rows =>
        {
            TempData["Success"] = $"Prices evaluated: {rows.Count(r => r.AbnormallyLow)} abnormally low";
            return Redirect($"{PageOf(id)}/evaluation/prices");
        });
    }

    [HttpGet("evaluation/moderation")]
    public async Task<IActionResult> Moderation(Guid id, [FromServices] EvaluationLoader loader, [FromServices] EvaluationQueries queries, CancellationToken ct) =>
        await OfficerPageAsync(id, loader, queries, ct) is { Moderation.Count: > 0 } page ? View(page) : NotFound();

    [HttpGet("evaluation/moderation/{bidId:guid}/{questionId:guid}")]
    public async Task<IActionResult> Moderate(Guid id, Guid bidId, Guid questionId, [FromServices] EvaluationLoader loader, [FromServices] EvaluationQueries queries, CancellationToken ct) =>
        await OfficerPageAsync(id, loader, queries, ct) is { } page && page.Moderation.FirstOrDefault(m => m.BidId == bidId && m.QuestionId == questionId) is { } row
            ? ModerateView(row, new ModerationForm { Score = row.ModeratedScore, Rationale = row.Rationale })
            : NotFound();

    [HttpPost("evaluation/moderation/{bidId:guid}/{questionId:guid}")]
    [ApiTwin("PUT /api/v1/t/{tenant}/procurements/{id}/evaluation/moderation/{bidId}/{questionId}")]
    public async Task<IActionResult> Moderate(Guid id, Guid bidId, Guid questionId, ModerationForm form, [FromServices] ModerateScoreHandler handler,
        [FromServices] EvaluationLoader loader, [FromServices] EvaluationQueries queries, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, bidId, questionId, UserId, new ModerateCommand(form.Score, form.Rationale), ct);
        var row = outcome.Errors is null ? null : (await OfficerPageAsync(id, loader, queries, ct))?.Moderation.FirstOrDefault(m => m.BidId == bidId && m.QuestionId == questionId);
        return this.ToPageResult(outcome, () => row is null ? Redirect($"{PageOf(id)}/evaluation/moderation") : ModerateView(row, form), _ =>
        {
            TempData["Success"] = "Consensus score saved";
            return Redirect($"{PageOf(id)}/evaluation/moderation");
        });
    }

    [HttpPost("evaluation/results/publish")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/evaluation/results/publish")]
    public async Task<IActionResult> Publish(Guid id, [FromServices] PublishRankingHandler handler, [FromServices] EvaluationResultsQuery results, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, UserId, new TransitionActor(Member.Roles.ToList()), ct);
        var view = outcome.Errors is null ? null : await ResultsForCallerAsync(id, results, ct);
        return this.ToPageResult(outcome, () => View(nameof(Results), ResultsResponse.From(view!)), _ =>
        {
            TempData["Success"] = "The ranking is published as the award recommendation";
            return Redirect($"{PageOf(id)}/evaluation/results");
        });
    }

    private ViewResult GateView(GateRow row, GateForm form)
    {
        ViewData["Row"] = row;
        return View(nameof(Gate), form);
    }

    private ViewResult ModerateView(ModerationRow row, ModerationForm form)
    {
        ViewData["Row"] = row;
        return View(nameof(Moderate), form);
    }

    private async Task<IActionResult> PanelViewAsync(Procurement p, PanelForm form, PortalDbContext db, CancellationToken ct)
    {
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == Member.TenantId && (m.Role == Role.Evaluator || m.Role == Role.ProcurementOfficer))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.UserId, m.Role, Name = u.DisplayName != "" ? u.DisplayName : u.Email ?? "" })
            .ToListAsync(ct);
        var candidates = members.GroupBy(m => m.UserId)
            .Select(g => new PanelCandidate(g.Key, g.First().Name, g.Any(m => m.Role == Role.Evaluator)))
            .OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var sections = p.Sections.OrderBy(s => s.Number).Select(s => new Choice(s.Id.ToString(), $"{s.Number}. {s.Title}")).ToList();
        var lots = p.Lots.OrderBy(l => l.Number).Select(l => new Choice(l.Id.ToString(), $"Lot {l.Number}: {l.Name}")).ToList();
        var invited = await db.PanelInvitations.AsNoTracking().Where(i => i.ProcurementId == p.Id && i.JoinedAt == null).OrderBy(i => i.DisplayName).ToListAsync(ct);
        ViewData["Page"] = new PanelPage(p.Id, p.Reference, candidates, sections, lots, invited);
        return View(nameof(Panel), form);
    }

    private async Task<OfficerPage?> OfficerPageAsync(Guid id, EvaluationLoader loader, EvaluationQueries queries, CancellationToken ct)
    {
        if (await loader.LoadAsync(id, ct) is not { } state)
        {
            return null;
        }
        var p = state.Procurement;
        var gates = state.Bids.OrderBy(b => b.ProviderName, StringComparer.Ordinal).SelectMany(b =>
            EvaluationResults.QuestionsFor(p, b, QuestionType.PassFail).Select(q =>
                state.Gates.FirstOrDefault(g => g.BidId == b.BidId && g.QuestionId == q.Id) is { } g
                    ? new GateRow(b.BidId, b.ProviderName, q.Id, q.Text, g.Passed, g.Reason)
                    : new GateRow(b.BidId, b.ProviderName, q.Id, q.Text, null, null))).ToList();
        var moderation = (await queries.ModerationAsync(id, UserId, Member.Has(Role.ProcurementOfficer), ct)).Value ?? [];
        var lots = p.Lots.ToDictionary(l => l.Id, l => $"Lot {l.Number}: {l.Name}");
        var prices = (await queries.PricesAsync(id, ct)).Select(x => new PriceRow(state.Bid(x.BidId)?.ProviderName ?? "", lots.GetValueOrDefault(x.LotId) ?? "",
            x.EvaluatedPrice, x.LotMeanPrice, x.AbnormallyLow, x.AboveCeiling, x.ClarificationRequest)).OrderBy(r => r.Lot, StringComparer.Ordinal).ThenBy(r => r.EvaluatedPrice).ToList();
        var progress = Member.Has(Role.ProcurementOfficer) ? (await queries.ProgressAsync(id, ct)).Value ?? [] : [];
        return new OfficerPage(p.Id, p.Reference, ProcurementLifecycle.Describe(p.State), gates, moderation, prices, progress);
    }
}
