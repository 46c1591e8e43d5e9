using Hangfire;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Integrations;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Procurements;

/// <summary>
/// The officer's lifecycle transitions (publish; cancelling is <see cref="CancelProcurementHandler"/>). The rules are in <see cref="ProcurementLifecycle"/>;
/// this applies one, audits it and, on publishing, schedules the clarification deadline and the close of submissions.
/// </summary>
public sealed class TransitionHandler(PortalDbContext db, AuditLog audit, ITenantContext tenant, IBackgroundJobClient jobs, WebhookOutbox webhooks)
{
    public Task<Outcome<TransitionResult>> PublishAsync(Guid id, TransitionActor actor, CancellationToken ct) =>
        ApplyAsync(id, "procurement.published", (p, now) => ProcurementLifecycle.Publish(p, actor, now), ct);

    private async Task<Outcome<TransitionResult>> ApplyAsync(
        Guid id, string action, Func<Procurement, DateTime, TransitionResult> transition, CancellationToken ct)
    {
        var procurement = await db.LoadWholeAsync(id, ct);
        if (procurement is null)
        {
            return Outcome<TransitionResult>.NotFound();
        }
        var result = transition(procurement, await db.DatabaseNowAsync(ct));
        if (!result.Succeeded)
        {
            return ErrorsOf(result);
        }
        audit.Record(action, nameof(Procurement), procurement.Id, $"{procurement.Reference}: {result.From} → {result.To}");
        if (action == WebhookEvents.ProcurementPublished)
        {
            await webhooks.EnqueueAsync(WebhookEvents.ProcurementPublished, new
            {
                procurementId = procurement.Id, procurement.Reference, procurement.Title, state = result.To.ToString(),
                submissionDeadline = ProcurementResponse.Utc(procurement.SubmissionDeadline),
            }, ct);
        }
        await db.SaveChangesAsync(ct);
        if (result.To == ProcurementState.TenderOpen && procurement.SubmissionDeadline is { } deadline)
        {
            // Scheduled after the commit; the job re-checks state and the database clock, so a stray run is harmless.
            jobs.Schedule<CloseSubmissionsJob>(j => j.RunAsync(tenant.TenantId!.Value, procurement.Id, CancellationToken.None),
                new DateTimeOffset(DateTime.SpecifyKind(deadline, DateTimeKind.Utc)));
        }
        if (result.To == ProcurementState.TenderOpen)
        {
            ClarificationDeadlineJob.Schedule(jobs, tenant.TenantId!.Value, procurement);
        }
        return Outcome<TransitionResult>.Ok(result);
    }

    /// <summary>A refused transition's problems as the use case's field errors.</summary>
    public static Errors ErrorsOf(TransitionResult result)
    {
        var errors = new Errors();
        foreach (var (field, message) in result.Problems)
        {
            errors.Add(field, message);
        }
        return errors;
    }
}
