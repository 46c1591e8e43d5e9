using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Addenda;

public sealed record WriteAddendumCommand
{
    public string? Title { get; init; }
    public string? Text { get; init; }
    /// <summary>A later submission deadline for every bidder alike; leave out to keep the current one.</summary>
    public DateTimeOffset? SubmissionDeadline { get; init; }
    /// <summary>A later deadline for clarification questions; leave out to keep the current one.</summary>
    public DateTimeOffset? ClarificationDeadline { get; init; }

    public Errors Validate() => new Errors()
        .Require(!string.IsNullOrWhiteSpace(Title), nameof(Title), "Enter a title for the addendum")
        .Require((Title?.Length ?? 0) <= 200, nameof(Title), "The title must be 200 characters or fewer")
        .Require(!string.IsNullOrWhiteSpace(Text), nameof(Text), "Enter what the addendum changes or explains")
        .Require((Text?.Length ?? 0) <= 20000, nameof(Text), "The text must be 20,000 characters or fewer");
}

public sealed record AddendumResponse(
    Guid Id, int Number, string Title, string Text, DateTimeOffset? NewSubmissionDeadline, DateTimeOffset? NewClarificationDeadline,
    DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt)
{
    public static AddendumResponse From(Addendum a) => new(a.Id, a.Number, a.Title, a.Text,
        ProcurementResponse.Utc(a.NewSubmissionDeadline), ProcurementResponse.Utc(a.NewClarificationDeadline),
        ProcurementResponse.Utc(a.CreatedAt)!.Value, ProcurementResponse.Utc(a.PublishedAt));
}

/// <summary>
/// The rules an addendum meets when written and again when published (time passes between): the tender is open;
/// a new deadline is in the future and later than the one it replaces; questions close before submissions do.
/// </summary>
public static class AddendumRules
{
    public static Errors Check(Procurement p, DateTime? submission, DateTime? clarification, DateTime now, Errors errors)
    {
        if (p.State != ProcurementState.TenderOpen)
        {
            return errors.Add("State", $"An addendum can be published only while the tender is open; this procurement is {ProcurementLifecycle.Describe(p.State)}");
        }
        if (submission is { } s)
        {
            errors.Require(s > now, nameof(WriteAddendumCommand.SubmissionDeadline), "The new submission deadline must be in the future");
            errors.Require(p.SubmissionDeadline is not { } current || s > current, nameof(WriteAddendumCommand.SubmissionDeadline),
                $"The new submission deadline must be later than the current one, {UkTime.FormatDeadline(p.SubmissionDeadline ?? now)}");
        }
        if (clarification is { } c)
        {
            errors.Require(c > now, nameof(WriteAddendumCommand.ClarificationDeadline), "The new clarification deadline must be in the future");
            errors.Require(p.ClarificationDeadline is not { } current || c > current, nameof(WriteAddendumCommand.ClarificationDeadline),
                $"The new clarification deadline must be later than the current one, {UkTime.FormatDeadline(p.ClarificationDeadline ?? now)}");
            errors.Require((submission ?? p.SubmissionDeadline) is not { } closes || c < closes, nameof(WriteAddendumCommand.ClarificationDeadline),
                "The clarification deadline must be before the submission deadline");
        }
        return errors;
    }
}

/// <summary>An officer writes an addendum to an open tender as a draft; documents may then be added to it before it is published.</summary>
public sealed class WriteAddendumHandler(PortalDbContext db, AuditLog audit, IActor actor)
{
    public async Task<Outcome<Addendum>> HandleAsync(Guid procurementId, WriteAddendumCommand command, CancellationToken ct)
    {
        var procurement = await db.Procurements.SingleOrDefaultAsync(p => p.Id == procurementId, ct);
        if (procurement is null)
        {
            return Outcome<Addendum>.NotFound();
        }
        var now = await db.DatabaseNowAsync(ct);
        var errors = AddendumRules.Check(procurement, command.SubmissionDeadline?.UtcDateTime, command.ClarificationDeadline?.UtcDateTime, now, command.Validate());
        if (!errors.IsEmpty)
        {
            return errors;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockForTransactionAsync($"addendum-number:{procurement.Id}", ct);
        var addendum = new Addendum
        {
            ProcurementId = procurement.Id,
            Number = await db.Addenda.Where(a => a.ProcurementId == procurement.Id).Select(a => a.Number).DefaultIfEmpty().MaxAsync(ct) + 1,
            Title = command.Title!.Trim(),
            Text = command.Text!.Trim(),
            NewSubmissionDeadline = command.SubmissionDeadline?.UtcDateTime,
            NewClarificationDeadline = command.ClarificationDeadline?.UtcDateTime,
            CreatedAt = now,
            CreatedByUserId = actor.UserId,
        };
        db.Addenda.Add(addendum);
        audit.Record("addendum.drafted", nameof(Addendum), addendum.Id, $"{procurement.Reference} addendum {addendum.Number}: {addendum.Title}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<Addendum>.Ok(addendum);
    }
}
