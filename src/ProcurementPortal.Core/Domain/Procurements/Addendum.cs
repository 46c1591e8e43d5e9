namespace ProcurementPortal.Core.Domain.Procurements;

/// <summary>
/// A published change to an open tender: an explanation, optionally later deadlines (for every bidder alike) and
/// new or replaced documents. Written as a draft, then published in one transaction that applies the deadlines,
/// shows its documents and emails every interested provider. Lots, bands and the evaluation model stay frozen.
/// </summary>
public class Addendum : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProcurementId { get; set; }
    /// <summary>1, 2, 3 … within the procurement.</summary>
    public int Number { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public DateTime? NewSubmissionDeadline { get; set; }
    public DateTime? NewClarificationDeadline { get; set; }
    /// <summary>The deadlines in force before publishing, kept for the record.</summary>
    public DateTime? PreviousSubmissionDeadline { get; set; }
    public DateTime? PreviousClarificationDeadline { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedByUserId { get; set; }
    public DateTime? PublishedAt { get; set; }

    public bool IsPublished => PublishedAt is not null;
}

/// <summary>
/// Which submission-deadline reminder went to which interested provider for which deadline: a second run of the job
/// finds it and sends nothing; a deadline moved by an addendum is a new deadline and earns fresh reminders.
/// </summary>
public class SubmissionReminder : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProcurementId { get; set; }
    public Guid ProviderId { get; set; }
    public SubmissionReminderKind Kind { get; set; }
    public DateTime Deadline { get; set; }
    public DateTime SentAt { get; set; }
}

public enum SubmissionReminderKind
{
    SevenDays,
    OneDay,
}
