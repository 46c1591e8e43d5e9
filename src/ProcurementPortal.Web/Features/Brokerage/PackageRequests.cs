using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Web.Features.Procurements;

namespace ProcurementPortal.Web.Features.Brokerage;

public sealed record PackageRequestRow(
    Guid Id, string Reference, Guid ProcurementId, string LotName, string PostcodeDistrict, string BandCode, string BandName, decimal HoursPerWeek,
    DateOnly StartsOn, DateTimeOffset ClosesAt, PackageRequestStatus Status, int MembersInvited);

public sealed record RankedOfferRow(
    int Position, Guid ResponseId, string ProviderName, int? FrameworkRank, decimal FrameworkScore, decimal HourlyRate, DateOnly? CanStartOn,
    DateTimeOffset ReceivedAt, decimal QualityPoints, decimal PricePoints, decimal Total, decimal WeeklyValue, decimal AnnualValue, decimal ContractValue);

public sealed record DeclineRow(string ProviderName, string Reason, DateTimeOffset ReceivedAt);

/// <summary>
/// A package request as officers see it. While the window is open (by the database clock) the responses are sealed:
/// only how many offers and declines have come in; <see cref="Ranking"/> and <see cref="Declines"/> are null.
/// </summary>
public sealed record PackageRequestView(
    PackageRequestRow Request, DateOnly EndsOn, string Requirements, string CaseReference, int ResponseWindowHours, DateTimeOffset PostedAt,
    string PostedByName, bool WindowClosed, int OffersReceived, int DeclinesReceived,
    IReadOnlyList<RankedOfferRow>? Ranking, IReadOnlyList<DeclineRow>? Declines, Guid? ChosenResponseId, Guid? CallOffContractId, string RankingRule, string ValueConvention,
    IReadOnlyList<string>? PlanWarnings = null);

public sealed class PackageRequests(PortalDbContext db)
{
    /// <summary>The newest 200 requests, newest first.</summary>
    public async Task<List<PackageRequestRow>> ListAsync(CancellationToken ct) =>
        (await db.PackageRequests.AsNoTracking().OrderByDescending(r => r.PostedAt).Take(200).ToListAsync(ct)).Select(Row).ToList();

    public static PackageRequestRow Row(PackageRequest r) => new(
        r.Id, r.Reference, r.ProcurementId, r.LotName, r.PostcodeDistrict, r.BandCode, r.BandName, r.HoursPerWeek, r.StartsOn,
        Utc(r.ClosesAt), r.Status, r.MembersInvited);

    /// <summary>Null when the request is not this tenant's (404).</summary>
    public async Task<PackageRequestView?> FindAsync(Guid id, CancellationToken ct)
    {
        var r = await db.PackageRequests.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
        {
            return null;
        }
        var now = await db.DatabaseNowAsync(ct);
        var closed = now >= r.ClosesAt;
        var counts = await db.PackageResponses.AsNoTracking().Where(x => x.PackageRequestId == id)
            .GroupBy(x => x.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(ct);
        IReadOnlyList<RankedOfferRow>? ranking = null;
        IReadOnlyList<DeclineRow>? declines = null;
        if (closed)
        {
            ranking = await RankAsync(r, ct);
            declines = (await db.PackageResponses.AsNoTracking().Where(x => x.PackageRequestId == id && x.Kind == PackageResponseKind.Decline)
                    .OrderBy(x => x.ReceivedAt).ToListAsync(ct))
                .Select(x => new DeclineRow(x.ProviderName, x.DeclineReason ?? "", Utc(x.ReceivedAt))).ToList();
        }
        return new PackageRequestView(Row(r), r.EndsOn, r.Requirements, r.CaseReference, r.ResponseWindowHours, Utc(r.PostedAt), r.PostedByName, closed,
            counts.Where(c => c.Kind == PackageResponseKind.Offer).Sum(c => c.Count), counts.Where(c => c.Kind == PackageResponseKind.Decline).Sum(c => c.Count),
            ranking, declines, r.ChosenResponseId, r.CallOffContractId, BrokerageRanking.Rule, CallOffValue.Convention);
    }

    /// <summary>The offers in the framework's order (only ever called once the window has closed).</summary>
    public async Task<IReadOnlyList<RankedOfferRow>> RankAsync(PackageRequest r, CancellationToken ct)
    {
        var offers = await db.PackageResponses.AsNoTracking().Where(x => x.PackageRequestId == r.Id && x.Kind == PackageResponseKind.Offer)
            .Join(db.FrameworkMembers, x => x.MemberId, m => m.Id, (x, m) => new { Response = x, m.Rank, m.TotalScore })
            .ToListAsync(ct);
        var byId = offers.ToDictionary(o => o.Response.Id);
        return BrokerageRanking.Rank(offers.Select(o => new OfferToRank(o.Response.Id, o.Response.ProviderName, o.TotalScore, o.Rank, o.Response.HourlyRate!.Value, o.Response.ReceivedAt)))
            .Select(x =>
            {
                var response = byId[x.Offer.ResponseId].Response;
                var value = CallOffValue.Of(x.Offer.HourlyRate, r.HoursPerWeek, response.CanStartOn ?? r.StartsOn, r.EndsOn);
                return new RankedOfferRow(x.Position, x.Offer.ResponseId, x.Offer.ProviderName, x.Offer.FrameworkRank, x.Offer.FrameworkScore, x.Offer.HourlyRate,
                    response.CanStartOn, Utc(response.ReceivedAt), x.QualityPoints, x.PricePoints, x.Total, value.Weekly, value.Annual, value.OverTerm);
            })
            .ToList();
    }

    public static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
