namespace ProcurementPortal.Core.Email;

/// <summary>An email written in the same transaction as the change it reports, delivered later by a job.</summary>
public class OutboxMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The tenant the message concerns, for reporting only: the delivery job is not tenant-scoped.</summary>
    public Guid? TenantId { get; set; }

    public required string ToAddress { get; set; }
    /// <summary>The template it was written from (its category decides whether the person may turn it off).</summary>
    public string? Template { get; set; }
    public required string Subject { get; set; }
    public required string HtmlBody { get; set; }
    public required string TextBody { get; set; }
    /// <summary>An optional PDF sent with the message (an award letter).</summary>
    public string? AttachmentName { get; set; }
    public byte[]? AttachmentPdf { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? FailedAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>Not sent because the recipient turned this kind of email off; the in-portal notification remains.</summary>
    public DateTime? SkippedAt { get; set; }
}
