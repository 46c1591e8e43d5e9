using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.MiniCompetitions;

public sealed record ScoreInput(int? Score, string? Justification);

/// <summary>Who was scored, and the scores.</summary>
public sealed record ResponseScored(string ProviderName, ResponseScores Scores);

public sealed record ScoreMiniCompetitionResponseCommand
{
    /// <summary>A score (0 to 5) and its justification for every question, in the questions' order.</summary>
    public List<ScoreInput>? Scores { get; init; }
}

/// <summary>
/// An officer scores one response's answers, 0 to 5 each with a justification, once the deadline has passed (by the
/// database clock) and before the award; scoring again replaces the scores. The scores are kept on the competition row,
/// taken for update (officers never write a provider's response).
/// </summary>
public sealed class ScoreMiniCompetitionResponseHandler(PortalDbContext db, AuditLog audit, IActor actor)
{
    public const int MaxJustification = 2000;

    public async Task<Outcome<ResponseScored>> HandleAsync(Guid competitionId, Guid responseId, ScoreMiniCompetitionResponseCommand command, CancellationToken ct)
    {
        if (!await db.MiniCompetitionResponses.AnyAsync(r => r.Id == responseId && r.MiniCompetitionId == competitionId, ct))
        {
            return Outcome<ResponseScored>.NotFound();
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var window = await CompetitionWindow.EnterAsync(db, competitionId, forUpdate: true, ct);
        var errors = new Errors()
            .Require(window.IsClosed, nameof(command.Scores), $"Responses are sealed until the deadline, {Bids.BidViews.FormatToSecond(window.ClosesAt)}")
            .Require(window.Status == MiniCompetitionStatus.Open, nameof(command.Scores), "This mini-competition is awarded: its scores are final");
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var competition = await db.MiniCompetitions.SingleAsync(c => c.Id == competitionId, ct);
        var scores = new List<AnswerScore>();
        foreach (var question in competition.Questions)
        {
            var i = question.Number - 1;
            var input = command.Scores?.ElementAtOrDefault(i);
            errors.Require(input?.Score is >= 0 and <= Scoring.MaxQuestionScore, $"Scores[{i}].Score", $"Choose a score from 0 to 5 for question {question.Number}")
                .RequireText(input?.Justification, $"Scores[{i}].Justification", $"why question {question.Number} scores what it does", MaxJustification);
            if (input?.Score is { } score && !string.IsNullOrWhiteSpace(input.Justification))
            {
                scores.Add(new AnswerScore(question.Number, score, input.Justification.Trim()));
            }
        }
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var provider = await db.MiniCompetitionResponses.AsNoTracking().Where(r => r.Id == responseId).Select(r => r.ProviderName).SingleAsync(ct);
        var scored = new ResponseScores(responseId, scores, window.Now, actor.Name);
        competition.Scores = [.. competition.Scores.Where(s => s.ResponseId != responseId), scored];
        audit.Record("minicomp.response_scored", nameof(MiniCompetition), competitionId,
            $"{competition.Reference}: {provider} scored {string.Join(", ", scores.Select(s => $"Q{s.Number} {s.Score}"))}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<ResponseScored>.Ok(new ResponseScored(provider, scored));
    }
}
