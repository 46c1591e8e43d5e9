using System.Security.Cryptography;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Calendar;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Jobs;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Award;

/// <summary>The day the contract award notice will be published (Europe/London); the next working day when left out.</summary>
public sealed record SendLettersCommand(DateOnly? NoticeOn);

/// <summary>
/// Starts the bulk generation of the letters of an approved award: one job writes every bidder's letter for every lot
/// it bid for, with its progress (n of N) on the award. Asking again while letters are missing starts the job again;
/// it writes only the missing ones.
/// </summary>
public sealed class SendLettersHandler(PortalDbContext db, AwardLoader loader, AuditLog audit, IBackgroundJobClient jobs, ITenantContext tenant)
{
    public async Task<Outcome<AwardView>> HandleAsync(Guid procurementId, SendLettersCommand command, CancellationToken ct)
    {
        var state = await loader.LoadAsync(procurementId, ct);
        if (state is null)
        {
            return Outcome<AwardView>.NotFound();
        }
        var p = state.Procurement;
        if (p.State != ProcurementState.AwardApproved || state.Award is not { } award)
        {
            return new Errors().Add("State", $"Letters are sent once the award is approved; the procurement is {ProcurementLifecycle.Describe(p.State)}");
        }
        var today = Standstill.LondonDay(await db.DatabaseNowAsync(ct));
        var calendar = await loader.CalendarAsync(ct);
        var noticeOn = command.NoticeOn ?? calendar.NextWorkingDayOnOrAfter(today.AddDays(1));
        if (noticeOn < today)
        {
            return new Errors().Add(nameof(command.NoticeOn), "The contract award notice cannot be published before today");
        }
        award.PlannedNoticeOn = noticeOn;
        award.LettersTotal = state.Bids.Count;
        audit.Record("award.letters_requested", nameof(Procurement), p.Id,
            $"{p.Reference}: {award.LettersTotal} letters; contract award notice planned for {noticeOn:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<AwardLettersJob>(j => j.RunAsync(tenant.TenantId!.Value, p.Id, CancellationToken.None));
        return Outcome<AwardView>.Ok(AwardView.From(state));
    }
}

/// <summary>
/// Writes the missing letters of an award, one per bidder and lot: renders the PDF, stores it with its SHA-256, emails
/// it (attached) to the provider's people through the outbox and counts it on the award. Each letter is its own
/// transaction, so the count is visible as the job runs and a rerun after a failure resumes where it stopped; the
/// unique (bid, lot) index means a letter, and its email, is never written twice.
/// </summary>
public sealed class AwardLettersJob(
    TenantJobScope scope, PortalDbContext db, AwardLoader loader, AwardLetterDocument document, EmailOutbox outbox, AuditLog audit,
    ITenantContext tenant, IConfiguration configuration, ILogger<AwardLettersJob> log)
{
    public async Task RunAsync(Guid tenantId, Guid procurementId, CancellationToken ct)
    {
        await scope.EnterAsync(tenantId, ct);
        var state = await loader.LoadAsync(procurementId, ct);
        if (state?.Award is not { } award || state.Procurement.State is < ProcurementState.AwardApproved or ProcurementState.Cancelled)
        {
            log.LogInformation("Procurement {Id} has no approved award; no letters to write", procurementId);
            return;
        }
        var p = state.Procurement;
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == tenantId, ct);
        var written = (await db.AwardLetters.Where(l => l.ProcurementId == p.Id).Select(l => new { l.BidId, l.LotId }).ToListAsync(ct))
            .Select(l => (l.BidId, l.LotId)).ToHashSet();
        var now = await db.DatabaseNowAsync(ct);
        var calendar = await loader.CalendarAsync(ct);
        var noticeOn = award.PlannedNoticeOn ?? calendar.NextWorkingDayOnOrAfter(Standstill.LondonDay(now).AddDays(1));
        var standstill = Standstill.EndOf(award.Regime, noticeOn.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), award.LettersSentAt ?? now, calendar);
        var contacts = await ProviderContacts.EmailsAsync(db, state.Bids.Select(b => b.ProviderId).Distinct().ToList(), ct);
        award.LettersTotal = state.Bids.Count;
        award.LettersDone = written.Count;
        var lots = p.Lots.ToDictionary(l => l.Id);

        foreach (var bid in state.Bids.Where(b => !written.Contains((b.BidId, b.LotId))).OrderBy(b => b.ProviderName, StringComparer.Ordinal))
        {
            var lot = lots[bid.LotId];
            var pdf = document.Render(state, bid, organisation, Standstill.LondonDay(now), standstill);
            var letter = db.AwardLetters.Add(new AwardLetter
            {
                ProviderId = bid.ProviderId,
                ProcurementId = p.Id,
                LotId = bid.LotId,
                BidId = bid.BidId,
                Successful = bid.Appointed,
                FileName = AwardLetterDocument.FileName(p, lot, bid),
                Pdf = pdf,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)),
                CreatedAt = now,
            }).Entity;
            foreach (var email in contacts.GetValueOrDefault(bid.ProviderId) ?? [])
            {
                outbox.Enqueue(email, "award-letter", new
                {
                    TenantName = organisation.Name,
                    p.Reference,
                    p.Title,
                    LotName = $"Lot {lot.Number} {lot.Name}",
                    Outcome = bid.Appointed ? "successful" : "unsuccessful",
                    StandstillEnds = StandstillWording.Ends(standstill.EndsAtUtc),
                    Link = $"{configuration["Portal:BaseUrl"]?.TrimEnd('/')}/{tenant.Slug}/opportunities/{p.Id}/letters",
                }, (letter.FileName, pdf));
            }
            award.LettersDone++;
            audit.Record("award.letter_stored", nameof(AwardLetter), letter.Id,
                $"{p.Reference} Lot {lot.Number}: {(bid.Appointed ? "successful" : "unsuccessful")} letter to {bid.ProviderName}, SHA-256 {letter.Sha256}");
            await db.SaveChangesAsync(ct);
        }
        if (award.LettersSentAt is null)
        {
            award.LettersSentAt = now;
            audit.Record("award.letters_sent", nameof(Procurement), p.Id, $"{p.Reference}: {award.LettersDone} of {award.LettersTotal} letters sent");
        }
        await db.SaveChangesAsync(ct);
    }
}
