using Hangfire;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Calendar;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Award;

/// <summary>
/// The contract award notice is published once every letter has gone (Procurement Act 2023 s.50 then s.51): the
/// standstill starts, its end is computed from the publication (or, under the old regulations, from the letters) and
/// the job that ends it is scheduled for that instant.
/// </summary>
public sealed class PublishAwardNoticeHandler(PortalDbContext db, AwardLoader loader, AuditLog audit, IBackgroundJobClient jobs, ITenantContext tenant)
{
    public async Task<Outcome<AwardView>> HandleAsync(Guid procurementId, TransitionActor actor, CancellationToken ct)
    {
        var state = await loader.LoadAsync(procurementId, ct);
        if (state is null)
        {
            return Outcome<AwardView>.NotFound();
        }
        var p = state.Procurement;
        var award = state.Award;
        var lettersSent = award is { LettersSentAt: not null } a && a.LettersDone >= a.LettersTotal;
        var result = ProcurementLifecycle.StartStandstill(p, actor, lettersSent);
        if (!result.Succeeded)
        {
            return StandstillWording.FromTransition(result);
        }
        var now = await db.DatabaseNowAsync(ct);
        var end = Standstill.EndOf(award!.Regime, now, award.LettersSentAt!.Value, await loader.CalendarAsync(ct));
        award.NoticePublishedAt = now;
        award.StandstillEndsAt = end.EndsAtUtc;
        audit.Record("award.notice_published", nameof(Procurement), p.Id,
            $"{p.Reference}: {result.From} → {result.To}; standstill ({award.Regime}) ends at {StandstillWording.Ends(end.EndsAtUtc)} ({end.EndsAtUtc:u})");
        await db.SaveChangesAsync(ct);
        StandstillJob.ScheduleFor(jobs, tenant.TenantId!.Value, p.Id, end.EndsAtUtc);
        return Outcome<AwardView>.Ok(AwardView.From(state));
    }
}

public sealed record RecordChallengeCommand(string? Details);

/// <summary>A challenge to the award decision during standstill: the award waits (the job will not complete it).</summary>
public sealed class RecordChallengeHandler(PortalDbContext db, AwardLoader loader, AuditLog audit)
{
    public async Task<Outcome<AwardView>> HandleAsync(Guid procurementId, RecordChallengeCommand command, CancellationToken ct)
    {
        var state = await loader.LoadAsync(procurementId, ct);
        if (state is null)
        {
            return Outcome<AwardView>.NotFound();
        }
        var errors = new Errors()
            .Require(!string.IsNullOrWhiteSpace(command.Details), nameof(command.Details), "Describe the challenge (who made it and how)")
            .Require(state.Procurement.State == ProcurementState.Standstill, "State", "A challenge pauses the award only during the standstill period");
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var award = state.Award!;
        award.ChallengeRecordedAt = await db.DatabaseNowAsync(ct);
        award.ChallengeDetails = command.Details!.Trim();
        audit.Record("award.challenge_recorded", nameof(Procurement), state.Procurement.Id, $"{state.Procurement.Reference}: {award.ChallengeDetails}");
        await db.SaveChangesAsync(ct);
        return Outcome<AwardView>.Ok(AwardView.From(state));
    }
}
