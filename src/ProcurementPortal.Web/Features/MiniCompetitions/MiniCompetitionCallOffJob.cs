using Hangfire;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Jobs;

namespace ProcurementPortal.Web.Features.MiniCompetitions;

/// <summary>
/// Makes a mini-competition's call-off contract when its standstill ends. Takes the competition row for update first,
/// so two runs cannot both make it: a run that fires early schedules itself again, and a run after the contract is made
/// changes nothing.
/// </summary>
public sealed class MiniCompetitionCallOffJob(TenantJobScope scope, PortalDbContext db, AuditLog audit, IBackgroundJobClient jobs)
{
    public static void ScheduleFor(IBackgroundJobClient jobs, Guid tenantId, Guid competitionId, DateTime endsAtUtc) =>
        jobs.Schedule<MiniCompetitionCallOffJob>(j => j.RunAsync(tenantId, competitionId, CancellationToken.None),
            new DateTimeOffset(DateTime.SpecifyKind(endsAtUtc, DateTimeKind.Utc)));

    public async Task RunAsync(Guid tenantId, Guid competitionId, CancellationToken ct)
    {
        await scope.EnterAsync(tenantId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var window = await CompetitionWindow.EnterAsync(db, competitionId, forUpdate: true, ct);
        if (window.Status != MiniCompetitionStatus.Awarded)
        {
            return;
        }
        var competition = await db.MiniCompetitions.SingleAsync(c => c.Id == competitionId, ct);
        if (competition.StandstillEndsAt is { } end && end > window.Now)
        {
            ScheduleFor(jobs, tenantId, competitionId, end);
            return;
        }
        await MiniCompetitionCallOff.MakeAsync(db, audit, competition, window.Now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
