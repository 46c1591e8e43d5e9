using Hangfire;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Calendar;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.MiniCompetitions;

public sealed record AwardMiniCompetitionCommand
{
    /// <summary>Whether a standstill applies to this award: mandatory, voluntary, or none.</summary>
    public CallOffStandstill? Standstill { get; init; }
    /// <summary>Why (required whichever is chosen).</summary>
    public string? StandstillReason { get; init; }
}

/// <summary>
/// An officer awards a scored mini-competition to the response ranked first by the rule on the page, once the deadline
/// has passed and every response is scored. Every responder is emailed once its assessment summary (its own scores
/// beside the successful response's). The standstill is recorded with its reason: when one applies it ends after the
/// award's 8 working days (bank holidays and the council's non-working days skipped) and a job then makes the call-off
/// contract; when none applies the contract is made at once. The competition row is locked first, so a second award
/// waits and finds it awarded: nothing is sent or made twice.
/// </summary>
public sealed class AwardMiniCompetitionHandler(PortalDbContext db, MiniCompetitions competitions, AuditLog audit, EmailOutbox outbox, IActor actor,
    ITenantContext tenant, IBackgroundJobClient jobs, IConfiguration configuration)
{
    public async Task<Outcome<MiniCompetition>> HandleAsync(Guid competitionId, AwardMiniCompetitionCommand command, CancellationToken ct)
    {
        if (!await db.MiniCompetitions.AnyAsync(c => c.Id == competitionId, ct))
        {
            return Outcome<MiniCompetition>.NotFound();
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var window = await CompetitionWindow.EnterAsync(db, competitionId, forUpdate: true, ct);
        var errors = new Errors()
            .Require(window.IsClosed, nameof(command.Standstill), $"Responses are sealed until the deadline, {Bids.BidViews.FormatToSecond(window.ClosesAt)}")
            .Require(window.Status == MiniCompetitionStatus.Open, nameof(command.Standstill), "This mini-competition is already awarded")
            .Require(command.Standstill is not null && Enum.IsDefined(command.Standstill.Value), nameof(command.Standstill), "Choose whether a standstill applies")
            .RequireText(command.StandstillReason, nameof(command.StandstillReason), "why", 1000);
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var competition = await db.MiniCompetitions.SingleAsync(c => c.Id == competitionId, ct);
        var ranking = await competitions.RankAsync(competition, ct);
        errors.Require(ranking.Count > 0, nameof(command.Standstill), "No responses were received, so there is nothing to award");
        foreach (var unscored in ranking.Where(r => !r.FullyScored))
        {
            errors.Add(nameof(command.Standstill), $"Score every answer of {unscored.ProviderName}'s response first");
        }
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var winner = ranking[0];
        competition.Status = MiniCompetitionStatus.Awarded;
        competition.WinnerResponseId = winner.ResponseId;
        competition.AwardedAt = window.Now;
        competition.AwardedByName = actor.Name;
        competition.Standstill = command.Standstill!.Value;
        competition.StandstillReason = command.StandstillReason!.Trim();
        string standstill;
        if (competition.Standstill == CallOffStandstill.None)
        {
            standstill = "no standstill; the call-off contract is made now";
            await MiniCompetitionCallOff.MakeAsync(db, audit, competition, window.Now, ct);
        }
        else
        {
            var calendar = new WorkingCalendar(await db.TenantNonWorkingDays.AsNoTracking().Select(d => d.Day).ToListAsync(ct));
            var end = MiniCompetitionScoring.StandstillEnd(window.Now, calendar);
            competition.StandstillLastDay = end.LastDay;
            competition.StandstillEndsAt = end.EndsAtUtc;
            standstill = $"{competition.Standstill.Value.ToString().ToLowerInvariant()} standstill to the end of {end.LastDay:yyyy-MM-dd}";
        }
        await TellAsync(competition, ranking, ct);
        audit.Record("minicomp.awarded", nameof(MiniCompetition), competition.Id,
            $"{competition.Reference}: awarded to {winner.ProviderName} (total {winner.Total:0.00} of {ranking.Count} responses), " +
            $"{Money.Format(winner.WeeklyPrice)} a week; {standstill} because: {competition.StandstillReason}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (competition.StandstillEndsAt is { } endsAt)
        {
            MiniCompetitionCallOffJob.ScheduleFor(jobs, competition.TenantId, competition.Id, endsAt);
        }
        return Outcome<MiniCompetition>.Ok(competition);
    }

    /// <summary>Each responder's assessment summary: its own scores beside the successful response's, with the standstill.</summary>
    private async Task TellAsync(MiniCompetition c, IReadOnlyList<CompetitionResponseRow> ranking, CancellationToken ct)
    {
        var providers = await db.MiniCompetitionResponses.AsNoTracking().Where(r => r.MiniCompetitionId == c.Id)
            .Select(r => new { r.Id, r.ProviderId }).ToDictionaryAsync(r => r.Id, r => r.ProviderId, ct);
        var byProvider = ranking.ToDictionary(r => providers[r.ResponseId]);
        var winner = ranking[0];
        var baseUrl = configuration["Portal:BaseUrl"]?.TrimEnd('/');
        var standstill = c.Standstill == CallOffStandstill.None
            ? $"No standstill applies ({c.StandstillReason}): the call-off contract is made now."
            : $"A {c.Standstill!.Value.ToString().ToLowerInvariant()} standstill applies ({c.StandstillReason}): the call-off contract is made after the end of {c.StandstillLastDay:d MMMM yyyy}.";
        await Framework.MemberEmails.EnqueueAsync(db, outbox, byProvider.Keys, "mini-competition-outcome", providerId =>
        {
            var response = byProvider[providerId];
            var won = response.ResponseId == winner.ResponseId;
            return new
            {
                TenantName = tenant.TenantName,
                c.Reference,
                c.Title,
                c.LotName,
                Won = won,
                Position = response.Position,
                Responses = ranking.Count,
                WinnerName = winner.ProviderName,
                Lines = AssessmentSummary(c, response, winner),
                Standstill = standstill,
                Link = $"{baseUrl}/{tenant.Slug}/mini-competitions/{c.Id}/response?providerId={providerId}",
            };
        }, ct);
    }

    /// <summary>PA 2023 s.50: the response's own scores (with the reasons) beside the successful response's.</summary>
    private static List<string> AssessmentSummary(MiniCompetition c, CompetitionResponseRow response, CompetitionResponseRow winner)
    {
        var won = response.ResponseId == winner.ResponseId;
        var lines = c.Questions.Select(q =>
        {
            var mine = response.Scores.Single(s => s.Number == q.Number);
            var theirs = winner.Scores.Single(s => s.Number == q.Number);
            return won
                ? $"Question {q.Number} (weight {q.Weight:0.##}): {mine.Score} of 5. {mine.Justification}"
                : $"Question {q.Number} (weight {q.Weight:0.##}): yours {mine.Score} of 5, the successful response {theirs.Score} of 5. Why yours scored {mine.Score}: {mine.Justification}";
        }).ToList();
        lines.Add(won
            ? $"Quality points {response.QualityPoints:0.00}, price points {response.PricePoints:0.00}, total {response.Total:0.00}."
            : $"Quality points: yours {response.QualityPoints:0.00}, the successful response {winner.QualityPoints:0.00}. " +
              $"Price points: yours {response.PricePoints:0.00}, the successful response {winner.PricePoints:0.00}. " +
              $"Total: yours {response.Total:0.00}, the successful response {winner.Total:0.00}.");
        return lines;
    }
}

/// <summary>The call-off contract a mini-competition makes, under the lot's framework agreement (ADR 026's call-off shape).</summary>
public static class MiniCompetitionCallOff
{
    public static async Task MakeAsync(PortalDbContext db, AuditLog audit, MiniCompetition c, DateTime now, CancellationToken ct)
    {
        var winner = await db.MiniCompetitionResponses.AsNoTracking().SingleAsync(r => r.Id == c.WinnerResponseId, ct);
        var today = Standstill.LondonDay(now);
        var startsOn = c.StartsOn > today ? c.StartsOn : today;
        var value = CallOffValue.OfWeekly(MiniCompetitionScoring.WeeklyPrice(c.Bands, winner.Rates), startsOn, c.EndsOn);
        var contract = db.Contracts.Add(new Core.Domain.Award.Contract
        {
            ProcurementId = c.ProcurementId,
            FrameworkAgreementId = c.FrameworkAgreementId,
            // The lot is the framework agreement's; the lot and provider pair stays unique to the framework contract itself.
            LotId = null,
            ProviderId = winner.ProviderId,
            Reference = $"{c.Reference}-CO",
            Title = $"Call-off {c.Reference}: {c.Title}",
            ProviderName = winner.ProviderName,
            LotName = c.LotName,
            StartsOn = startsOn,
            EndsOn = c.EndsOn,
            Value = value.OverTerm,
            AnnualValue = value.Annual,
            Rates = c.Bands.Select(b => new Core.Domain.Award.AgreedRate(b.Code, b.Name, "Hour", winner.Rates.Single(r => r.Code == b.Code).Rate)).ToList(),
            // What the spend page counts: the hours and weekly value of the whole call-off, and its band when it has one
            // (a call-off over several bands counts in its lot's totals, not in one band's row).
            CallOffBandCode = c.Bands.Count == 1 ? c.Bands[0].Code : null,
            HoursPerWeek = c.HoursPerWeek,
            WeeklyValue = value.Weekly,
            OwnerUserId = c.StartedByUserId,
            CreatedAt = now,
        }).Entity;
        c.Status = MiniCompetitionStatus.CalledOff;
        c.CallOffContractId = contract.Id;
        c.CalledOffAt = now;
        audit.Record("minicomp.called_off", nameof(MiniCompetition), c.Id,
            $"{c.Reference}: call-off {contract.Reference} with {winner.ProviderName}, {Money.Format(value.Weekly)} a week, {Money.Format(value.Annual)} a year, " +
            $"{Money.Format(value.OverTerm)} from {startsOn:yyyy-MM-dd} to {c.EndsOn:yyyy-MM-dd}");
    }
}
