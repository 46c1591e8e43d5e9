using Hangfire;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Calendar;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Jobs;
using ProcurementPortal.Web.Features.Procurements;

namespace ProcurementPortal.Web.Features.Award;

/// <summary>
/// Ends the standstill: at its end, unless a challenge was recorded, the procurement becomes Awarded and each lot gets
/// its framework agreement and a contract per appointed provider (start, end, extension options, value and the band
/// rates of the sealed bid), and the provider becomes an active member of the framework (of the scheme's, for a re-admission round). A job that fires early schedules itself again; a second run changes nothing.
/// </summary>
public sealed class StandstillJob(TenantJobScope scope, PortalDbContext db, AwardLoader loader, AuditLog audit, IBackgroundJobClient jobs, ILogger<StandstillJob> log)
{
    public const int DefaultTermMonths = 36;

    public static void ScheduleFor(IBackgroundJobClient jobs, Guid tenantId, Guid procurementId, DateTime endsAtUtc) =>
        jobs.Schedule<StandstillJob>(j => j.RunAsync(tenantId, procurementId, CancellationToken.None),
            new DateTimeOffset(DateTime.SpecifyKind(endsAtUtc, DateTimeKind.Utc)));

    public async Task RunAsync(Guid tenantId, Guid procurementId, CancellationToken ct)
    {
        await scope.EnterAsync(tenantId, ct);
        var state = await loader.LoadAsync(procurementId, ct);
        if (state?.Award is not { } award || state.Procurement.State != ProcurementState.Standstill)
        {
            log.LogInformation("Procurement {Id} is not in standstill; nothing to end", procurementId);
            return;
        }
        if (award.ChallengeRecordedAt is not null)
        {
            log.LogInformation("Procurement {Id} has a recorded challenge; the award waits", procurementId);
            return;
        }
        var now = await db.DatabaseNowAsync(ct);
        if (award.StandstillEndsAt is { } end && end > now)
        {
            ScheduleFor(jobs, tenantId, procurementId, end);
            return;
        }
        var p = state.Procurement;
        var result = ProcurementLifecycle.CompleteStandstill(p, TransitionActor.System, now, award.StandstillEndsAt, challenged: false);
        if (!result.Changed)
        {
            return;
        }
        award.AwardedAt = now;
        var members = await Schemes.MemberAppointments.ForAsync(db, p.Id, ct);
        var contracts = MakeContracts(state, award, members, Standstill.LondonDay(now), now);
        audit.Record("award.awarded", nameof(Procurement), p.Id,
            $"{p.Reference}: {result.From} → {result.To} at the end of the standstill; {contracts} contracts under {p.Lots.Count} framework agreements");
        await db.SaveChangesAsync(ct);
    }

    private int MakeContracts(AwardState state, Core.Domain.Award.Award award, Schemes.MemberAppointments members, DateOnly startsOn, DateTime now)
    {
        var p = state.Procurement;
        var term = p.ContractTermMonths ?? DefaultTermMonths;
        var endsOn = startsOn.AddMonths(term).AddDays(-1);
        var count = 0;
        foreach (var lot in p.Lots.OrderBy(l => l.Number).Where(l => state.OfLot(l.Id).Any(b => b.Appointed)))
        {
            var framework = db.FrameworkAgreements.Add(new FrameworkAgreement
            {
                ProcurementId = p.Id, LotId = lot.Id, Title = $"{p.Title}: Lot {lot.Number} {lot.Name}", StartsOn = startsOn, EndsOn = endsOn, CreatedAt = now,
            }).Entity;
            foreach (var bid in state.OfLot(lot.Id).Where(b => b.Appointed))
            {
                var sealedBid = state.Results.State.Bid(bid.BidId)!;
                count++;
                var contract = db.Contracts.Add(new Contract
                {
                    ProcurementId = p.Id,
                    FrameworkAgreementId = framework.Id,
                    LotId = lot.Id,
                    ProviderId = bid.ProviderId,
                    Reference = $"{p.Reference}-L{lot.Number}-C{count:00}",
                    Title = framework.Title,
                    ProviderName = bid.ProviderName,
                    LotName = $"Lot {lot.Number} {lot.Name}",
                    StartsOn = startsOn,
                    EndsOn = endsOn,
                    ExtensionOptions = p.ExtensionOptions,
                    Value = Math.Round(bid.EvaluatedPrice * term / 12m, 2, MidpointRounding.AwayFromZero),
                    AnnualValue = bid.EvaluatedPrice,
                    Rates = lot.Bands.OrderBy(b => b.Code).Where(b => sealedBid.Rates.ContainsKey(b.Id))
                        .Select(b => new AgreedRate(b.Code, b.Name, b.Unit.ToString(), sealedBid.Rates[b.Id])).ToList(),
                    OwnerUserId = award.RecommendedByUserId,
                    CreatedAt = now,
                }).Entity;
                if (members.Appoint(lot.Number, framework, contract, bid, now) is { } member)
                {
                    db.FrameworkMembers.Add(member);
                }
            }
        }
        return count;
    }
}
