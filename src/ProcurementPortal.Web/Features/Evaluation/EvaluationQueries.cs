using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Evaluation;

public sealed record BidderToDeclare(Guid BidId, string ProviderName, bool? HasConflict, string? Details);

/// <summary>A bid in a panel member's list: how they see it named, and their progress on it.</summary>
public sealed record MyBid(Guid BidId, string Bidder, string Status, int Scored, int ToScore);

/// <summary>What a signed-in member sees on the evaluation's front page.</summary>
public sealed record EvaluationOverview(
    Guid ProcurementId, string Reference, string Title, string State, bool IsEvaluator, bool IsModerator, bool HasDeclared,
    DateTimeOffset? ScoresSubmittedAtUtc, DateTimeOffset? EvaluationDeadlineUtc, IReadOnlyList<BidderToDeclare> Declarations, IReadOnlyList<MyBid> Bids);

public sealed record ScoreView(string Evaluator, int Score, string Justification);

public sealed record QuestionToScore(
    Guid QuestionId, string Number, string Section, string Text, decimal Weight, IReadOnlyList<string> Descriptors, string Answer,
    int? MyScore, string? MyJustification, IReadOnlyList<ScoreView>? OtherScores);

/// <summary>
/// A bid as one evaluator scores it. Other evaluators' scores are null (not empty: unknown) until this evaluator has
/// submitted their own; <see cref="OtherScoresHidden"/> then says why.
/// </summary>
public sealed record EvaluatorBidView(Guid BidId, string Bidder, bool Submitted, string? OtherScoresHidden, IReadOnlyList<QuestionToScore> Questions);

public sealed record ModerationRow(
    Guid BidId, string Bidder, Guid QuestionId, string Number, string Text, IReadOnlyList<ScoreView> Scores, int? Spread, bool WideSpread,
    int? ModeratedScore, string? Rationale);

public sealed record EvaluatorProgress(string Evaluator, bool Declared, DateTimeOffset? SubmittedAtUtc, IReadOnlyList<QuestionProgress> Questions, int Scored, int ToScore);

public sealed record QuestionProgress(string Number, string Text, int Scored, int ToScore);

/// <summary>The read side of the evaluation for panel members and officers.</summary>
public sealed class EvaluationQueries(PortalDbContext db, EvaluationLoader loader)
{
    /// <summary>Scores two or more points apart are flagged for the moderators' discussion.</summary>
    public const int WideSpread = 2;

    public async Task<Outcome<EvaluationOverview>> OverviewAsync(Guid procurementId, Guid userId, CancellationToken ct)
    {
        var state = await loader.LoadAsync(procurementId, ct);
        if (state is null)
        {
            return Outcome<EvaluationOverview>.NotFound();
        }
        var p = state.Procurement;
        var evaluator = state.Member(userId, PanelRole.Evaluator);
        var moderator = state.Member(userId, PanelRole.Moderator);
        var onPanel = evaluator is not null || moderator is not null;
        // The names are shown to declare against, and only until the declarations are made: the scoring list that
        // follows names bidders "Bidder A" … when the tender hides them.
        var declarations = onPanel && !state.HasDeclaredAll(userId)
            ? state.Bids.Select(b => state.Declarations.FirstOrDefault(d => d.UserId == userId && d.BidId == b.BidId) is { } d
                ? new BidderToDeclare(b.BidId, b.ProviderName, d.HasConflict, d.Details)
                : new BidderToDeclare(b.BidId, b.ProviderName, null, null)).ToList()
            : [];
        var bids = new List<MyBid>();
        if (evaluator is not null && state.HasDeclaredAll(userId))
        {
            var mine = await ScoresOfAsync(procurementId, userId, ct);
            foreach (var bid in state.Bids.Where(b => !state.IsConflicted(userId, b.BidId) && EvaluationState.Covers(evaluator, b)).OrderBy(state.EvaluatorLabel, StringComparer.Ordinal))
            {
                var status = !EvaluationResults.GatesDecided(p, bid, state.Gates.ToList()) ? "Awaiting the pass/fail check"
                    : !state.PassedGates(bid) ? null
                    : "Ready to score";
                if (status is null)
                {
                    continue; // excluded at a gate: not the evaluator's to see
                }
                var questions = state.AssignedQuestions(evaluator, bid).ToList();
                var scored = questions.Count(q => mine.Any(s => s.BidId == bid.BidId && s.QuestionId == q.Question.Id));
                bids.Add(new MyBid(bid.BidId, state.EvaluatorLabel(bid), scored == questions.Count && status == "Ready to score" ? "Scored" : status, scored, questions.Count));
            }
        }
        return Outcome<EvaluationOverview>.Ok(new EvaluationOverview(p.Id, p.Reference, p.Title, p.State.ToString(), evaluator is not null, moderator is not null,
            onPanel && state.HasDeclaredAll(userId), Utc(evaluator?.ScoresSubmittedAt), Utc(p.EvaluationDeadline), declarations, bids));
    }

    public async Task<Outcome<EvaluatorBidView>> BidAsync(Guid procurementId, Guid bidId, Guid userId, CancellationToken ct)
    {
        var state = await loader.LoadAsync(procurementId, ct);
        if (state is null || state.Member(userId, PanelRole.Evaluator) is not { } member)
        {
            return Outcome<EvaluatorBidView>.NotFound();
        }
        if (EvaluatorBidAccess.Check(state, member, bidId) is { } refused)
        {
            return refused.IsNotFound ? Outcome<EvaluatorBidView>.NotFound() : refused.Errors!;
        }
        var bid = state.Bid(bidId)!;
        var submitted = member.ScoresSubmittedAt is not null;
        var scores = await db.IndividualScores.AsNoTracking()
            .Where(s => s.BidId == bidId && (s.UserId == userId || submitted))
            .ToListAsync(ct);
        // Others' scores count once they are submitted: a colleague's half-finished scores are not shown.
        var names = state.Evaluators.Where(m => m.ScoresSubmittedAt is not null).ToDictionary(m => (m.UserId, m.Role), m => m.DisplayName);
        var questions = state.AssignedQuestions(member, bid).Select(x =>
        {
            var mine = scores.FirstOrDefault(s => s.UserId == userId && s.QuestionId == x.Question.Id);
            IReadOnlyList<ScoreView>? others = submitted
                ? scores.Where(s => s.UserId != userId && s.QuestionId == x.Question.Id && names.ContainsKey((s.UserId, PanelRole.Evaluator)))
                    .Select(s => new ScoreView(names[(s.UserId, PanelRole.Evaluator)], s.Score, s.Justification)).OrderBy(s => s.Evaluator, StringComparer.Ordinal).ToList()
                : null;
            return new QuestionToScore(x.Question.Id, $"{x.Section.Number}.{x.Question.Number}", x.Section.Title, x.Question.Text, x.Question.Weight,
                x.Question.ScoreDescriptors, bid.Answers.GetValueOrDefault(x.Question.Id) ?? "", mine?.Score, mine?.Justification, others);
        }).ToList();
        return Outcome<EvaluatorBidView>.Ok(new EvaluatorBidView(bid.BidId, state.EvaluatorLabel(bid), submitted,
            submitted ? null : "You will see the other evaluators' scores after you submit your own.", questions));
    }

    /// <summary>Side by side for the moderator (and officers) once moderation has begun.</summary>
    public async Task<Outcome<IReadOnlyList<ModerationRow>>> ModerationAsync(Guid procurementId, Guid userId, bool isOfficer, CancellationToken ct)
    {
        var state = await loader.LoadAsync(procurementId, ct);
        var moderator = state?.Member(userId, PanelRole.Moderator);
        if (state is null || (moderator is null && !isOfficer) || state.Procurement.State < ProcurementState.Moderation
            || state.Procurement.State == ProcurementState.Cancelled)
        {
            return Outcome<IReadOnlyList<ModerationRow>>.NotFound();
        }
        var scores = await db.IndividualScores.AsNoTracking().Where(s => s.ProcurementId == procurementId).ToListAsync(ct);
        var moderated = await db.ModeratedScores.AsNoTracking().Where(s => s.ProcurementId == procurementId).ToListAsync(ct);
        var evaluators = state.Evaluators.ToDictionary(m => m.UserId, m => m.DisplayName);
        var rows = state.ModerationItems
            .Where(x => moderator is null || !state.IsConflicted(userId, x.Bid.BidId))
            .Select(x =>
            {
                var individual = scores.Where(s => s.BidId == x.Bid.BidId && s.QuestionId == x.Question.Id && evaluators.ContainsKey(s.UserId))
                    .Select(s => new ScoreView(evaluators[s.UserId], s.Score, s.Justification)).OrderBy(s => s.Evaluator, StringComparer.Ordinal).ToList();
                int? spread = individual.Count == 0 ? null : individual.Max(s => s.Score) - individual.Min(s => s.Score);
                var m = moderated.FirstOrDefault(s => s.BidId == x.Bid.BidId && s.QuestionId == x.Question.Id);
                return new ModerationRow(x.Bid.BidId, x.Bid.ProviderName, x.Question.Id, $"{x.Section.Number}.{x.Question.Number}", x.Question.Text,
                    individual, spread, spread >= WideSpread, m?.Score, m?.Rationale);
            }).ToList();
        return Outcome<IReadOnlyList<ModerationRow>>.Ok(rows);
    }

    /// <summary>Per evaluator and per question: what is done of what they must score.</summary>
    public async Task<Outcome<IReadOnlyList<EvaluatorProgress>>> ProgressAsync(Guid procurementId, CancellationToken ct)
    {
        var state = await loader.LoadAsync(procurementId, ct);
        if (state is null)
        {
            return Outcome<IReadOnlyList<EvaluatorProgress>>.NotFound();
        }
        var scores = await db.IndividualScores.AsNoTracking().Where(s => s.ProcurementId == procurementId)
            .Select(s => new { s.UserId, s.BidId, s.QuestionId }).ToListAsync(ct);
        var questions = state.Procurement.Sections.OrderBy(s => s.Number)
            .SelectMany(s => s.Questions.OrderBy(q => q.Number).Select(q => (Number: $"{s.Number}.{q.Number}", Question: q)))
            .Where(x => x.Question.Type == QuestionType.Scored).ToList();
        var progress = state.Evaluators.Select(m =>
        {
            var work = state.WorkOf(m).ToList();
            bool Done((OpenedBid Bid, EvaluationQuestion Question) w) =>
                scores.Any(s => s.UserId == m.UserId && s.BidId == w.Bid.BidId && s.QuestionId == w.Question.Id);
            var perQuestion = questions.Select(q => new QuestionProgress(q.Number, q.Question.Text,
                work.Count(w => w.Question.Id == q.Question.Id && Done(w)), work.Count(w => w.Question.Id == q.Question.Id))).ToList();
            return new EvaluatorProgress(m.DisplayName, state.HasDeclaredAll(m.UserId), Utc(m.ScoresSubmittedAt), perQuestion, work.Count(Done), work.Count);
        }).ToList();
        return Outcome<IReadOnlyList<EvaluatorProgress>>.Ok(progress);
    }

    public Task<List<PriceEvaluation>> PricesAsync(Guid procurementId, CancellationToken ct) =>
        db.PriceEvaluations.AsNoTracking().Where(x => x.ProcurementId == procurementId).ToListAsync(ct);

    private Task<List<IndividualScore>> ScoresOfAsync(Guid procurementId, Guid userId, CancellationToken ct) =>
        db.IndividualScores.AsNoTracking().Where(s => s.ProcurementId == procurementId && s.UserId == userId).ToListAsync(ct);

    public static DateTimeOffset? Utc(DateTime? utc) => utc is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
}

/// <summary>The results of an evaluation with what they rest on: moderated scores, evaluated prices, declarations.</summary>
public sealed record ResultsView(
    EvaluationState State, EvaluationOutcome Outcome, IReadOnlyList<ModeratedScore> Moderated, IReadOnlyList<PriceEvaluation> Prices,
    int MissingModerations, int MissingPrices)
{
    public bool Published => State.Procurement.State is >= ProcurementState.AwardRecommended and not ProcurementState.Cancelled;
}

public sealed class EvaluationResultsQuery(PortalDbContext db, EvaluationLoader loader)
{
    /// <summary>Null when the procurement is not found or has not reached moderation.</summary>
    public async Task<ResultsView?> LoadAsync(Guid procurementId, CancellationToken ct)
    {
        var state = await loader.LoadAsync(procurementId, ct);
        if (state is null || state.Procurement.State < ProcurementState.Moderation || state.Procurement.State == ProcurementState.Cancelled)
        {
            return null;
        }
        var moderated = await db.ModeratedScores.AsNoTracking().Where(s => s.ProcurementId == procurementId).ToListAsync(ct);
        var prices = await db.PriceEvaluations.AsNoTracking().Where(x => x.ProcurementId == procurementId).ToListAsync(ct);
        var outcome = EvaluationResults.Compute(state.Procurement, state.Bids, state.Gates.ToList(),
            moderated.ToDictionary(s => (s.BidId, s.QuestionId), s => s.Score));
        var missingModerations = state.ModerationItems.Count(x => !moderated.Any(m => m.BidId == x.Bid.BidId && m.QuestionId == x.Question.Id));
        var eligible = state.EligibleBids.ToList();
        var missingPrices = state.Procurement.Lots.Sum(lot => EvaluationResults.PricesFor(state.Procurement, lot, eligible)
            .Count(x => !prices.Any(r => r.BidId == x.BidId && r.LotId == lot.Id && r.EvaluatedPrice == x.EvaluatedPrice)));
        return new ResultsView(state, outcome, moderated, prices, missingModerations, missingPrices);
    }
}
