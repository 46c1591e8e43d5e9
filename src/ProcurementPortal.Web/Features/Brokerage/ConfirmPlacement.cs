using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Brokerage;

public sealed record ConfirmPlacementCommand
{
    /// <summary>The offer to confirm (usually the first in the ranking).</summary>
    public Guid? ResponseId { get; init; }
}

/// <summary>
/// An officer confirms one offer once the window has closed: it becomes a call-off contract under the lot's framework
/// agreement (value by <see cref="CallOffValue"/>), the chosen provider can then see the case reference, and every
/// other provider that offered is told once. The request row is locked first, so a second confirmation waits and then
/// finds the request placed: nothing is made or sent twice.
/// </summary>
public sealed class ConfirmPlacementHandler(PortalDbContext db, PackageRequests requests, AuditLog audit, EmailOutbox outbox, IActor actor,
    ITenantContext tenant, IConfiguration configuration)
{
    public async Task<Outcome<Contract>> HandleAsync(Guid requestId, ConfirmPlacementCommand command, CancellationToken ct)
    {
        if (!await db.PackageRequests.AnyAsync(r => r.Id == requestId, ct))
        {
            return Outcome<Contract>.NotFound();
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var window = await PackageWindow.EnterAsync(db, requestId, forUpdate: true, ct);
        var errors = new Errors()
            .Require(window.IsClosed, nameof(command.ResponseId), $"Offers are sealed until the window closes at {Bids.BidViews.FormatToSecond(window.ClosesAt)}")
            .Require(window.Status != PackageRequestStatus.Placed, nameof(command.ResponseId), "This package has already been placed")
            .Require(command.ResponseId is not null, nameof(command.ResponseId), "Choose the offer to confirm");
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var request = await db.PackageRequests.SingleAsync(r => r.Id == requestId, ct);
        var ranking = await requests.RankAsync(request, ct);
        if (ranking.FirstOrDefault(o => o.ResponseId == command.ResponseId) is not { } chosen)
        {
            return new Errors().Add(nameof(command.ResponseId), "Choose one of the offers received");
        }
        var member = await db.FrameworkMembers.AsNoTracking().Join(db.PackageResponses.Where(x => x.Id == chosen.ResponseId), m => m.Id, x => x.MemberId, (m, x) => m).SingleAsync(ct);
        var startsOn = chosen.CanStartOn ?? request.StartsOn;
        var value = CallOffValue.Of(chosen.HourlyRate, request.HoursPerWeek, startsOn, request.EndsOn);
        var contract = db.Contracts.Add(new Contract
        {
            ProcurementId = request.ProcurementId,
            FrameworkAgreementId = request.FrameworkAgreementId,
            // The lot is the framework agreement's; the lot and provider pair stays unique to the framework contract itself.
            LotId = null,
            ProviderId = member.ProviderId,
            Reference = $"{request.Reference}-CO",
            Title = $"Call-off {request.Reference}: {request.BandCode} {request.BandName}, {request.HoursPerWeek:0.##} hours a week",
            ProviderName = member.ProviderName,
            LotName = request.LotName,
            StartsOn = startsOn,
            EndsOn = request.EndsOn,
            Value = value.OverTerm,
            AnnualValue = value.Annual,
            Rates = [new AgreedRate(request.BandCode, request.BandName, "Hour", chosen.HourlyRate)],
            CallOffBandCode = request.BandCode,
            HoursPerWeek = request.HoursPerWeek,
            WeeklyValue = value.Weekly,
            OwnerUserId = actor.UserId ?? throw new InvalidOperationException("Only a signed-in officer confirms a placement."),
            CreatedAt = window.Now,
        }).Entity;
        request.Status = PackageRequestStatus.Placed;
        request.ChosenResponseId = chosen.ResponseId;
        request.CallOffContractId = contract.Id;
        request.PlacedAt = window.Now;
        request.ClosedAt ??= window.Now;
        await TellAsync(request, chosen, ranking, ct);
        audit.Record("brokerage.placed", nameof(PackageRequest), request.Id,
            $"{request.Reference}: placed with {member.ProviderName} at {Money.Format(chosen.HourlyRate)} an hour (position {chosen.Position} of {ranking.Count}); " +
            $"call-off {contract.Reference}, {Money.Format(value.Weekly)} a week, {Money.Format(value.Annual)} a year, {Money.Format(value.OverTerm)} to {request.EndsOn:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<Contract>.Ok(contract);
    }

    private async Task TellAsync(PackageRequest request, RankedOfferRow chosen, IReadOnlyList<RankedOfferRow> ranking, CancellationToken ct)
    {
        var providers = await db.PackageResponses.AsNoTracking().Where(x => x.PackageRequestId == request.Id && x.Kind == PackageResponseKind.Offer)
            .Select(x => new { x.Id, x.ProviderId }).ToListAsync(ct);
        var contacts = await Core.Jobs.ProviderContacts.EmailsAsync(db, providers.Select(p => p.ProviderId).ToList(), ct);
        var baseUrl = configuration["Portal:BaseUrl"]?.TrimEnd('/');
        foreach (var offer in providers)
        {
            var won = offer.Id == chosen.ResponseId;
            foreach (var email in contacts.GetValueOrDefault(offer.ProviderId) ?? [])
            {
                outbox.Enqueue(email, won ? "package-placed" : "package-not-chosen", new
                {
                    TenantName = tenant.TenantName,
                    request.Reference,
                    request.LotName,
                    Offers = ranking.Count,
                    Link = $"{baseUrl}/{tenant.Slug}/package-requests/{request.Id}/response?providerId={offer.ProviderId}",
                });
            }
        }
    }
}
