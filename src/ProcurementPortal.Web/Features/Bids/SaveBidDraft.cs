using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Bids;

/// <summary>
/// Saves part or all of a provider's draft: the parts given replace or change what is there, parts left out stay.
/// Several people of one provider edit the same draft: the row version they read must still be the draft's, else
/// nothing is saved and they are told someone else saved first (their text is kept by the page or the client).
/// </summary>
public sealed record SaveBidDraftCommand
{
    /// <summary>The draft's row version as read (GET .../bid); required.</summary>
    public uint? RowVersion { get; init; }
    /// <summary>The lots bid for (replaces the choice).</summary>
    public List<Guid>? LotIds { get; init; }
    /// <summary>Answers by question id; a blank answer clears it.</summary>
    public Dictionary<Guid, string?>? Answers { get; init; }
    /// <summary>Rates in pounds by fee band id; null clears the rate.</summary>
    public Dictionary<Guid, decimal?>? Rates { get; init; }
    /// <summary>The declarations (replace all four).</summary>
    public BidDeclarations? Declarations { get; init; }

    public const int MaxAnswerLength = 100_000;

    public Errors Validate(Procurement procurement, BidContent current)
    {
        var errors = new Errors().Require(RowVersion is not null, nameof(RowVersion), "Give the row version of the draft you read");
        var lotIds = LotIds ?? current.LotIds;
        if (LotIds is not null)
        {
            errors.Require(LotIds.Count > 0, nameof(LotIds), "Select at least one lot")
                .Require(LotIds.All(id => procurement.Lots.Any(l => l.Id == id)), nameof(LotIds), "Select lots of this tender");
        }
        var applicable = BidRules.ApplicableQuestions(procurement, lotIds).ToDictionary(x => x.Question.Id);
        foreach (var (questionId, answer) in Answers ?? [])
        {
            var field = $"{nameof(Answers)}[{questionId}]";
            if (!applicable.TryGetValue(questionId, out var question))
            {
                errors.Add(field, "This question does not apply to the lots you chose");
            }
            else if ((answer?.Length ?? 0) > MaxAnswerLength)
            {
                errors.Add(field, $"Your answer to question {BidRules.QuestionLabel(question.Section, question.Question)} must be {MaxAnswerLength:N0} characters or fewer");
            }
            else if (BidRules.AnswerProblem(question.Section, question.Question, answer) is { } problem)
            {
                errors.Add(field, problem);
            }
        }
        var bands = BidRules.ChosenLots(procurement, lotIds).SelectMany(l => l.Bands.Select(b => (Lot: l, Band: b))).ToDictionary(x => x.Band.Id);
        foreach (var (bandId, rate) in Rates ?? [])
        {
            var field = $"{nameof(Rates)}[{bandId}]";
            if (!bands.TryGetValue(bandId, out var band))
            {
                errors.Add(field, "Price only the bands of the lots you chose");
            }
            else if (rate is { } r && BidRules.RateProblem(procurement, band.Lot, band.Band, r) is { } problem)
            {
                errors.Add(field, problem);
            }
        }
        if (Declarations is { } d)
        {
            const string prefix = nameof(Declarations) + ".";
            errors.Require(string.IsNullOrWhiteSpace(d.CqcRegistrationNumber) || BidRules.IsCqcRegistrationNumber(d.CqcRegistrationNumber.Trim()),
                    prefix + nameof(d.CqcRegistrationNumber), "Enter a CQC registration number like 1-101234567")
                .Require(d.EmployersLiabilityCover is null or >= 0, prefix + nameof(d.EmployersLiabilityCover), "Employer's liability cover must be £0 or more")
                .Require(d.PublicLiabilityCover is null or >= 0, prefix + nameof(d.PublicLiabilityCover), "Public liability cover must be £0 or more")
                .Require((d.ConflictsOfInterest?.Length ?? 0) <= 4000, prefix + nameof(d.ConflictsOfInterest), "Conflicts of interest must be 4,000 characters or fewer");
        }
        return errors;
    }

    public void ApplyTo(BidContent content)
    {
        if (LotIds is not null)
        {
            content.LotIds = LotIds.Distinct().ToList();
        }
        foreach (var (questionId, answer) in Answers ?? [])
        {
            if (string.IsNullOrWhiteSpace(answer))
            {
                content.Answers.Remove(questionId);
            }
            else
            {
                content.Answers[questionId] = answer;
            }
        }
        foreach (var (bandId, rate) in Rates ?? [])
        {
            if (rate is { } r)
            {
                content.Rates[bandId] = r;
            }
            else
            {
                content.Rates.Remove(bandId);
            }
        }
        if (Declarations is { } d)
        {
            content.Declarations = new BidDeclarations
            {
                CqcRegistrationNumber = Blank(d.CqcRegistrationNumber),
                EmployersLiabilityCover = d.EmployersLiabilityCover,
                PublicLiabilityCover = d.PublicLiabilityCover,
                ConflictsOfInterest = Blank(d.ConflictsOfInterest),
            };
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The draft as saved, or <see cref="Conflict"/> when someone else saved first (then nothing was saved).</summary>
public sealed record DraftSaved(BidView Bid, bool Conflict);

public sealed class SaveBidDraft(PortalDbContext db, BidWorkspace workspace, BidProtector protector, AuditLog audit, IActor actor)
{
    public async Task<Outcome<DraftSaved>> HandleAsync(Guid procurementId, Guid? providerId, SaveBidDraftCommand command, CancellationToken ct)
    {
        var scope = await workspace.OpenAsync(procurementId, providerId, ct);
        if (scope?.Bid is not { } bid)
        {
            return Outcome<DraftSaved>.NotFound();
        }
        var errors = command.Validate(scope.Procurement, scope.Content)
            .Require(scope.IsOpen, "Bid", "The tender is no longer open: the bid cannot be changed");
        if (!errors.IsEmpty)
        {
            return errors;
        }
        if (command.RowVersion != bid.RowVersion)
        {
            return Outcome<DraftSaved>.Ok(new DraftSaved(BidViews.From(scope, await workspace.VersionsAsync(bid.Id, ct)), true));
        }
        command.ApplyTo(scope.Content);
        bid.DraftContent = protector.ProtectDraft(procurementId, scope.Content);
        bid.DraftSavedAt = await db.DatabaseNowAsync(ct);
        bid.DraftSavedByUserId = actor.UserId!.Value;
        db.Entry(bid).Property(b => b.RowVersion).OriginalValue = command.RowVersion.Value;
        audit.RecordWithoutActor(StartBid.SealedActor, "bid.draft_saved", nameof(Bid), bid.Id, scope.Procurement.Reference);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: nothing of ours was written; show theirs.
            db.ChangeTracker.Clear();
            var theirs = await workspace.OpenAsync(procurementId, scope.Provider.Id, ct);
            return Outcome<DraftSaved>.Ok(new DraftSaved(BidViews.From(theirs!, await workspace.VersionsAsync(bid.Id, ct)), true));
        }
        return Outcome<DraftSaved>.Ok(new DraftSaved(BidViews.From(scope, await workspace.VersionsAsync(bid.Id, ct)), false));
    }
}
