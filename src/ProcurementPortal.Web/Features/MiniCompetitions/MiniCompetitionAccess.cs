using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Web.Features.Bids;
using ProcurementPortal.Web.Features.Notices;

namespace ProcurementPortal.Web.Features.MiniCompetitions;

/// <summary>A provider's view of one mini-competition: its member record, its framework rates, and its own response.</summary>
public sealed record ProviderCompetition(MiniCompetition Competition, FrameworkMember Member, ProviderChoice Provider, IReadOnlyList<AgreedRate> FrameworkRates,
    MiniCompetitionResponse? Response);

/// <summary>
/// Opens a provider's unit of work on a mini-competition (the provider locks then hide every other provider's
/// response). Not found unless the provider is an active member of the lot, or has already responded (to read the outcome).
/// </summary>
public sealed class MiniCompetitionAccess(PortalDbContext db, Framework.MemberAccess members)
{
    public async Task<ProviderCompetition?> OpenAsync(Guid competitionId, Guid? providerId, CancellationToken ct)
    {
        if (await members.EnterAsync(providerId, ct) is not { } provider
            || await db.MiniCompetitions.AsNoTracking().SingleOrDefaultAsync(c => c.Id == competitionId, ct) is not { } competition)
        {
            return null;
        }
        var response = await db.MiniCompetitionResponses.AsNoTracking().SingleOrDefaultAsync(r => r.MiniCompetitionId == competitionId, ct);
        return await members.MemberAsync(provider, competition.FrameworkAgreementId, response is not null, ct) is { } member
            ? new ProviderCompetition(competition, member.Member, provider, member.Rates, response)
            : null;
    }
}

/// <summary>
/// The competition's deadline read under its row lock (share mode for responses, which run side by side; update for the
/// award and the call-off, which wait for them) and the database clock at the start of the transaction (ADR 021).
/// </summary>
internal sealed record CompetitionWindow(MiniCompetitionStatus Status, DateTime ClosesAt, DateTime Now)
{
    private sealed record Row(string Status, DateTime ClosesAt, DateTime Now);

    /// <summary>Must be the transaction's first statement, so that <c>now()</c> is when the request reached the portal.</summary>
    public static async Task<CompetitionWindow> EnterAsync(PortalDbContext db, Guid competitionId, bool forUpdate, CancellationToken ct)
    {
        var row = forUpdate
            ? await db.Database.SqlQuery<Row>($"select status, closes_at, now() as now from mini_competitions where id = {competitionId} for update").SingleAsync(ct)
            : await db.Database.SqlQuery<Row>($"select status, closes_at, now() as now from mini_competitions where id = {competitionId} for share").SingleAsync(ct);
        return new CompetitionWindow(Enum.Parse<MiniCompetitionStatus>(row.Status), row.ClosesAt, row.Now);
    }

    public bool IsClosed => Now >= ClosesAt;

    /// <summary>Refused when the database clock has reached the deadline: no grace.</summary>
    public LateBid? Late() => IsClosed
        ? new LateBid(Utc(ClosesAt), Utc(Now),
            $"The deadline for responses was {BidViews.FormatToSecond(ClosesAt)}. Your response reached the portal at {BidViews.FormatToSecond(Now)}, " +
            "after the deadline, so it was not accepted.")
        : null;

    public static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
