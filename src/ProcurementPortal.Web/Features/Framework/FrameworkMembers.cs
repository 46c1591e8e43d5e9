using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Framework;

public sealed record MemberRow(
    Guid Id, Guid ProviderId, string ProviderName, int? Rank, decimal TotalScore, MemberStatus Status, string? StatusReason,
    DateTimeOffset? StatusChangedAt, string ContractReference, IReadOnlyList<AgreedRate> Rates, decimal? CapacityHoursPerWeek);

public sealed record FrameworkLot(
    Guid LotId, int Number, string Name, Guid FrameworkAgreementId, string Title, DateOnly StartsOn, DateOnly EndsOn,
    string? ExtensionOptions, IReadOnlyList<ExtensionOption> Extensions, IReadOnlyList<MemberRow> Members);

public sealed record FrameworkView(Guid ProcurementId, string Reference, string Title, IReadOnlyList<FrameworkLot> Lots);

/// <summary>
/// The framework as a live record: per lot, its agreement's term and extension options and its members with their
/// agreed band rates (their contract's), evaluation rank and score, and status. Also the appointment at award.
/// </summary>
public sealed class FrameworkMembers(PortalDbContext db)
{
    /// <summary>A provider appointed to a lot becomes an active member of its framework, beside its contract.</summary>
    public static FrameworkMember Appoint(FrameworkAgreement framework, Contract contract, AwardedBid bid, DateTime now) => new()
    {
        ProcurementId = framework.ProcurementId,
        FrameworkAgreementId = framework.Id,
        LotId = framework.LotId,
        ProviderId = bid.ProviderId,
        ProviderName = bid.ProviderName,
        ContractId = contract.Id,
        Rank = bid.Rank,
        TotalScore = bid.TotalScore,
        JoinedAt = now,
    };

    /// <summary>Null when the procurement is not this tenant's or has no framework agreement yet (404).</summary>
    public async Task<FrameworkView?> FindAsync(Guid procurementId, CancellationToken ct)
    {
        var procurement = await db.Procurements.AsNoTracking().Where(p => p.Id == procurementId)
            .Select(p => new { p.Id, p.Reference, p.Title }).SingleOrDefaultAsync(ct);
        if (procurement is null)
        {
            return null;
        }
        var agreements = await db.FrameworkAgreements.AsNoTracking().Where(f => f.ProcurementId == procurementId)
            .Join(db.Lots, f => f.LotId, l => l.Id, (f, l) => new { Agreement = f, l.Number, l.Name })
            .OrderBy(x => x.Number).ToListAsync(ct);
        if (agreements.Count == 0)
        {
            return null;
        }
        var members = await db.FrameworkMembers.AsNoTracking().Where(m => m.ProcurementId == procurementId)
            .Join(db.Contracts, m => m.ContractId, c => c.Id, (m, c) => new { Member = m, c.Reference, c.Rates, c.ExtensionOptions })
            .ToListAsync(ct);
        var lots = agreements.Select(a =>
        {
            var mine = members.Where(m => m.Member.FrameworkAgreementId == a.Agreement.Id).ToList();
            var options = mine.Select(m => m.ExtensionOptions).FirstOrDefault(o => o is not null);
            return new FrameworkLot(a.Agreement.LotId, a.Number, a.Name, a.Agreement.Id, a.Agreement.Title, a.Agreement.StartsOn, a.Agreement.EndsOn,
                options, ContractExtensions.Options(a.Agreement.EndsOn, options),
                mine.OrderBy(m => m.Member.Rank ?? int.MaxValue).ThenBy(m => m.Member.ProviderName, StringComparer.Ordinal)
                    .Select(m => Row(m.Member, m.Reference, m.Rates)).ToList());
        }).ToList();
        return new FrameworkView(procurement.Id, procurement.Reference, procurement.Title, lots);
    }

    public static MemberRow Row(FrameworkMember m, string contractReference, IReadOnlyList<AgreedRate> rates) => new(
        m.Id, m.ProviderId, m.ProviderName, m.Rank, m.TotalScore, m.Status, m.StatusReason,
        m.StatusChangedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null, contractReference, rates, m.CapacityHoursPerWeek);

    /// <summary>The member of the procurement's framework, tracked for a status change; null when not found.</summary>
    public Task<FrameworkMember?> MemberAsync(Guid procurementId, Guid memberId, CancellationToken ct) =>
        db.FrameworkMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.ProcurementId == procurementId, ct);
}

/// <summary>A need placed on a lot of the framework: the lot's agreement, the lot, its need band, and the database clock's now.</summary>
public sealed record LotNeed(FrameworkAgreement Agreement, Lot Lot, FeeBand Band, DateTime Now)
{
    /// <summary>
    /// Reads the lot, band and start date that a package request or a direct award names, adding field errors to
    /// <paramref name="errors"/> (a lot not of this framework, a band not of the lot, a start before today or after the
    /// framework's end). Null when anything is missing or wrong.
    /// </summary>
    public static async Task<LotNeed?> ReadAsync(PortalDbContext db, Guid procurementId, Guid? lotId, string? bandCode, DateOnly? startsOn, Errors errors, CancellationToken ct)
    {
        var agreement = lotId is { } id
            ? await db.FrameworkAgreements.AsNoTracking().SingleOrDefaultAsync(f => f.ProcurementId == procurementId && f.LotId == id, ct)
            : null;
        var lot = agreement is null ? null : await db.Lots.AsNoTracking().Include(l => l.Bands).SingleAsync(l => l.Id == agreement.LotId, ct);
        errors.Require(lotId is null || agreement is not null, "LotId", "Choose a lot of this framework");
        var band = lot?.Bands.FirstOrDefault(b => b.Code == bandCode?.Trim());
        errors.Require(string.IsNullOrWhiteSpace(bandCode) || lot is null || band is not null, "BandCode", "Choose a need band of this lot");
        var now = await db.DatabaseNowAsync(ct);
        var today = DateOnly.FromDateTime(UkTime.ToUk(now));
        errors.Require(startsOn is null || startsOn >= today, "StartsOn", "The start date must be today or later");
        errors.Require(startsOn is null || agreement is null || startsOn <= agreement.EndsOn, "StartsOn",
            $"The start date must be on or before the framework's end, {agreement?.EndsOn:d MMMM yyyy}");
        return errors.IsEmpty ? new LotNeed(agreement!, lot!, band!, now) : null;
    }
}

/// <summary>What suspending and reinstating share: the procurement's reference, the emails and the audit summary.</summary>
public sealed class MemberStatusChange(PortalDbContext db, Core.Email.EmailOutbox outbox, Core.Tenancy.ITenantContext tenant, IConfiguration configuration)
{
    public async Task TellAsync(FrameworkMember member, string template, CancellationToken ct)
    {
        var p = await db.Procurements.AsNoTracking().Where(x => x.Id == member.ProcurementId).Select(x => new { x.Reference, x.Title }).SingleAsync(ct);
        var lot = await db.Lots.AsNoTracking().Where(l => l.Id == member.LotId).Select(l => new { l.Number, l.Name }).SingleAsync(ct);
        var contacts = await Core.Jobs.ProviderContacts.EmailsAsync(db, [member.ProviderId], ct);
        foreach (var email in contacts.GetValueOrDefault(member.ProviderId) ?? [])
        {
            outbox.Enqueue(email, template, new
            {
                TenantName = tenant.TenantName,
                p.Reference,
                p.Title,
                LotName = $"Lot {lot.Number} {lot.Name}",
                member.ProviderName,
                Reason = member.StatusReason ?? "",
                Link = $"{configuration["Portal:BaseUrl"]?.TrimEnd('/')}/",
            });
        }
    }
}
