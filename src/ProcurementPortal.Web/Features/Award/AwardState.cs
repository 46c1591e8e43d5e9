using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Calendar;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Features.Evaluation;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Award;

using Award = Core.Domain.Award.Award;

/// <summary>
/// What the award use cases decide from: the evaluation's published results (computed once, by
/// <see cref="EvaluationResultsQuery"/>), the award record and each bid's place in it.
/// </summary>
public sealed record AwardState(ResultsView Results, Award? Award, IReadOnlyList<AwardedBid> Bids)
{
    public Procurement Procurement => Results.State.Procurement;

    public IEnumerable<AwardedBid> OfLot(Guid lotId) => Bids.Where(b => b.LotId == lotId).OrderBy(b => b.Rank ?? int.MaxValue).ThenBy(b => b.ProviderName, StringComparer.Ordinal);

    /// <summary>The lot's winner for the letters: the best-ranked appointed bid.</summary>
    public AwardedBid? WinnerOf(Guid lotId) => OfLot(lotId).FirstOrDefault(b => b.Appointed);
}

public sealed class AwardLoader(PortalDbContext db, EvaluationResultsQuery results)
{
    /// <summary>Null when the procurement is unknown or its ranking is not yet published.</summary>
    public async Task<AwardState?> LoadAsync(Guid procurementId, CancellationToken ct)
    {
        var view = await results.LoadAsync(procurementId, ct);
        if (view is null || !view.Published)
        {
            return null;
        }
        var award = await db.Awards.SingleOrDefaultAsync(a => a.ProcurementId == procurementId, ct);
        var bids = await db.AwardedBids.Where(b => b.ProcurementId == procurementId).ToListAsync(ct);
        return new AwardState(view, award, bids);
    }

    /// <summary>The shipped bank holidays and the days this tenant added.</summary>
    public async Task<WorkingCalendar> CalendarAsync(CancellationToken ct) =>
        new(await db.TenantNonWorkingDays.AsNoTracking().Select(d => d.Day).ToListAsync(ct));
}

/// <summary>Segregation of duties: why this person may not approve or reject this award (none when they may).</summary>
public static class AwardSegregation
{
    public static async Task<IReadOnlyList<(string, string)>> ProblemsAsync(PortalDbContext db, AwardState state, Guid userId, CancellationToken ct)
    {
        var id = state.Procurement.Id;
        var problems = new List<(string, string)>();
        if (await db.IndividualScores.AnyAsync(s => s.ProcurementId == id && s.UserId == userId, ct)
            || state.Results.State.Panel.Any(m => m.UserId == userId && m.Role == Core.Domain.Evaluation.PanelRole.Evaluator))
        {
            problems.Add(("Approver", "You evaluated bids in this procurement, so you cannot approve or reject its award"));
        }
        else if (state.Results.Moderated.Any(s => s.ModeratorUserId == userId) || state.Results.State.Panel.Any(m => m.UserId == userId))
        {
            problems.Add(("Approver", "You moderated this procurement, so you cannot approve or reject its award"));
        }
        if (state.Award?.RecommendedByUserId == userId)
        {
            problems.Add(("Approver", "You made this award recommendation, so another approver must decide it"));
        }
        return problems;
    }
}

/// <summary>Responses of the award: the same shape for the pages and the API.</summary>
public sealed record AwardedBidView(Guid BidId, string ProviderName, int? Rank, decimal TotalScore, decimal EvaluatedPrice, bool RankingRecommends, bool Appointed, string? DepartureReason);

public sealed record AwardLotView(Guid LotId, int Number, string Name, int? MaxProviders, IReadOnlyList<AwardedBidView> Bids);

public sealed record AwardView(
    Guid ProcurementId, string Reference, string Title, string State, string Regime, string? RecommendedBy, DateTimeOffset? RecommendedAtUtc,
    string? Decision, string? DecidedBy, string? DecisionComments, DateTimeOffset? DecidedAtUtc,
    int LettersDone, int LettersTotal, DateTimeOffset? LettersSentAtUtc, DateTimeOffset? NoticePublishedAtUtc,
    DateTimeOffset? StandstillEndsAtUtc, string? StandstillEndsLondon, DateTimeOffset? ChallengeRecordedAtUtc, string? ChallengeDetails,
    IReadOnlyList<AwardLotView> Lots)
{
    public static AwardView From(AwardState state)
    {
        var p = state.Procurement;
        var a = state.Award;
        var lots = p.Lots.OrderBy(l => l.Number).Select(l =>
        {
            // Before a recommendation is recorded, the ranking's own recommendation is shown.
            var rows = state.Bids.Count > 0
                ? state.OfLot(l.Id).Select(b => new AwardedBidView(b.BidId, b.ProviderName, b.Rank, b.TotalScore, b.EvaluatedPrice, b.RankingRecommends, b.Appointed, b.DepartureReason))
                : state.Results.Outcome.Lots.Single(r => r.Lot.Id == l.Id).Ranking
                    .Select(r => new AwardedBidView(r.BidId, r.BidderName, r.Rank, r.TotalScore, r.EvaluatedPrice, r.Recommended, r.Recommended, null));
            return new AwardLotView(l.Id, l.Number, l.Name, l.MaxProviders, rows.ToList());
        }).ToList();
        return new AwardView(p.Id, p.Reference, p.Title, p.State.ToString(), (a?.Regime ?? StandstillRegime.ProcurementAct2023).ToString(),
            a?.RecommendedByName, EvaluationQueries.Utc(a?.RecommendedAt), a?.Decision?.ToString(), a?.DecidedByName, a?.DecisionComments,
            EvaluationQueries.Utc(a?.DecidedAt), a?.LettersDone ?? 0, a?.LettersTotal ?? 0, EvaluationQueries.Utc(a?.LettersSentAt),
            EvaluationQueries.Utc(a?.NoticePublishedAt), EvaluationQueries.Utc(a?.StandstillEndsAt), StandstillWording.Ends(a?.StandstillEndsAt),
            EvaluationQueries.Utc(a?.ChallengeRecordedAt), a?.ChallengeDetails, lots);
    }
}

public static class StandstillWording
{
    /// <summary>"midnight at the end of Wednesday 6 January 2027" (Europe/London).</summary>
    public static string? Ends(DateTime? endsAtUtc) =>
        endsAtUtc is { } end ? $"midnight at the end of {Standstill.LondonDay(end.AddMinutes(-1)).ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}" : null;

    public static Errors FromTransition(TransitionResult result) => EvaluationRules.FromTransition(result);
}
