using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Evaluation;

/// <summary>The opening record as pages and the API show it.</summary>
public sealed record OpeningView(
    string State, string FirstOfficer, DateTimeOffset FirstConfirmedAtUtc, string? SecondOfficer, DateTimeOffset? SecondConfirmedAtUtc,
    int? BidsOpened, bool Complete)
{
    public static OpeningView From(BidOpening o, ProcurementState state) => new(state.ToString(), o.FirstOfficerName,
        new DateTimeOffset(o.FirstConfirmedAt, TimeSpan.Zero), o.SecondOfficerName,
        o.SecondConfirmedAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null, o.BidsOpened, o.IsComplete);
}

/// <summary>
/// Confirming the opening of the bids (issue 5.6; PCR 2015 reg. 22): after the deadline two different procurement
/// officers must each confirm. The first confirmation is recorded and waits; the second, by another officer, moves the
/// procurement to Opened through the lifecycle and records how many bids were opened. Both are audited with name and time.
/// </summary>
public sealed class OpenBidsHandler(PortalDbContext db, AuditLog audit)
{
    public async Task<Outcome<OpeningView>> HandleAsync(Guid procurementId, Guid userId, string userName, TransitionActor actor, CancellationToken ct)
    {
        var procurement = await db.LoadWholeAsync(procurementId, ct);
        if (procurement is null)
        {
            return Outcome<OpeningView>.NotFound();
        }
        if (procurement.State != ProcurementState.SubmissionsClosed)
        {
            return EvaluationRules.StateError(procurement.State, "open the bids");
        }
        var now = await db.DatabaseNowAsync(ct);
        var opening = await db.BidOpenings.SingleOrDefaultAsync(o => o.ProcurementId == procurementId, ct);
        if (opening is null)
        {
            opening = new BidOpening { ProcurementId = procurementId, FirstOfficerUserId = userId, FirstOfficerName = userName, FirstConfirmedAt = now };
            db.BidOpenings.Add(opening);
            audit.Record("procurement.opening_confirmed", nameof(Procurement), procurement.Id,
                $"{procurement.Reference}: opening confirmed by {userName} at {UkTime.FormatDeadline(now)}; a second procurement officer must confirm it");
            await db.SaveChangesAsync(ct);
            return Outcome<OpeningView>.Ok(OpeningView.From(opening, procurement.State));
        }
        var result = ProcurementLifecycle.Open(procurement, actor, opening.FirstOfficerUserId, userId);
        if (!result.Succeeded)
        {
            return EvaluationRules.FromTransition(result);
        }
        opening.SecondOfficerUserId = userId;
        opening.SecondOfficerName = userName;
        opening.SecondConfirmedAt = now;
        opening.BidsOpened = await db.Bids.CountAsync(b => b.ProcurementId == procurementId && b.Status == BidStatus.Submitted && b.CurrentVersionId != null, ct);
        audit.Record("procurement.opened", nameof(Procurement), procurement.Id,
            $"{procurement.Reference}: {opening.BidsOpened} bid(s) opened. Confirmed by {opening.FirstOfficerName} at {UkTime.FormatDeadline(opening.FirstConfirmedAt)} "
            + $"and by {userName} at {UkTime.FormatDeadline(now)}");
        await db.SaveChangesAsync(ct);
        return Outcome<OpeningView>.Ok(OpeningView.From(opening, procurement.State));
    }

    public async Task<Outcome<OpeningView?>> GetAsync(Guid procurementId, CancellationToken ct)
    {
        var procurement = await db.Procurements.AsNoTracking().SingleOrDefaultAsync(p => p.Id == procurementId, ct);
        if (procurement is null)
        {
            return Outcome<OpeningView?>.NotFound();
        }
        var opening = await db.BidOpenings.AsNoTracking().SingleOrDefaultAsync(o => o.ProcurementId == procurementId, ct);
        return Outcome<OpeningView?>.Ok(opening is null ? null : OpeningView.From(opening, procurement.State));
    }
}
