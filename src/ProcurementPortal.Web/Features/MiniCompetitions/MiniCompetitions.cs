using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Web.Features.Bids;
using ProcurementPortal.Web.Features.Procurements;

namespace ProcurementPortal.Web.Features.MiniCompetitions;

public sealed record MiniCompetitionRow(
    Guid Id, string Reference, Guid ProcurementId, string LotName, string Title, DateOnly StartsOn, DateTimeOffset ClosesAt, MiniCompetitionStatus Status, int MembersInvited);

public sealed record CompetitionResponseRow(
    int Position, Guid ResponseId, string ProviderName, IReadOnlyList<BandRate> Rates, decimal WeeklyPrice, IReadOnlyList<CompetitionAnswer> Answers,
    IReadOnlyList<AnswerScore> Scores, bool FullyScored, decimal QualityPoints, decimal PricePoints, decimal Total, DateTimeOffset ReceivedAt, int Revision,
    decimal WeeklyValue, decimal AnnualValue, decimal ContractValue);

public sealed record CompetitionAwardRow(
    Guid WinnerResponseId, string WinnerName, DateTimeOffset AwardedAt, string AwardedBy, CallOffStandstill Standstill, string StandstillReason,
    DateOnly? StandstillLastDay, DateTimeOffset? StandstillEndsAt, Guid? CallOffContractId);

/// <summary>
/// A mini-competition as officers see it. Before the deadline (by the database clock) the responses are sealed: only how
/// many have come in, and <see cref="Responses"/> is null. After it: every response with its rates, answers, scores and
/// place by <see cref="Rule"/>.
/// </summary>
public sealed record MiniCompetitionView(
    MiniCompetitionRow Competition, string Requirements, IReadOnlyList<CompetitionBand> Bands, decimal HoursPerWeek, IReadOnlyList<CompetitionQuestion> Questions,
    DateOnly EndsOn, decimal PriceWeight, decimal QualityWeight, string Rule, string ValueConvention, DateTimeOffset StartedAt, string StartedBy,
    string ClosesAtText, bool Sealed, int ResponsesReceived, IReadOnlyList<CompetitionResponseRow>? Responses, CompetitionAwardRow? Award);

public sealed class MiniCompetitions(PortalDbContext db)
{
    /// <summary>The newest 200, newest first.</summary>
    public async Task<List<MiniCompetitionRow>> ListAsync(CancellationToken ct) =>
        (await db.MiniCompetitions.AsNoTracking().OrderByDescending(c => c.StartedAt).Take(200).ToListAsync(ct)).Select(Row).ToList();

    public static MiniCompetitionRow Row(MiniCompetition c) =>
        new(c.Id, c.Reference, c.ProcurementId, c.LotName, c.Title, c.StartsOn, CompetitionWindow.Utc(c.ClosesAt), c.Status, c.MembersInvited);

    /// <summary>Null when it is not this tenant's (404).</summary>
    public async Task<MiniCompetitionView?> FindAsync(Guid id, CancellationToken ct)
    {
        var c = await db.MiniCompetitions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }
        var now = await db.DatabaseNowAsync(ct);
        var sealedNow = now < c.ClosesAt;
        var count = await db.MiniCompetitionResponses.CountAsync(r => r.MiniCompetitionId == id, ct);
        var responses = sealedNow ? null : await RankAsync(c, ct);
        var award = c.WinnerResponseId is { } winner && c.AwardedAt is { } at
            ? new CompetitionAwardRow(winner, responses?.FirstOrDefault(r => r.ResponseId == winner)?.ProviderName ?? "", CompetitionWindow.Utc(at), c.AwardedByName ?? "",
                c.Standstill!.Value, c.StandstillReason ?? "", c.StandstillLastDay, c.StandstillEndsAt is { } end ? CompetitionWindow.Utc(end) : null, c.CallOffContractId)
            : null;
        return new MiniCompetitionView(Row(c), c.Requirements, c.Bands, c.HoursPerWeek, c.Questions, c.EndsOn, c.PriceWeight, 100m - c.PriceWeight,
            MiniCompetitionScoring.Describe(c.PriceWeight, c.PriceFormula), CallOffValue.Convention, CompetitionWindow.Utc(c.StartedAt), c.StartedByName,
            BidViews.FormatToSecond(c.ClosesAt), sealedNow, count, responses, award);
    }

    /// <summary>The responses in the framework's order (only ever called once the deadline has passed).</summary>
    public async Task<IReadOnlyList<CompetitionResponseRow>> RankAsync(MiniCompetition c, CancellationToken ct)
    {
        var responses = await db.MiniCompetitionResponses.AsNoTracking().Where(r => r.MiniCompetitionId == c.Id).ToListAsync(ct);
        var byId = responses.ToDictionary(r => r.Id);
        IReadOnlyList<AnswerScore> ScoresOf(Guid id) => c.Scores.FirstOrDefault(s => s.ResponseId == id)?.Scores ?? [];
        return MiniCompetitionScoring.Rank(c.Questions, c.PriceWeight, c.PriceFormula,
                responses.Select(r => new ResponseToScore(r.Id, r.ProviderName, r.ReceivedAt, MiniCompetitionScoring.WeeklyPrice(c.Bands, r.Rates), ScoresOf(r.Id))))
            .Select(x =>
            {
                var r = byId[x.Response.ResponseId];
                var value = CallOffValue.OfWeekly(x.Response.WeeklyPrice, c.StartsOn, c.EndsOn);
                return new CompetitionResponseRow(x.Position, r.Id, r.ProviderName, r.Rates, x.Response.WeeklyPrice, r.Answers, x.Response.Scores, x.FullyScored,
                    x.QualityPoints, x.PricePoints, x.Total, CompetitionWindow.Utc(r.ReceivedAt), r.Revision, value.Weekly, value.Annual, value.OverTerm);
            })
            .ToList();
    }
}
