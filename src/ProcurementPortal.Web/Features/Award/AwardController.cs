using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Award;

/// <summary>One lot of the recommendation form: the bids ticked and the reasons for departing from the ranking.</summary>
public sealed class LotChoiceForm
{
    public Guid LotId { get; set; }
    public List<Guid> AppointedBidIds { get; set; } = [];
    public string? Reason { get; set; }
}

public sealed class RecommendationForm
{
    public List<LotChoiceForm> Lots { get; set; } = [];
    public StandstillRegime? Regime { get; set; }

    public RecommendAwardCommand ToCommand() =>
        new(Lots.Select(l => new LotRecommendation(l.LotId, l.AppointedBidIds.Distinct().ToList(), l.Reason)).ToList(), Regime);

    public static RecommendationForm From(AwardView view) => new()
    {
        Regime = Enum.Parse<StandstillRegime>(view.Regime),
        Lots = view.Lots.Select(l => new LotChoiceForm
        {
            LotId = l.LotId,
            AppointedBidIds = l.Bids.Where(b => b.Appointed).Select(b => b.BidId).ToList(),
            Reason = l.Bids.Select(b => b.DepartureReason).FirstOrDefault(r => r is not null),
        }).ToList(),
    };
}

public sealed class DecisionForm
{
    public ApprovalDecision? Decision { get; set; }
    public string? Comments { get; set; }
}

public sealed class ChallengeForm
{
    public string? Details { get; set; }
}

/// <summary>
/// What the award pages show besides the award itself: what the signed-in person may do, and, for an approver who may
/// not decide this award, why not.
/// </summary>
public sealed record AwardPage(AwardView Award, bool IsOfficer, bool IsApprover, IReadOnlyList<string> CannotDecideBecause)
{
    public bool CanRecommend => IsOfficer && Award.State == nameof(ProcurementState.AwardRecommended) && Award.Decision is null;
    public bool CanDecide => IsApprover && Award.State == nameof(ProcurementState.AwardRecommended) && Award.RecommendedBy is not null;
    public bool CanSendLetters => IsOfficer && Award.State == nameof(ProcurementState.AwardApproved) && (Award.LettersTotal == 0 || Award.LettersDone < Award.LettersTotal);
    public bool LettersComplete => Award.LettersSentAtUtc is not null && Award.LettersDone >= Award.LettersTotal;
    public bool CanPublishNotice => IsOfficer && Award.State == nameof(ProcurementState.AwardApproved) && LettersComplete;
    public bool CanRecordChallenge => IsOfficer && Award.State == nameof(ProcurementState.Standstill) && Award.ChallengeRecordedAtUtc is null;
}

/// <summary>
/// The award pages of a procurement, over the same handlers as <see cref="AwardApiController"/>: the overview, the
/// recommendation, the approver's decision, the letters (with their progress), the contract award notice and a challenge.
/// </summary>
[TenantScoped]
[Route("{tenant}/procurements/{id:guid}/award")]
public sealed class AwardController(AwardLoader loader, PortalDbContext db) : Controller
{
    private TenantMembership Member => HttpContext.TenantMembership()!;
    private Guid UserId => User.UserId()!.Value;
    private TransitionActor Actor => new(Member.Roles.ToList());
    private string Here(Guid id) => $"/{Member.Slug}/procurements/{id}/award";

    [HttpGet("")]
    [TenantScoped(Role.ProcurementOfficer, Role.Approver)]
    public async Task<IActionResult> Index(Guid id, CancellationToken ct) =>
        await PageAsync(id, ct) is { } page ? View(page) : NotFound();

    [HttpGet("recommendation")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Recommendation(Guid id, CancellationToken ct) =>
        await PageAsync(id, ct) is { } page ? FormView(nameof(Recommendation), page, RecommendationForm.From(page.Award)) : NotFound();

    [HttpPost("recommendation")]
    [ApiTwin("PUT /api/v1/t/{tenant}/procurements/{id}/award/recommendation")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Recommendation(Guid id, RecommendationForm form, [FromServices] RecommendAwardHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, form.ToCommand(), UserId, User.Identity!.Name!, ct);
        return await SubmittedAsync(id, outcome, nameof(Recommendation), form, _ => "The award recommendation is recorded", ct);
    }

    [HttpGet("decision")]
    [TenantScoped(Role.Approver)]
    public async Task<IActionResult> Decision(Guid id, CancellationToken ct) =>
        await PageAsync(id, ct) is { } page ? FormView(nameof(Decision), page, new DecisionForm()) : NotFound();

    [HttpPost("decision")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/award/decision")]
    [TenantScoped(Role.Approver)]
    public async Task<IActionResult> Decision(Guid id, DecisionForm form, [FromServices] DecideAwardHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, new DecideAwardCommand(form.Decision, form.Comments), UserId, User.Identity!.Name!, Actor, ct);
        return await SubmittedAsync(id, outcome, nameof(Decision), form,
            v => v.Decision == nameof(ApprovalDecision.Approved) ? "You approved the award" : "You rejected the award: it goes back to the officer", ct);
    }

    [HttpPost("letters")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/award/letters")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Letters(Guid id, [FromForm(Name = "NoticeOnDay")] string? noticeOnDay, [FromForm(Name = "NoticeOnMonth")] string? noticeOnMonth,
        [FromForm(Name = "NoticeOnYear")] string? noticeOnYear, [FromServices] SendLettersHandler handler, CancellationToken ct)
    {
        var errors = new Errors();
        var noticeOn = DateParts.Read(noticeOnDay, noticeOnMonth, noticeOnYear, errors, "NoticeOnDay", "the day of the contract award notice");
        var outcome = errors.IsEmpty ? await handler.HandleAsync(id, new SendLettersCommand(noticeOn), ct) : errors;
        if (outcome.Errors is { } found)
        {
            outcome = found.OnDayBoxes(nameof(SendLettersCommand.NoticeOn));
        }
        return await ShowOutcomeAsync(id, outcome,
            v => $"The letters are being written and sent: {v.LettersDone} of {v.LettersTotal} so far. Refresh this page to see the progress", ct);
    }

    [HttpPost("notice")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/award/notice")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Notice(Guid id, [FromServices] PublishAwardNoticeHandler handler, CancellationToken ct) =>
        await ShowOutcomeAsync(id, await handler.HandleAsync(id, Actor, ct),
            v => $"The contract award notice is published. The standstill ends at {v.StandstillEndsLondon}", ct);

    [HttpGet("challenge")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Challenge(Guid id, CancellationToken ct) =>
        await PageAsync(id, ct) is { } page ? FormView(nameof(Challenge), page, new ChallengeForm()) : NotFound();

    [HttpPost("challenge")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/award/challenge")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Challenge(Guid id, ChallengeForm form, [FromServices] RecordChallengeHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, new RecordChallengeCommand(form.Details), ct);
        return await SubmittedAsync(id, outcome, nameof(Challenge), form, _ => "The challenge is recorded: the award waits until it is resolved", ct);
    }

    /// <summary>The overview again with the handler's errors in the summary, or a redirect with the success message.</summary>
    private Task<IActionResult> ShowOutcomeAsync(Guid id, Outcome<AwardView> outcome, Func<AwardView, string> success, CancellationToken ct) =>
        SubmittedAsync(id, outcome, nameof(Index), null, success, ct);

    /// <summary>The form's page again with the handler's errors (the overview when <paramref name="form"/> is null), or a redirect with the success message.</summary>
    private async Task<IActionResult> SubmittedAsync(Guid id, Outcome<AwardView> outcome, string view, object? form, Func<AwardView, string> success, CancellationToken ct)
    {
        var page = outcome.Errors is null ? null : await PageAsync(id, ct);
        return this.ToPageResult(outcome, () => page is null ? NotFound() : form is null ? View(view, page) : FormView(view, page, form), v => Done(id, success(v)));
    }

    /// <summary>A form page: the form as its model, the award beside it.</summary>
    private ViewResult FormView(string view, AwardPage page, object form)
    {
        ViewData["Page"] = page;
        return View(view, form);
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData["Success"] = message;
        return Redirect(Here(id));
    }

    private async Task<AwardPage?> PageAsync(Guid id, CancellationToken ct)
    {
        if (await loader.LoadAsync(id, ct) is not { } state)
        {
            return null;
        }
        var approver = Member.Has(Role.Approver);
        var problems = approver ? await AwardSegregation.ProblemsAsync(db, state, UserId, ct) : [];
        return new AwardPage(AwardView.From(state), Member.Has(Role.ProcurementOfficer), approver, problems.Select(p => p.Item2).ToList());
    }
}

/// <summary>What the shared textarea partial draws: the field's name (the command's property), label, hint and value.</summary>
public sealed record TextareaField(string Name, string Label, string? Hint, string? Value);
