using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Calendar;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Notices;
using ProcurementPortal.Web.Infrastructure;
using ProcurementPortal.Web.Features.Procurements;

namespace ProcurementPortal.Web.Features.Schemes;

public sealed record AppliedLotCommand
{
    public Guid? LotId { get; init; }
    /// <summary>The provider's rate per band code, each no higher than the band's ceiling.</summary>
    public Dictionary<string, decimal?>? Rates { get; init; }
}

public sealed record ApplyToMarketCommand
{
    /// <summary>The provider organisation applying, when the person acts for more than one.</summary>
    public Guid? ProviderId { get; init; }
    public List<AppliedLotCommand>? Lots { get; init; }
    /// <summary>How the provider meets the conditions of membership.</summary>
    public string? Statement { get; init; }
}

/// <summary>
/// The provider's side of a dynamic market (ADR 010's pattern: the tenant from the route, the provider from the
/// person's membership, set as the scope's provider so that the provider locks hide every other provider's application).
/// </summary>
public sealed class MarketAccess(PortalDbContext db, ProviderSide providers, ProviderContext providerContext, SchemeQueries schemes)
{
    /// <summary>The dynamic market and the provider acting; null when the scheme is not a dynamic market of this tenant or the person acts for no provider (404).</summary>
    public async Task<(SchemeView Market, ProviderChoice Provider)?> OpenAsync(Guid schemeId, Guid? providerId, CancellationToken ct)
    {
        var (provider, _) = await providers.ChooseAsync(providerId, ct);
        if (provider is null || await schemes.FindByIdAsync(schemeId, ct) is not { Kind: SchemeKind.DynamicMarket } market)
        {
            return null;
        }
        providerContext.Set(provider.Id);
        return (market, provider);
    }

    /// <summary>The provider's own application with the council's decision; null for another provider's (the provider locks hide it) or another market's.</summary>
    public async Task<ApplicationView?> ApplicationAsync(Guid schemeId, Guid applicationId, CancellationToken ct) =>
        (await SchemesController.ApplicationsAsync(db, schemeId, ct, applicationId)).SingleOrDefault();
}

/// <summary>
/// A provider applies to join a dynamic market for the lots it chooses, against the published conditions of
/// membership, stating a rate for every band of each lot: a rate above the band's ceiling is refused and nothing is
/// saved. A provider already a member of a lot, or with an application waiting, cannot apply again. Audited.
/// </summary>
public sealed class ApplyToMarketHandler(PortalDbContext db, MarketAccess access, ProviderSide providers, AuditLog audit, IActor actor)
{
    public async Task<Outcome<MarketApplication>> HandleAsync(Guid schemeId, ApplyToMarketCommand command, CancellationToken ct)
    {
        var (chosen, choiceErrors) = await providers.ChooseAsync(command.ProviderId, ct);
        if (chosen is null)
        {
            return choiceErrors;
        }
        if (await access.OpenAsync(schemeId, chosen.Id, ct) is not { } opened)
        {
            return Outcome<MarketApplication>.NotFound();
        }
        var (market, provider) = opened;
        var errors = new Errors().RequireText(command.Statement, nameof(command.Statement), "how you meet the conditions of membership", 4000);
        var requested = command.Lots ?? [];
        errors.Require(requested.Count > 0, nameof(command.Lots), "Choose at least one lot to join");
        var memberOf = await db.FrameworkMembers.AsNoTracking()
            .Where(m => m.ProcurementId == market.ProcurementId && m.ProviderId == provider.Id && m.Status != MemberStatus.Left)
            .Select(m => m.LotId).ToListAsync(ct);
        var lots = new List<AppliedLot>();
        for (var i = 0; i < requested.Count; i++)
        {
            var lot = market.Lots.FirstOrDefault(l => l.LotId == requested[i].LotId);
            if (lot is null || requested.Take(i).Any(r => r.LotId == lot.LotId))
            {
                errors.Add($"Lots[{i}].LotId", "Choose each lot of this dynamic market once");
                continue;
            }
            errors.Require(!memberOf.Contains(lot.LotId), $"Lots[{i}].LotId", $"{provider.Name} is already a member of lot {lot.Number} {lot.Name}");
            var rates = new List<AgreedRate>();
            foreach (var band in lot.Bands)
            {
                var field = $"Lots[{i}].Rates[{band.Code}]";
                var rate = requested[i].Rates?.GetValueOrDefault(band.Code);
                if (rate is not { } value || value <= 0 || decimal.Round(value, 2) != value)
                {
                    errors.Add(field, $"Enter your rate for band {band.Code} of lot {lot.Number} in pounds and pence");
                }
                else if (band.CeilingRate is { } ceiling && value > ceiling)
                {
                    errors.Add(field, $"Your rate for band {band.Code} of lot {lot.Number} (£{value:0.00}) is above the ceiling of £{ceiling:0.00}");
                }
                else
                {
                    rates.Add(new AgreedRate(band.Code, band.Name, band.Unit, value));
                }
            }
            lots.Add(new AppliedLot(lot.LotId, $"Lot {lot.Number} {lot.Name}", rates));
        }
        var now = await db.DatabaseNowAsync(ct);
        errors.Require(Standstill.LondonDay(now) <= market.EndsOn, nameof(command.Lots), $"This dynamic market ended on {OpenFrameworkSchedule.Day(market.EndsOn)}")
            .Require(!await db.MarketApplications.AnyAsync(a => a.SchemeId == schemeId && !db.MarketDecisions.Any(d => d.ApplicationId == a.Id), ct),
                nameof(command.Lots), $"{provider.Name} has an application waiting for the council's decision");
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var application = db.MarketApplications.Add(new MarketApplication
        {
            ProviderId = provider.Id, ProviderName = provider.Name, SchemeId = schemeId, Lots = lots, Statement = command.Statement!.Trim(),
            AppliedAt = now, AppliedByName = actor.Name,
        }).Entity;
        audit.Record("market.applied", nameof(MarketApplication), application.Id,
            $"{provider.Name} applied to join the dynamic market of {market.Reference} for {string.Join(", ", lots.Select(l => l.LotName))}");
        await db.SaveChangesAsync(ct);
        return Outcome<MarketApplication>.Ok(application);
    }
}
