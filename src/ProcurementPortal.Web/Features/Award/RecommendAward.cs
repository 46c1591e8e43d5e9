using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Award;

using Award = Core.Domain.Award.Award;

/// <summary>The providers an officer appoints to one lot; a reason is required when they differ from the ranking's.</summary>
public sealed record LotRecommendation(Guid LotId, List<Guid>? AppointedBidIds, string? Reason);

/// <summary>Lots left out take the ranking's recommendation as it stands.</summary>
public sealed record RecommendAwardCommand(List<LotRecommendation>? Lots, StandstillRegime? Regime);

/// <summary>
/// Records the award recommendation per lot from the published ranking (recommended providers up to the lot's maximum),
/// with the officer's reasons wherever they depart from it. Recording it again replaces it until it is decided.
/// </summary>
public sealed class RecommendAwardHandler(PortalDbContext db, AwardLoader loader, AuditLog audit)
{
    public const int MinimumReason = 20;

    public async Task<Outcome<AwardView>> HandleAsync(Guid procurementId, RecommendAwardCommand command, Guid userId, string userName, CancellationToken ct)
    {
        var state = await loader.LoadAsync(procurementId, ct);
        if (state is null)
        {
            return Outcome<AwardView>.NotFound();
        }
        var p = state.Procurement;
        var errors = new Errors();
        if (p.State != ProcurementState.AwardRecommended)
        {
            return errors.Add("State", $"The recommendation cannot change while the procurement is {ProcurementLifecycle.Describe(p.State)}");
        }
        var given = (command.Lots ?? []).ToDictionary(l => l.LotId);
        var rows = new List<AwardedBid>();
        foreach (var (lot, i) in state.Results.Outcome.Lots.Select((l, i) => (l, i)))
        {
            var ranking = lot.Ranking;
            var recommended = ranking.Where(r => r.Recommended).Select(r => r.BidId).ToHashSet();
            var choice = given.GetValueOrDefault(lot.Lot.Id);
            var appointed = choice?.AppointedBidIds?.ToHashSet() ?? recommended;
            var field = $"Lots[{i}]";
            errors.Require(appointed.All(id => ranking.Any(r => r.BidId == id && r.Rank is not null)), $"{field}.AppointedBidIds",
                $"Lot {lot.Lot.Number}: appoint only bids that were ranked (an excluded bid cannot be appointed)");
            errors.Require(lot.Lot.MaxProviders is not { } max || appointed.Count <= max, $"{field}.AppointedBidIds",
                $"Lot {lot.Lot.Number}: appoint at most {lot.Lot.MaxProviders} providers");
            var departs = !appointed.SetEquals(recommended);
            errors.Require(!departs || (choice?.Reason?.Trim().Length ?? 0) >= MinimumReason, $"{field}.Reason",
                $"Lot {lot.Lot.Number}: give your reasons (at least {MinimumReason} characters) for departing from the ranking");
            foreach (var r in ranking)
            {
                // The ranking is final once published: a second recommendation updates the same rows.
                var row = state.Bids.FirstOrDefault(b => b.LotId == lot.Lot.Id && b.BidId == r.BidId)
                    ?? db.AwardedBids.Add(new AwardedBid
                    {
                        ProcurementId = p.Id,
                        LotId = lot.Lot.Id,
                        BidId = r.BidId,
                        ProviderId = state.Results.State.Bid(r.BidId)!.ProviderId,
                        ProviderName = r.BidderName,
                    }).Entity;
                row.Rank = r.Rank;
                row.TotalScore = r.TotalScore;
                row.EvaluatedPrice = r.EvaluatedPrice;
                row.RankingRecommends = r.Recommended;
                row.Appointed = appointed.Contains(r.BidId);
                row.DepartureReason = departs ? choice?.Reason?.Trim() : null;
                rows.Add(row);
            }
        }
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var award = state.Award ?? db.Awards.Add(new Award { ProcurementId = p.Id, RecommendedByName = userName }).Entity;
        award.RecommendedByUserId = userId;
        award.RecommendedByName = userName;
        award.RecommendedAt = await db.DatabaseNowAsync(ct);
        award.Regime = command.Regime ?? award.Regime;
        audit.Record("award.recommended", nameof(Procurement), p.Id,
            $"{p.Reference} ({award.Regime}): " + string.Join(" ", state.Results.Outcome.Lots.Select(l =>
                $"Lot {l.Lot.Number}: {string.Join(", ", rows.Where(r => r.LotId == l.Lot.Id && r.Appointed).Select(r => r.ProviderName))}"
                + (rows.FirstOrDefault(r => r.LotId == l.Lot.Id && r.DepartureReason is not null) is { } d ? $" (departs from the ranking: {d.DepartureReason})" : "") + ".")));
        await db.SaveChangesAsync(ct);
        return Outcome<AwardView>.Ok(AwardView.From(new AwardState(state.Results, award, rows)));
    }
}
