using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Bids;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.MiniCompetitions;

public sealed record BandRateInput(string? BandCode, decimal? Rate);

public sealed record RespondToMiniCompetitionCommand
{
    /// <summary>The provider organisation the person acts for, when they act for several.</summary>
    public Guid? ProviderId { get; init; }
    /// <summary>An hourly rate for every band involved, each no higher than your framework rate for that band.</summary>
    public List<BandRateInput>? Rates { get; init; }
    /// <summary>An answer to every question, in the questions' order.</summary>
    public List<string?>? Answers { get; init; }
}

/// <summary>A response's outcome: saved (first time or revised), or refused as late with both times.</summary>
public sealed record CompetitionResponseOutcome(MiniCompetitionResponse? Response, decimal WeeklyPrice, LateBid? Late);

/// <summary>
/// A member responds to a mini-competition, or revises its response, until the deadline: a rate per band involved, each
/// no higher than its framework rate for that band (else refused naming the band and the ceiling, nothing saved), and
/// an answer to each question. Judged by the database clock at the start of the transaction, under a share lock on the
/// competition (ADR 021); at or after the deadline it is refused with both times. Only an active member may respond
/// (anyone else: 404). The audit event names no provider: responses are sealed until the deadline.
/// </summary>
public sealed class RespondToMiniCompetitionHandler(PortalDbContext db, MiniCompetitionAccess access, AuditLog audit, IActor actor)
{
    public const int MaxAnswer = 2000;

    public async Task<Outcome<CompetitionResponseOutcome>> HandleAsync(Guid competitionId, RespondToMiniCompetitionCommand command, CancellationToken ct)
    {
        if (await access.OpenAsync(competitionId, command.ProviderId, ct) is not { } opened || opened.Member.Status != MemberStatus.Active)
        {
            return Outcome<CompetitionResponseOutcome>.NotFound();
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var window = await CompetitionWindow.EnterAsync(db, competitionId, forUpdate: false, ct);
        if (window.Late() is { } late)
        {
            return Outcome<CompetitionResponseOutcome>.Ok(new CompetitionResponseOutcome(null, 0m, late));
        }
        var competition = opened.Competition;
        var errors = new Errors();
        var rates = new List<BandRate>();
        foreach (var (band, i) in competition.Bands.Select((b, i) => (b, i)))
        {
            var field = $"Rates[{i}]";
            var rate = command.Rates?.FirstOrDefault(r => r.BandCode?.Trim() == band.Code)?.Rate;
            var ceiling = opened.FrameworkRates.FirstOrDefault(r => r.BandCode == band.Code)?.Rate;
            if (ceiling is null)
            {
                errors.Add(field, $"Your organisation has no framework rate for {band.Code} {band.Name}, so it cannot respond");
            }
            else if (rate is not > 0)
            {
                errors.Add(field, $"Enter your hourly rate for {band.Code} {band.Name}, more than £0");
            }
            else if (decimal.Round(rate.Value, 2) != rate.Value)
            {
                errors.Add(field, $"Enter your rate for {band.Code} {band.Name} in pounds and pence");
            }
            else if (rate > ceiling)
            {
                errors.Add(field, $"Your rate for {band.Code} {band.Name} must be no higher than your framework rate for that band, {Money.Format(ceiling.Value)} an hour");
            }
            else
            {
                rates.Add(new BandRate(band.Code, rate.Value));
            }
        }
        var answers = new List<CompetitionAnswer>();
        foreach (var question in competition.Questions)
        {
            var text = command.Answers?.ElementAtOrDefault(question.Number - 1);
            errors.RequireText(text, $"Answers[{question.Number - 1}]", $"your answer to question {question.Number}", MaxAnswer);
            answers.Add(new CompetitionAnswer(question.Number, text?.Trim() ?? ""));
        }
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var response = opened.Response is { } earlier ? db.MiniCompetitionResponses.Attach(earlier).Entity : null;
        if (response is null)
        {
            response = db.MiniCompetitionResponses.Add(new MiniCompetitionResponse
            {
                MiniCompetitionId = competitionId,
                MemberId = opened.Member.Id,
                ProviderName = opened.Member.ProviderName,
                RespondedByName = actor.Name,
            }).Entity;
        }
        else
        {
            response.Revision++;
            response.RespondedByName = actor.Name;
        }
        response.Rates = rates;
        response.Answers = answers;
        response.ReceivedAt = window.Now;
        audit.RecordWithoutActor("a provider", "minicomp.response_received", nameof(MiniCompetition), competitionId,
            $"{competition.Reference}: a response was {(response.Revision > 1 ? "revised" : "received")}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<CompetitionResponseOutcome>.Ok(new CompetitionResponseOutcome(response, MiniCompetitionScoring.WeeklyPrice(competition.Bands, rates), null));
    }
}
