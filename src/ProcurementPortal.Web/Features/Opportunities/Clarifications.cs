using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Notices;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Opportunities;

public sealed record RegisterInterestCommand
{
    /// <summary>The provider organisation; may be left out when the user belongs to one provider only.</summary>
    public Guid? ProviderId { get; init; }
}

public sealed record AskClarificationCommand
{
    public Guid? ProviderId { get; init; }
    public string? Question { get; init; }

    public Errors Validate() => new Errors()
        .Require(!string.IsNullOrWhiteSpace(Question), nameof(Question), "Enter your question")
        .Require((Question?.Length ?? 0) <= 4000, nameof(Question), "Your question must be 4,000 characters or fewer");
}

public sealed record AnswerClarificationCommand
{
    public string? Answer { get; init; }
    /// <summary>The question as every provider will read it; leave out to publish the asker's wording.</summary>
    public string? PublishedQuestion { get; init; }

    public Errors Validate() => new Errors()
        .Require(!string.IsNullOrWhiteSpace(Answer), nameof(Answer), "Enter the answer")
        .Require((Answer?.Length ?? 0) <= 8000, nameof(Answer), "The answer must be 8,000 characters or fewer")
        .Require((PublishedQuestion?.Length ?? 0) <= 4000, nameof(PublishedQuestion), "The question must be 4,000 characters or fewer");
}

/// <summary>A notice an officer publishes of their own accord: a question or subject and its answer, with no asker.</summary>
public sealed record OfficerNoticeCommand
{
    public string? Question { get; init; }
    public string? Answer { get; init; }

    public Errors Validate() => new Errors()
        .Require(!string.IsNullOrWhiteSpace(Question), nameof(Question), "Enter the question or subject")
        .Require((Question?.Length ?? 0) <= 4000, nameof(Question), "The question or subject must be 4,000 characters or fewer")
        .Require(!string.IsNullOrWhiteSpace(Answer), nameof(Answer), "Enter the answer")
        .Require((Answer?.Length ?? 0) <= 8000, nameof(Answer), "The answer must be 8,000 characters or fewer");
}

/// <summary>What a provider sees: its own questions, and every published answer without anyone's name.</summary>
public sealed record ProviderClarification(int Number, string Question, string? Answer, DateTimeOffset? PublishedAt, bool AskedByYou);

/// <summary>What an officer sees: every question with the organisation that asked it.</summary>
public sealed record OfficerClarification(Guid Id, int Number, string AskedBy, string Question, DateTimeOffset AskedAt, string? PublishedQuestion, string? Answer, DateTimeOffset? PublishedAt);

/// <summary>
/// Clarifications (issue: tender building, item 9): providers register interest and ask privately before the
/// clarification deadline (judged by the database clock); an officer answers and publishes the answer, which is
/// emailed once to every interested provider and never carries the asker's name.
/// </summary>
public sealed class ClarificationsHandler(PortalDbContext db, ITenantContext tenant, AuditLog audit, EmailOutbox outbox, IActor actor, ProviderSide providers)
{
    /// <summary>States in which a tender has been published (stored as text, so listed rather than compared).</summary>
    internal static readonly ProcurementState[] Published = Enum.GetValues<ProcurementState>()
        .Where(s => s >= ProcurementState.TenderOpen && s != ProcurementState.Cancelled).ToArray();

    /// <summary>Providers see only tenders that have been published; anything else is not found.</summary>
    private Task<Procurement?> OpenToProvidersAsync(Guid id, CancellationToken ct) =>
        db.Procurements.SingleOrDefaultAsync(p => p.Id == id && Published.Contains(p.State), ct);

    public async Task<Outcome<ProcurementInterest>> RegisterInterestAsync(Guid procurementId, Guid? providerId, CancellationToken ct)
    {
        var (procurement, provider) = await ProviderAndProcurementAsync(procurementId, providerId, ct);
        if (procurement is null || provider is null)
        {
            return Outcome<ProcurementInterest>.NotFound();
        }
        var interest = await EnsureInterestAsync(procurement, provider, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<ProcurementInterest>.Ok(interest);
    }

    public async Task<Outcome<Clarification>> AskAsync(Guid procurementId, AskClarificationCommand command, CancellationToken ct)
    {
        var (procurement, provider) = await ProviderAndProcurementAsync(procurementId, command.ProviderId, ct);
        if (procurement is null || provider is null)
        {
            return Outcome<Clarification>.NotFound();
        }
        var errors = command.Validate();
        var now = await db.DatabaseNowAsync(ct);
        if (procurement.ClarificationDeadline is { } deadline && now >= deadline)
        {
            errors.Add(nameof(command.Question), $"The deadline for questions passed at {UkTime.Format(deadline)}");
        }
        if (procurement.State != ProcurementState.TenderOpen)
        {
            errors.Add(nameof(command.Question), "Questions can be asked only while the tender is open");
        }
        if (!errors.IsEmpty)
        {
            return errors;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockForTransactionAsync($"clarification-number:{procurement.Id}", ct);
        await EnsureInterestAsync(procurement, provider, ct);
        var clarification = new Clarification
        {
            ProcurementId = procurement.Id,
            Number = await NextNumberAsync(procurement.Id, ct),
            AskedByProviderId = provider.Id,
            AskedByUserId = actor.UserId!.Value,
            Question = command.Question!.Trim(),
            AskedAt = now,
        };
        db.Clarifications.Add(clarification);
        audit.Record("clarification.asked", nameof(Clarification), clarification.Id, $"{procurement.Reference} Q{clarification.Number}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<Clarification>.Ok(clarification);
    }

    public async Task<Outcome<List<ProviderClarification>>> ForProviderAsync(Guid procurementId, Guid? providerId, CancellationToken ct)
    {
        var (procurement, provider) = await ProviderAndProcurementAsync(procurementId, providerId, ct);
        if (procurement is null || provider is null)
        {
            return Outcome<List<ProviderClarification>>.NotFound();
        }
        var rows = await db.Clarifications.AsNoTracking()
            .Where(c => c.ProcurementId == procurement.Id && (c.PublishedAt != null || c.AskedByProviderId == provider.Id))
            .OrderBy(c => c.Number)
            .ToListAsync(ct);
        return Outcome<List<ProviderClarification>>.Ok(rows.Select(c => new ProviderClarification(
            c.Number,
            c.IsPublished ? c.PublishedQuestion ?? c.Question : c.Question,
            c.Answer is not null && c.IsPublished ? c.Answer : null,
            ProcurementResponse.Utc(c.PublishedAt),
            c.AskedByProviderId == provider.Id)).ToList());
    }

    public async Task<Outcome<List<OfficerClarification>>> ForOfficerAsync(Guid procurementId, CancellationToken ct)
    {
        if (!await db.Procurements.AnyAsync(p => p.Id == procurementId, ct))
        {
            return Outcome<List<OfficerClarification>>.NotFound();
        }
        var rows = await db.Clarifications.AsNoTracking()
            .Where(c => c.ProcurementId == procurementId)
            .OrderBy(c => c.Number)
            .Select(c => new { c, Name = db.Organisations.Where(o => o.Id == c.AskedByProviderId).Select(o => o.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return Outcome<List<OfficerClarification>>.Ok(rows.Select(r => new OfficerClarification(
            r.c.Id, r.c.Number, r.Name ?? OfficerNoticeAsker, r.c.Question, ProcurementResponse.Utc(r.c.AskedAt)!.Value, r.c.PublishedQuestion, r.c.Answer,
            ProcurementResponse.Utc(r.c.PublishedAt))).ToList());
    }

    public async Task<Outcome<Clarification>> AnswerAndPublishAsync(Guid procurementId, Guid clarificationId, AnswerClarificationCommand command, CancellationToken ct)
    {
        var procurement = await db.Procurements.SingleOrDefaultAsync(p => p.Id == procurementId, ct);
        var clarification = procurement is null
            ? null
            : await db.Clarifications.SingleOrDefaultAsync(c => c.Id == clarificationId && c.ProcurementId == procurementId, ct);
        if (clarification is null)
        {
            return Outcome<Clarification>.NotFound();
        }
        var errors = command.Validate()
            .Require(!clarification.IsPublished, nameof(command.Answer), $"Q{clarification.Number} has already been answered and published");
        if (!errors.IsEmpty)
        {
            return errors;
        }
        clarification.PublishedQuestion = string.IsNullOrWhiteSpace(command.PublishedQuestion) ? clarification.Question : command.PublishedQuestion.Trim();
        await PublishAsync(procurement!, clarification, command.Answer!, "clarification.published", ct);
        await db.SaveChangesAsync(ct);
        return Outcome<Clarification>.Ok(clarification);
    }

    /// <summary>
    /// An officer publishes a notice of their own to every interested provider of an open tender: listed and emailed
    /// exactly as an answered question is, with no asker.
    /// </summary>
    public async Task<Outcome<Clarification>> PublishNoticeAsync(Guid procurementId, OfficerNoticeCommand command, CancellationToken ct)
    {
        var procurement = await db.Procurements.SingleOrDefaultAsync(p => p.Id == procurementId, ct);
        if (procurement is null)
        {
            return Outcome<Clarification>.NotFound();
        }
        var errors = command.Validate()
            .Require(procurement.State == ProcurementState.TenderOpen, nameof(command.Question), "Notices can be published only while the tender is open");
        if (!errors.IsEmpty)
        {
            return errors;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockForTransactionAsync($"clarification-number:{procurement.Id}", ct);
        var now = await db.DatabaseNowAsync(ct);
        var notice = new Clarification
        {
            ProcurementId = procurement.Id,
            Number = await NextNumberAsync(procurement.Id, ct),
            Question = command.Question!.Trim(),
            AskedAt = now,
        };
        notice.PublishedQuestion = notice.Question;
        db.Clarifications.Add(notice);
        await PublishAsync(procurement, notice, command.Answer!, "clarification.notice_published", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<Clarification>.Ok(notice);
    }

    /// <summary>What officers see as the asker of their own notices.</summary>
    public const string OfficerNoticeAsker = "Published by an officer";

    /// <summary>
    /// The one path by which an answer reaches providers: the answer is stamped with the database clock and emailed once
    /// to each interested provider, without the asker's name, and audited. The caller saves.
    /// </summary>
    private async Task PublishAsync(Procurement procurement, Clarification clarification, string answer, string action, CancellationToken ct)
    {
        clarification.Answer = answer.Trim();
        clarification.AnsweredByUserId = actor.UserId;
        clarification.PublishedAt = await db.DatabaseNowAsync(ct);
        var recipients = (await db.ProcurementInterests.AsNoTracking()
            .Where(i => i.ProcurementId == procurement.Id)
            .Select(i => i.ContactEmail)
            .ToListAsync(ct)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var email in recipients)
        {
            outbox.Enqueue(email, "clarification-published", new
            {
                TenantName = tenant.TenantName,
                procurement.Reference,
                procurement.Title,
                clarification.Number,
                Question = clarification.PublishedQuestion,
                clarification.Answer,
            });
        }
        audit.Record(action, nameof(Clarification), clarification.Id,
            $"{procurement.Reference} Q{clarification.Number} sent to {recipients.Count} interested providers");
    }

    private async Task<int> NextNumberAsync(Guid procurementId, CancellationToken ct) =>
        await db.Clarifications.Where(c => c.ProcurementId == procurementId).Select(c => c.Number).DefaultIfEmpty().MaxAsync(ct) + 1;

    /// <summary>The provider the user acts for (as the notices pages choose it) and the published tender; else nulls (404).</summary>
    private async Task<(Procurement? Procurement, ProviderChoice? Provider)> ProviderAndProcurementAsync(Guid procurementId, Guid? providerId, CancellationToken ct)
    {
        var (provider, _) = await providers.ChooseAsync(providerId, ct);
        return provider is null ? (null, null) : (await OpenToProvidersAsync(procurementId, ct), provider);
    }

    private async Task<ProcurementInterest> EnsureInterestAsync(Procurement procurement, ProviderChoice provider, CancellationToken ct)
    {
        var existing = await db.ProcurementInterests.SingleOrDefaultAsync(i => i.ProcurementId == procurement.Id && i.ProviderId == provider.Id, ct);
        if (existing is not null)
        {
            return existing;
        }
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == actor.UserId, ct);
        var interest = new ProcurementInterest
        {
            ProcurementId = procurement.Id,
            ProviderId = provider.Id,
            RegisteredByUserId = user.Id,
            ContactEmail = user.Email!,
            RegisteredAt = DateTime.UtcNow,
        };
        db.ProcurementInterests.Add(interest);
        audit.Record("procurement.interest_registered", nameof(ProcurementInterest), interest.Id, $"{procurement.Reference} by {provider.Name}");
        return interest;
    }
}
