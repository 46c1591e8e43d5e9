using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Web.Features.Bids;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Features.Brokerage;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.MiniCompetitions;

/// <summary>A band involved as a member sees it: the hours, and its own framework rate for the band (the most it may bid).</summary>
public sealed record BandToPrice(string Code, string Name, decimal HoursPerWeek, decimal? YourFrameworkRate);

public sealed record YourCompetitionResponse(Guid Id, IReadOnlyList<BandRate> Rates, decimal WeeklyPrice, IReadOnlyList<CompetitionAnswer> Answers, DateTimeOffset ReceivedAt, int Revision);

/// <summary>
/// A mini-competition as a member sees it: nothing of any other provider's response. <c>Outcome</c>: open, closed
/// (being scored), successful, unsuccessful (the scores are in the assessment summary emailed to it).
/// </summary>
public sealed record ProviderCompetitionView(
    Guid Id, Guid ProviderId, string ProviderName, string Reference, string Title, string LotName, string Requirements, IReadOnlyList<BandToPrice> Bands,
    IReadOnlyList<CompetitionQuestion> Questions, DateOnly StartsOn, DateOnly EndsOn, string Rule, DateTimeOffset ClosesAt, string ClosesAtText, bool Open,
    YourCompetitionResponse? YourResponse, string Outcome)
{
    public static ProviderCompetitionView From(ProviderCompetition p, DateTime now)
    {
        var c = p.Competition;
        var open = now < c.ClosesAt;
        var outcome = c.WinnerResponseId is null || p.Response is null
            ? open ? "open" : "closed"
            : c.WinnerResponseId == p.Response.Id ? "successful" : "unsuccessful";
        var mine = p.Response is { } r
            ? new YourCompetitionResponse(r.Id, r.Rates, MiniCompetitionScoring.WeeklyPrice(c.Bands, r.Rates), r.Answers, CompetitionWindow.Utc(r.ReceivedAt), r.Revision)
            : null;
        return new ProviderCompetitionView(c.Id, p.Provider.Id, p.Provider.Name, c.Reference, c.Title, c.LotName, c.Requirements,
            c.Bands.Select(b => new BandToPrice(b.Code, b.Name, b.HoursPerWeek, p.FrameworkRates.FirstOrDefault(x => x.BandCode == b.Code)?.Rate)).ToList(),
            c.Questions, c.StartsOn, c.EndsOn, MiniCompetitionScoring.Describe(c.PriceWeight, c.PriceFormula), CompetitionWindow.Utc(c.ClosesAt),
            BidViews.FormatToSecond(c.ClosesAt), open, mine, outcome);
    }
}

/// <summary>The response page's form: a rate per band involved and an answer per question, in their order.</summary>
public sealed class CompetitionResponseForm
{
    public Guid? ProviderId { get; set; }
    public List<string?> Rates { get; set; } = [];
    public List<string?> Answers { get; set; } = [];

    public static CompetitionResponseForm From(ProviderCompetitionView view) => new()
    {
        ProviderId = view.ProviderId,
        Rates = view.Bands.Select(b => view.YourResponse?.Rates.FirstOrDefault(r => r.Code == b.Code)?.Rate.ToString("0.00")).ToList(),
        Answers = view.Questions.Select(q => view.YourResponse?.Answers.FirstOrDefault(a => a.Number == q.Number)?.Text).ToList(),
    };
}

public sealed record ProviderCompetitionPage(ProviderCompetitionView Competition, CompetitionResponseForm Form, LateBid? Late);

/// <summary>Mini-competitions, the provider's side (the provider from the person's membership; anyone but an active member of the lot gets 404).</summary>
[Authorize]
[PublicTenantPage]
[Route("{tenant}/mini-competitions/{id:guid}/response")]
public sealed class ProviderMiniCompetitionsController(MiniCompetitionAccess access, PortalDbContext db) : Controller
{
    private const string Page = "/Features/MiniCompetitions/Respond.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Respond(Guid id, Guid? providerId, CancellationToken ct) =>
        await ViewAsync(id, providerId, ct) is { } view ? View(Page, new ProviderCompetitionPage(view, CompetitionResponseForm.From(view), null)) : NotFound();

    [HttpPost("")]
    [ApiTwin("POST /api/v1/t/{tenant}/mini-competitions/{id}/response")]
    public async Task<IActionResult> Respond(Guid id, CompetitionResponseForm form, [FromServices] RespondToMiniCompetitionHandler handler, CancellationToken ct)
    {
        if (await ViewAsync(id, form.ProviderId, ct) is not { } before)
        {
            return NotFound();
        }
        var errors = new Errors();
        var command = new RespondToMiniCompetitionCommand
        {
            ProviderId = form.ProviderId,
            Rates = before.Bands.Select((b, i) => new BandRateInput(b.Code, Number.Read(form.Rates.ElementAtOrDefault(i), $"Rates[{i}]", $"your rate for {b.Code}", errors))).ToList(),
            Answers = form.Answers,
        };
        var outcome = errors.IsEmpty ? await handler.HandleAsync(id, command, ct) : errors;
        if (outcome.IsNotFound)
        {
            return NotFound();
        }
        outcome.Errors?.CopyTo(ModelState);
        if (outcome.Succeeded && outcome.Value!.Late is null)
        {
            TempData["Success"] = outcome.Value.Response!.Revision > 1 ? "Your revised response is received" : "Your response is received";
            return Redirect($"/{RouteData.Values["tenant"]}/mini-competitions/{id}/response?providerId={form.ProviderId}");
        }
        return await ViewAsync(id, form.ProviderId, ct) is { } view ? View(Page, new ProviderCompetitionPage(view, form, outcome.Value?.Late)) : NotFound();
    }

    private async Task<ProviderCompetitionView?> ViewAsync(Guid id, Guid? providerId, CancellationToken ct) =>
        await access.OpenAsync(id, providerId, ct) is { } opened ? ProviderCompetitionView.From(opened, await db.DatabaseNowAsync(ct)) : null;
}

/// <summary>Mini-competitions, the provider's side: the competition as a member sees it, and its response (revisable until the deadline).</summary>
[ApiController]
[Authorize]
[PublicTenantPage]
[Route("api/v1/t/{tenant}/mini-competitions/{id:guid}/response")]
[Tags("Mini-competitions")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
public sealed class ProviderMiniCompetitionsApiController(MiniCompetitionAccess access, PortalDbContext db) : ControllerBase
{
    /// <summary>The competition, your framework rate per band involved, and your own response.</summary>
    [HttpGet("")]
    [ProducesResponseType<ProviderCompetitionView>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Get(Guid id, Guid? providerId, CancellationToken ct) =>
        await access.OpenAsync(id, providerId, ct) is { } opened ? Ok(ProviderCompetitionView.From(opened, await db.DatabaseNowAsync(ct))) : NotFound();

    /// <summary>Responds, or revises the response, before the deadline: a rate per band (no higher than your framework rate) and an answer per question. After the deadline: 422 with both times.</summary>
    [HttpPost("")]
    [ProducesResponseType<YourCompetitionResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<ActionResult> Respond(Guid id, RespondToMiniCompetitionCommand command, [FromServices] RespondToMiniCompetitionHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, command, ct), o =>
        {
            if (o.Late is { } late)
            {
                return this.LateProblem(late, "The deadline for responses has passed");
            }
            var r = o.Response!;
            return Ok(new YourCompetitionResponse(r.Id, r.Rates, o.WeeklyPrice, r.Answers, CompetitionWindow.Utc(r.ReceivedAt), r.Revision));
        });
}
