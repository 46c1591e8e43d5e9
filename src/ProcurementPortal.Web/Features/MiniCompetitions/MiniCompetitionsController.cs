using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Web.Features.Brokerage;
using ProcurementPortal.Web.Features.Framework;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.MiniCompetitions;

/// <summary>A band's hours and a question as people type them into the start page.</summary>
public sealed class BandHoursField
{
    public string? BandCode { get; set; }
    public string? HoursPerWeek { get; set; }
}

public sealed class QuestionField
{
    public string? Text { get; set; }
    public string? Weight { get; set; }
}

/// <summary>The start page's form: one hours box per need band of the framework, five question rows, the deadline in UK time.</summary>
public sealed class MiniCompetitionForm
{
    public Guid? LotId { get; set; }
    public string? Title { get; set; }
    public string? Requirements { get; set; }
    public List<BandHoursField> Bands { get; set; } = [];
    public string? StartsOnDay { get; set; }
    public string? StartsOnMonth { get; set; }
    public string? StartsOnYear { get; set; }
    public UkDateTimeInput ClosesAt { get; set; } = new();
    public List<QuestionField> Questions { get; set; } = [];
    /// <summary>The framework whose lots and bands the page offers, and its weights (not posted back).</summary>
    [BindNever]
    public FrameworkView? Framework { get; set; }
    [BindNever]
    public decimal PriceWeight { get; set; }

    /// <summary>Fills the rows the page shows: every band of the framework's lots, and five questions.</summary>
    public MiniCompetitionForm For(FrameworkView framework, decimal priceWeight)
    {
        Framework = framework;
        PriceWeight = priceWeight;
        var codes = framework.Lots.SelectMany(l => l.Members.SelectMany(m => m.Rates)).Select(r => r.BandCode).Distinct().Order(StringComparer.Ordinal).ToList();
        Bands = codes.Select(code => new BandHoursField { BandCode = code, HoursPerWeek = Bands.FirstOrDefault(b => b.BandCode == code)?.HoursPerWeek }).ToList();
        while (Questions.Count < StartMiniCompetitionCommand.MaxQuestions)
        {
            Questions.Add(new QuestionField());
        }
        return this;
    }

    public string BandName(string code) =>
        Framework?.Lots.SelectMany(l => l.Members.SelectMany(m => m.Rates)).FirstOrDefault(r => r.BandCode == code)?.BandName ?? "";

    public StartMiniCompetitionCommand ToCommand(Errors errors) => new()
    {
        LotId = LotId,
        Title = Title,
        Requirements = Requirements,
        Bands = Bands.Select((b, i) => new BandHoursInput(b.BandCode, Number.Read(b.HoursPerWeek, $"Bands[{i}].HoursPerWeek", "the hours a week", errors))).ToList(),
        StartsOn = DateParts.Read(StartsOnDay, StartsOnMonth, StartsOnYear, errors, "StartsOnDay", "the start date"),
        ClosesAt = ClosesAt.Read(errors, nameof(ClosesAt), "deadline for responses"),
        Questions = Questions.Select((q, i) => new QuestionInput(q.Text, Number.Read(q.Weight, $"Questions[{i}].Weight", "the weight", errors))).ToList(),
    };
}

public sealed record MiniCompetitionsPage(IReadOnlyList<MiniCompetitionRow> Competitions);

/// <summary>The score page's form: one score and justification per question.</summary>
public sealed class ScoreForm
{
    public List<ScoreInput> Scores { get; set; } = [];
}

public sealed record ScorePage(MiniCompetitionView Competition, CompetitionResponseRow Response, ScoreForm Form);

/// <summary>Mini-competitions, the officer's side (API twin: <see cref="MiniCompetitionsApiController"/>).</summary>
[TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
public sealed class MiniCompetitionsController(MiniCompetitions competitions, FrameworkMembers framework, Core.Data.PortalDbContext db) : Controller
{
    [HttpGet("{tenant}/mini-competitions")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(new MiniCompetitionsPage(await competitions.ListAsync(ct)));

    [HttpGet("{tenant}/procurements/{id:guid}/mini-competitions/new")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> New(Guid id, CancellationToken ct) =>
        await FormAsync(id, new MiniCompetitionForm(), ct) is { } form ? View(form) : NotFound();

    [HttpPost("{tenant}/procurements/{id:guid}/mini-competitions/new")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/mini-competitions")]
    [TenantScoped(Role.ProcurementOfficer)]
    [PersonOnly]
    public async Task<IActionResult> New(Guid id, MiniCompetitionForm form, [FromServices] StartMiniCompetitionHandler handler, CancellationToken ct)
    {
        if (await FormAsync(id, form, ct) is null)
        {
            return NotFound();
        }
        var errors = new Errors();
        var command = form.ToCommand(errors);
        var outcome = errors.IsEmpty ? await handler.HandleAsync(id, command, ct) : errors;
        if (outcome.Errors is { } found)
        {
            outcome = found.OnDayBoxes(nameof(StartMiniCompetitionCommand.StartsOn));
        }
        return this.ToPageResult(outcome, () => View(form), c =>
        {
            TempData["Success"] = $"{c.Reference} is sent to {c.MembersInvited} providers";
            return Redirect($"/{HttpContext.TenantMembership()!.Slug}/mini-competitions/{c.Id}");
        });
    }

    [HttpGet("{tenant}/mini-competitions/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct) =>
        await competitions.FindAsync(id, ct) is { } view ? View(view) : NotFound();

    [HttpGet("{tenant}/mini-competitions/{id:guid}/responses/{responseId:guid}/score")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Score(Guid id, Guid responseId, CancellationToken ct) =>
        await ScorePageAsync(id, responseId, null, ct) is { } page ? View(page) : NotFound();

    [HttpPost("{tenant}/mini-competitions/{id:guid}/responses/{responseId:guid}/score")]
    [ApiTwin("POST /api/v1/t/{tenant}/mini-competitions/{id}/responses/{responseId}/scores")]
    [TenantScoped(Role.ProcurementOfficer)]
    [PersonOnly]
    public async Task<IActionResult> Score(Guid id, Guid responseId, ScoreForm form, [FromServices] ScoreMiniCompetitionResponseHandler handler, CancellationToken ct)
    {
        if (await ScorePageAsync(id, responseId, form, ct) is not { } page)
        {
            return NotFound();
        }
        var outcome = await handler.HandleAsync(id, responseId, new ScoreMiniCompetitionResponseCommand { Scores = form.Scores }, ct);
        return this.ToPageResult(outcome, () => View(page), r =>
        {
            TempData["Success"] = $"{r.ProviderName}'s response is scored";
            return Redirect($"/{HttpContext.TenantMembership()!.Slug}/mini-competitions/{id}");
        });
    }

    [HttpPost("{tenant}/mini-competitions/{id:guid}/award")]
    [ApiTwin("POST /api/v1/t/{tenant}/mini-competitions/{id}/award")]
    [TenantScoped(Role.ProcurementOfficer)]
    [PersonOnly]
    public async Task<IActionResult> Award(Guid id, AwardMiniCompetitionCommand command, [FromServices] AwardMiniCompetitionHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, command, ct);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }
        if (outcome.Errors is { } errors)
        {
            errors.CopyTo(ModelState);
            return await competitions.FindAsync(id, ct) is { } view ? View(nameof(Show), view) : NotFound();
        }
        TempData["Success"] = outcome.Value!.Status == MiniCompetitionStatus.CalledOff
            ? "Awarded: the call-off contract is made and every responder is told"
            : "Awarded: every responder is told, and the call-off contract is made when the standstill ends";
        return Redirect($"/{HttpContext.TenantMembership()!.Slug}/mini-competitions/{id}");
    }

    private async Task<MiniCompetitionForm?> FormAsync(Guid procurementId, MiniCompetitionForm form, CancellationToken ct)
    {
        if (await framework.FindAsync(procurementId, ct) is not { } view)
        {
            return null;
        }
        var priceWeight = await MiniCompetitionWeights.PriceWeightAsync(db, procurementId, ct);
        return form.For(view, priceWeight);
    }

    private async Task<ScorePage?> ScorePageAsync(Guid id, Guid responseId, ScoreForm? form, CancellationToken ct)
    {
        if (await competitions.FindAsync(id, ct) is not { Responses: { } responses } view || responses.FirstOrDefault(r => r.ResponseId == responseId) is not { } response)
        {
            return null;
        }
        form ??= new ScoreForm
        {
            Scores = view.Questions.Select(q => response.Scores.FirstOrDefault(s => s.Number == q.Number) is { } s
                ? new ScoreInput(s.Score, s.Justification) : new ScoreInput(null, null)).ToList(),
        };
        return new ScorePage(view, response, form);
    }
}

/// <summary>The framework tender's price weight, shown on the start page (quality is the rest).</summary>
public static class MiniCompetitionWeights
{
    public static Task<decimal> PriceWeightAsync(Core.Data.PortalDbContext db, Guid procurementId, CancellationToken ct) =>
        db.Procurements.Where(p => p.Id == procurementId).Select(p => p.PriceWeight).SingleAsync(ct);
}

/// <summary>Mini-competitions, the officer's side: start one on a lot, read it (sealed until the deadline), score the responses, award.</summary>
[ApiController]
[Route("api/v1/t/{tenant}")]
[TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
[Tags("Mini-competitions")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
public sealed class MiniCompetitionsApiController(MiniCompetitions competitions) : ControllerBase
{
    /// <summary>The tenant's mini-competitions, newest first.</summary>
    [HttpGet("mini-competitions")]
    [ProducesResponseType<List<MiniCompetitionRow>>(StatusCodes.Status200OK)]
    public async Task<ActionResult> List([FromQuery] PageRequest paging, CancellationToken ct) => Ok(this.Page(await competitions.ListAsync(ct), paging));

    /// <summary>Starts a mini-competition on a lot of the procurement's framework; every active member of the lot is invited.</summary>
    [HttpPost("procurements/{id:guid}/mini-competitions")]
    [TenantScoped(Role.ProcurementOfficer)]
    [PersonOnly]
    [ProducesResponseType<MiniCompetitionView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Start(Guid id, StartMiniCompetitionCommand command, [FromServices] StartMiniCompetitionHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, command, ct);
        return outcome.Succeeded
            ? StatusCode(StatusCodes.Status201Created, await competitions.FindAsync(outcome.Value!.Id, ct))
            : this.ToApiResult(outcome, _ => Ok());
    }

    /// <summary>One mini-competition: before the deadline only how many responded (sealed); after it, the responses ranked with their scores.</summary>
    [HttpGet("mini-competitions/{id:guid}")]
    [ProducesResponseType<MiniCompetitionView>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Get(Guid id, CancellationToken ct) =>
        await competitions.FindAsync(id, ct) is { } view ? Ok(view) : NotFound();

    /// <summary>Scores one response's answers (0 to 5, each with a justification), after the deadline and before the award.</summary>
    [HttpPost("mini-competitions/{id:guid}/responses/{responseId:guid}/scores")]
    [TenantScoped(Role.ProcurementOfficer)]
    [PersonOnly]
    [ProducesResponseType<MiniCompetitionView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Score(Guid id, Guid responseId, ScoreMiniCompetitionResponseCommand command, [FromServices] ScoreMiniCompetitionResponseHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, responseId, command, ct);
        return outcome.Succeeded ? Ok(await competitions.FindAsync(id, ct)) : this.ToApiResult(outcome, _ => Ok());
    }

    /// <summary>Awards to the response ranked first, records the standstill (mandatory, voluntary or none, with the reason) and tells every responder.</summary>
    [HttpPost("mini-competitions/{id:guid}/award")]
    [TenantScoped(Role.ProcurementOfficer)]
    [PersonOnly]
    [ProducesResponseType<MiniCompetitionView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Award(Guid id, AwardMiniCompetitionCommand command, [FromServices] AwardMiniCompetitionHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, command, ct);
        return outcome.Succeeded ? Ok(await competitions.FindAsync(id, ct)) : this.ToApiResult(outcome, _ => Ok());
    }
}
