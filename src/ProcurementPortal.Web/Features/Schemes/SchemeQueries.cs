using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Calendar;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Features.Procurements;

namespace ProcurementPortal.Web.Features.Schemes;

public sealed record RoundRow(Guid ProcurementId, int Number, string Reference, string Title, string State, DateTimeOffset StartedAt, DateOnly? AwardedOn);

public sealed record BandCeiling(string Code, string Name, string Unit, decimal? CeilingRate);

public sealed record SchemeLot(Guid LotId, int Number, string Name, IReadOnlyList<BandCeiling> Bands);

/// <summary>
/// A scheme as officers see it: its kind, first award and end, the planned reopenings and the latest lawful day for
/// the next award (open framework), the conditions of membership (dynamic market), the rounds started, what is due,
/// and the lots with their bands' ceilings (what a dynamic market application is judged against).
/// </summary>
public sealed record SchemeView(
    Guid Id, Guid ProcurementId, string Reference, string Title, SchemeKind Kind, DateOnly FirstAwardOn, DateOnly EndsOn, DateOnly LatestEnd,
    IReadOnlyList<DateOnly> Reopenings, DateOnly? LatestNextAward, string? ConditionsOfMembership, IReadOnlyList<RoundRow> Rounds,
    IReadOnlyList<SchemeDue> Due, IReadOnlyList<SchemeLot> Lots);

/// <summary>An awarded framework procurement that is not yet a scheme: what the form to make one needs.</summary>
public sealed record SchemeCandidate(Guid ProcurementId, string Reference, string Title, DateOnly FirstAwardOn, DateOnly LatestEnd);

/// <summary>Reading schemes: by their first procurement, with their rounds, lots and what is due.</summary>
public sealed class SchemeQueries(PortalDbContext db)
{
    /// <summary>The procurement's first award (its framework agreements' start); null when it is not this tenant's or not awarded as a framework.</summary>
    public async Task<SchemeCandidate?> CandidateAsync(Guid procurementId, CancellationToken ct)
    {
        var p = await db.Procurements.AsNoTracking().Where(x => x.Id == procurementId).Select(x => new { x.Id, x.Reference, x.Title }).SingleOrDefaultAsync(ct);
        var starts = await db.FrameworkAgreements.AsNoTracking().Where(f => f.ProcurementId == procurementId).Select(f => (DateOnly?)f.StartsOn).MinAsync(ct);
        return p is null || starts is not { } first ? null : new SchemeCandidate(p.Id, p.Reference, p.Title, first, OpenFrameworkSchedule.LatestEnd(first));
    }

    /// <summary>The scheme whose first procurement is <paramref name="procurementId"/>; null when there is none in this tenant (404).</summary>
    public async Task<SchemeView?> FindAsync(Guid procurementId, CancellationToken ct)
    {
        var scheme = await db.FrameworkSchemes.AsNoTracking().SingleOrDefaultAsync(s => s.ProcurementId == procurementId, ct);
        return scheme is null ? null : await ViewAsync(scheme, ct);
    }

    public async Task<SchemeView?> FindByIdAsync(Guid schemeId, CancellationToken ct)
    {
        var scheme = await db.FrameworkSchemes.AsNoTracking().SingleOrDefaultAsync(s => s.Id == schemeId, ct);
        return scheme is null ? null : await ViewAsync(scheme, ct);
    }

    private async Task<SchemeView> ViewAsync(FrameworkScheme scheme, CancellationToken ct)
    {
        var p = await db.Procurements.AsNoTracking().Where(x => x.Id == scheme.ProcurementId).Select(x => new { x.Reference, x.Title }).SingleAsync(ct);
        var rounds = await RoundsAsync(scheme.Id, ct);
        // The lots the first procurement awarded: each has the framework agreement that new members join.
        var lots = await db.Lots.AsNoTracking().Include(l => l.Bands)
            .Where(l => l.ProcurementId == scheme.ProcurementId && db.FrameworkAgreements.Any(f => f.LotId == l.Id))
            .OrderBy(l => l.Number).ToListAsync(ct);
        var today = Standstill.LondonDay(await db.DatabaseNowAsync(ct));
        var lastAward = rounds.Max(r => r.AwardedOn);
        var open = scheme.Kind == SchemeKind.OpenFramework;
        return new SchemeView(scheme.Id, scheme.ProcurementId, p.Reference, p.Title, scheme.Kind, scheme.FirstAwardOn, scheme.EndsOn,
            OpenFrameworkSchedule.LatestEnd(scheme.FirstAwardOn), scheme.Reopenings,
            open ? OpenFrameworkSchedule.LatestNextAward(scheme.FirstAwardOn, lastAward) : null, scheme.ConditionsOfMembership, rounds,
            open ? OpenFrameworkSchedule.Due(scheme.FirstAwardOn, scheme.Reopenings, scheme.EndsOn, rounds.Count, lastAward, today) : [],
            lots.Select(l => new SchemeLot(l.Id, l.Number, l.Name,
                l.Bands.OrderBy(b => b.Code).Select(b => new BandCeiling(b.Code, b.Name, b.Unit.ToString(), b.CeilingRate)).ToList())).ToList());
    }

    /// <summary>The scheme's rounds, oldest first, with the day each was awarded (Europe/London) once it was.</summary>
    public async Task<List<RoundRow>> RoundsAsync(Guid schemeId, CancellationToken ct) =>
        (await db.SchemeRounds.AsNoTracking().Where(r => r.SchemeId == schemeId)
            .Join(db.Procurements, r => r.ProcurementId, p => p.Id, (r, p) => new
            {
                r.ProcurementId, r.Number, p.Reference, p.Title, p.State, r.StartedAt,
                AwardedAt = db.Awards.Where(a => a.ProcurementId == p.Id).Select(a => a.AwardedAt).FirstOrDefault(),
            })
            .OrderBy(r => r.Number).ToListAsync(ct))
        .Select(r => new RoundRow(r.ProcurementId, r.Number, r.Reference, r.Title, ProcurementDisplay.StateText(r.State),
            new DateTimeOffset(DateTime.SpecifyKind(r.StartedAt, DateTimeKind.Utc)), r.AwardedAt is { } at ? Standstill.LondonDay(at) : null))
        .ToList();
}

/// <summary>
/// Where the end of a standstill puts the providers it appoints. A procurement of its own: into its own lots'
/// framework agreements. A re-admission round: into the scheme's framework agreement for the lot of the same number
/// (existing members carry over untouched; a provider already a member of that lot is not added again), or the
/// round's own agreement where the first procurement awarded no one on that lot.
/// </summary>
public sealed class MemberAppointments
{
    private readonly Dictionary<int, FrameworkAgreement> _schemeAgreements;
    private readonly HashSet<(Guid AgreementId, Guid ProviderId)> _members;

    private MemberAppointments(Dictionary<int, FrameworkAgreement> agreements, HashSet<(Guid, Guid)> members)
    {
        _schemeAgreements = agreements;
        _members = members;
    }

    public static async Task<MemberAppointments> ForAsync(PortalDbContext db, Guid procurementId, CancellationToken ct)
    {
        var schemeProcurementId = await db.SchemeRounds.AsNoTracking().Where(r => r.ProcurementId == procurementId)
            .Join(db.FrameworkSchemes, r => r.SchemeId, s => s.Id, (r, s) => (Guid?)s.ProcurementId).SingleOrDefaultAsync(ct);
        if (schemeProcurementId is not { } first)
        {
            return new MemberAppointments(new(), new());
        }
        var agreements = await db.FrameworkAgreements.Where(f => f.ProcurementId == first)
            .Join(db.Lots, f => f.LotId, l => l.Id, (f, l) => new { Agreement = f, l.Number }).ToListAsync(ct);
        var members = await db.FrameworkMembers.AsNoTracking().Where(m => m.ProcurementId == first)
            .Select(m => new { m.FrameworkAgreementId, m.ProviderId }).ToListAsync(ct);
        return new MemberAppointments(agreements.ToDictionary(a => a.Number, a => a.Agreement),
            members.Select(m => (m.FrameworkAgreementId, m.ProviderId)).ToHashSet());
    }

    /// <summary>The member row to add for a provider appointed on lot <paramref name="lotNumber"/>, or null when it is already a member there.</summary>
    public FrameworkMember? Appoint(int lotNumber, FrameworkAgreement ownAgreement, Contract contract, AwardedBid bid, DateTime now)
    {
        var agreement = _schemeAgreements.GetValueOrDefault(lotNumber) ?? ownAgreement;
        return _members.Add((agreement.Id, bid.ProviderId)) ? Framework.FrameworkMembers.Appoint(agreement, contract, bid, now) : null;
    }
}
