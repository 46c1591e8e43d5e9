using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Bids;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.MiniCompetitions;

/// <summary>A need band the call-off involves: a band with no hours is not involved.</summary>
public sealed record BandHoursInput(string? BandCode, decimal? HoursPerWeek);

/// <summary>A quality question and its weight; a row with neither is ignored.</summary>
public sealed record QuestionInput(string? Text, decimal? Weight);

public sealed record StartMiniCompetitionCommand
{
    public Guid? LotId { get; init; }
    public string? Title { get; init; }
    /// <summary>What the call-off is for, in short.</summary>
    public string? Requirements { get; init; }
    /// <summary>The need bands involved with the hours a week of each (bands without hours are not involved).</summary>
    public List<BandHoursInput>? Bands { get; init; }
    public DateOnly? StartsOn { get; init; }
    /// <summary>The deadline for responses: in the future by the database clock, and within <see cref="MaxDays"/> days.</summary>
    public DateTimeOffset? ClosesAt { get; init; }
    /// <summary>One to five quality questions, each with a weight (more than 0).</summary>
    public List<QuestionInput>? Questions { get; init; }

    public const int MaxQuestions = 5;
    public const int MaxDays = 30;

    public IEnumerable<(int Index, BandHoursInput Band)> InvolvedBands() =>
        (Bands ?? []).Select((b, i) => (i, b)).Where(x => x.b.HoursPerWeek is not null);

    public IEnumerable<(int Index, QuestionInput Question)> AskedQuestions() =>
        (Questions ?? []).Select((q, i) => (i, q)).Where(x => !string.IsNullOrWhiteSpace(x.q.Text) || x.q.Weight is not null);

    public Errors Validate()
    {
        var errors = new Errors()
            .Require(LotId is not null, nameof(LotId), "Choose the lot")
            .RequireText(Title, nameof(Title), "a title", 200)
            .RequireText(Requirements, nameof(Requirements), "the requirement", 2000)
            .Require(StartsOn is not null, nameof(StartsOn), "Enter the start date")
            .Require(ClosesAt is not null, nameof(ClosesAt), "Enter the deadline for responses");
        var bands = InvolvedBands().ToList();
        errors.Require(bands.Count > 0, nameof(Bands), "Give the hours a week for at least one need band");
        foreach (var (i, band) in bands)
        {
            errors.Require(band.HoursPerWeek is > 0 and <= 168, $"Bands[{i}].HoursPerWeek", "Enter the hours a week, more than 0 and no more than 168");
        }
        errors.Require(bands.Select(b => b.Band.BandCode?.Trim()).Distinct().Count() == bands.Count, nameof(Bands), "Name each need band once");
        errors.Require(bands.Sum(b => b.Band.HoursPerWeek ?? 0) <= 168, nameof(Bands), "The hours a week add up to more than 168");
        var questions = AskedQuestions().ToList();
        errors.Require(questions.Count is >= 1 and <= MaxQuestions, nameof(Questions), $"Ask from 1 to {MaxQuestions} quality questions");
        foreach (var (i, question) in questions)
        {
            errors.RequireText(question.Text, $"Questions[{i}].Text", "the question", 500)
                .Require(question.Weight is > 0 and <= 100, $"Questions[{i}].Weight", "Enter the question's weight, more than 0 and no more than 100");
        }
        return errors;
    }
}

/// <summary>
/// An officer starts a mini-competition on a lot of an awarded framework: the requirement, the quality questions and a
/// deadline; the price and quality weights are the framework tender's. Every active member of the lot is invited by
/// email (suspended members are not) and sees it on its dashboard.
/// </summary>
public sealed class StartMiniCompetitionHandler(PortalDbContext db, AuditLog audit, EmailOutbox outbox, IActor actor, ITenantContext tenant, IConfiguration configuration)
{
    public async Task<Outcome<MiniCompetition>> HandleAsync(Guid procurementId, StartMiniCompetitionCommand command, CancellationToken ct)
    {
        var procurement = await db.Procurements.AsNoTracking().Where(p => p.Id == procurementId)
            .Select(p => new { p.Reference, p.PriceWeight, p.PriceFormula }).SingleOrDefaultAsync(ct);
        if (procurement is null || !await db.FrameworkAgreements.AnyAsync(f => f.ProcurementId == procurementId, ct))
        {
            return Outcome<MiniCompetition>.NotFound();
        }
        var errors = command.Validate();
        // The bands are checked below, against the lot: the lot, start date and clock are read as a package request's are.
        if (await Framework.LotNeed.ReadAsync(db, procurementId, command.LotId, null, command.StartsOn, errors, ct) is not { } need)
        {
            return errors;
        }
        var (agreement, lot, _, now) = need;
        var bands = new List<CompetitionBand>();
        foreach (var (i, input) in command.InvolvedBands())
        {
            if (lot.Bands.FirstOrDefault(b => b.Code == input.BandCode?.Trim()) is { } band)
            {
                bands.Add(new CompetitionBand(band.Code, band.Name, input.HoursPerWeek!.Value));
            }
            else
            {
                errors.Add($"Bands[{i}].BandCode", "Choose a need band of this lot");
            }
        }
        var closesAt = command.ClosesAt!.Value.UtcDateTime;
        errors.Require(closesAt > now, nameof(command.ClosesAt), "The deadline must be in the future")
            .Require(closesAt <= now.AddDays(StartMiniCompetitionCommand.MaxDays), nameof(command.ClosesAt),
                $"The deadline must be within {StartMiniCompetitionCommand.MaxDays} days: a mini-competition is short");
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var members = await db.FrameworkMembers.AsNoTracking()
            .Where(m => m.FrameworkAgreementId == agreement.Id && m.Status == MemberStatus.Active)
            .Select(m => m.ProviderId).ToListAsync(ct);
        var count = await db.MiniCompetitions.CountAsync(c => c.ProcurementId == procurementId, ct);
        var competition = new MiniCompetition
        {
            Reference = $"{procurement.Reference}-L{lot.Number}-MC{count + 1:000}",
            ProcurementId = procurementId,
            FrameworkAgreementId = agreement.Id,
            LotId = lot.Id,
            LotName = $"Lot {lot.Number} {lot.Name}",
            Title = command.Title!.Trim(),
            Requirements = command.Requirements!.Trim(),
            Bands = bands,
            Questions = command.AskedQuestions().Select((q, n) => new CompetitionQuestion(n + 1, q.Question.Text!.Trim(), q.Question.Weight!.Value)).ToList(),
            StartsOn = command.StartsOn!.Value,
            EndsOn = agreement.EndsOn,
            PriceWeight = procurement.PriceWeight,
            PriceFormula = procurement.PriceFormula,
            StartedAt = now,
            ClosesAt = closesAt,
            MembersInvited = members.Count,
            StartedByUserId = actor.UserId ?? throw new InvalidOperationException("Only a signed-in officer starts a mini-competition."),
            StartedByName = actor.Name,
        };
        db.MiniCompetitions.Add(competition);
        var baseUrl = configuration["Portal:BaseUrl"]?.TrimEnd('/');
        await Framework.MemberEmails.EnqueueAsync(db, outbox, members, "mini-competition-invitation", providerId => new
        {
            TenantName = tenant.TenantName,
            competition.Reference,
            competition.Title,
            competition.LotName,
            Bands = competition.Bands.Select(b => $"{b.Code} {b.Name}: {b.HoursPerWeek:0.##} hours a week").ToList(),
            StartsOn = competition.StartsOn.ToString("d MMMM yyyy"),
            ClosesAt = BidViews.FormatToSecond(competition.ClosesAt),
            Link = $"{baseUrl}/{tenant.Slug}/mini-competitions/{competition.Id}/response?providerId={providerId}",
        }, ct);
        audit.Record("minicomp.started", nameof(MiniCompetition), competition.Id,
            $"{competition.Reference}: {competition.LotName}, \"{competition.Title}\", {string.Join(", ", bands.Select(b => $"{b.Code} {b.HoursPerWeek:0.##}h"))} a week " +
            $"from {competition.StartsOn:yyyy-MM-dd}; {competition.Questions.Count} questions; price {competition.PriceWeight:0.##}%; {members.Count} members invited; " +
            $"closes {competition.ClosesAt:yyyy-MM-dd HH:mm:ss} UTC");
        await db.SaveChangesAsync(ct);
        return Outcome<MiniCompetition>.Ok(competition);
    }
}
