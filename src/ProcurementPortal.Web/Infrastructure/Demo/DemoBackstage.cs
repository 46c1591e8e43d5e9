using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Jobs;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Web.Features.Award;
using ProcurementPortal.Web.Features.Brokerage;
using ProcurementPortal.Web.Features.Procurements;

namespace ProcurementPortal.Web.Infrastructure.Demo;

/// <summary>
/// What the demo cannot do through the API because it would mean waiting: the bid deadline and the standstill are
/// brought forward to the database clock in the tenant's own unit of work (with an audit event saying so), and the
/// jobs that would then fire are run at once, each in a scope of its own as Hangfire runs them.
/// </summary>
public sealed class DemoBackstage(IServiceScopeFactory scopes, IConfiguration configuration)
{
    /// <summary>How long to wait for the in-process job server to write the award letters.</summary>
    public static readonly TimeSpan LettersWait = TimeSpan.FromMinutes(2);

    public async Task<Guid> TenantIdAsync(string slug, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.Organisations.Where(o => o.Slug == slug && o.Kind == OrganisationKind.CommissioningBody).Select(o => o.Id).SingleAsync(ct);
    }

    /// <summary>The submission deadline passes now; then the job closes submissions.</summary>
    public async Task CloseSubmissionsAsync(Guid tenantId, Guid procurementId, CancellationToken ct)
    {
        await InTenantAsync(tenantId, async (db, audit) =>
        {
            var procurement = await db.Procurements.SingleAsync(p => p.Id == procurementId, ct);
            var now = await db.DatabaseNowAsync(ct);
            procurement.ClarificationDeadline = now.AddDays(-1);
            procurement.SubmissionDeadline = now.AddSeconds(-1);
            audit.Record("demo.deadline_moved", nameof(Procurement), procurement.Id, $"{procurement.Reference}: submission deadline brought forward to {now:u} for the demo");
        }, ct);
        await RunAsync<CloseSubmissionsJob>(j => j.RunAsync(tenantId, procurementId, ct));
    }

    /// <summary>
    /// The letters job that sending the letters queued: with the in-process job server it is left to the server (two
    /// copies at once would race for the same letters), and waited for; without one, it is run here.
    /// </summary>
    public async Task WriteLettersAsync(Guid tenantId, Guid procurementId, CancellationToken ct)
    {
        if (!configuration.GetValue("Jobs:InProcessServer", true))
        {
            await RunAsync<AwardLettersJob>(j => j.RunAsync(tenantId, procurementId, ct));
            return;
        }
        var until = DateTime.UtcNow + LettersWait;
        while (!await LettersWrittenAsync(tenantId, procurementId, ct))
        {
            if (DateTime.UtcNow > until)
            {
                throw new InvalidOperationException($"The award letters job has not written every letter within {LettersWait.TotalSeconds:0} s");
            }
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
    }

    private async Task<bool> LettersWrittenAsync(Guid tenantId, Guid procurementId, CancellationToken ct)
    {
        var written = false;
        await InTenantAsync(tenantId, async (db, _) => written = await db.Awards.AnyAsync(
            a => a.ProcurementId == procurementId && a.LettersSentAt != null && a.LettersDone >= a.LettersTotal, ct), ct);
        return written;
    }

    /// <summary>The standstill ends now; then the job awards the procurement and makes its contracts.</summary>
    public async Task EndStandstillAsync(Guid tenantId, Guid procurementId, CancellationToken ct)
    {
        await InTenantAsync(tenantId, async (db, audit) =>
        {
            var award = await db.Awards.SingleAsync(a => a.ProcurementId == procurementId, ct);
            var now = await db.DatabaseNowAsync(ct);
            award.StandstillEndsAt = now.AddSeconds(-1);
            audit.Record("demo.standstill_moved", nameof(Procurement), procurementId, $"standstill end brought forward to {now:u} for the demo");
        }, ct);
        await RunAsync<StandstillJob>(j => j.RunAsync(tenantId, procurementId, ct));
    }

    /// <summary>A package request's response window closes now (it would take hours); then its job closes it.</summary>
    public async Task CloseWindowAsync(Guid tenantId, Guid requestId, CancellationToken ct)
    {
        await InTenantAsync(tenantId, async (db, audit) =>
        {
            var request = await db.PackageRequests.SingleAsync(r => r.Id == requestId, ct);
            var now = await db.DatabaseNowAsync(ct);
            request.ClosesAt = now.AddSeconds(-1);
            audit.Record("demo.window_moved", nameof(PackageRequest), request.Id, $"{request.Reference}: response window brought forward to {now:u} for the demo");
        }, ct);
        await RunAsync<PackageWindowJob>(j => j.RunAsync(tenantId, requestId, ct));
    }

    /// <summary>The ids of the procurement's pass/fail questions (the gates an officer records).</summary>
    public async Task<List<Guid>> GateIdsAsync(Guid tenantId, Guid procurementId, CancellationToken ct)
    {
        List<Guid> ids = [];
        await InTenantAsync(tenantId, async (db, _) => ids = await db.Procurements.Where(p => p.Id == procurementId)
            .SelectMany(p => p.Sections).SelectMany(s => s.Questions).Where(q => q.Type == QuestionType.PassFail)
            .Select(q => q.Id).ToListAsync(ct), ct);
        return ids;
    }

    private async Task InTenantAsync(Guid tenantId, Func<PortalDbContext, AuditLog, Task> change, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TenantJobScope>().EnterAsync(tenantId, ct);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await change(db, scope.ServiceProvider.GetRequiredService<AuditLog>());
        await db.SaveChangesAsync(ct);
    }

    private async Task RunAsync<TJob>(Func<TJob, Task> run) where TJob : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        await run(scope.ServiceProvider.GetRequiredService<TJob>());
    }
}
