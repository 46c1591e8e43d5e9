namespace ProcurementPortal.Core.Email;

/// <summary>
/// An in-portal copy of an email to someone with an account: written by the delivery job when it takes the email
/// from the outbox (once per message), so it exists even when the person has turned that kind of email off or the
/// mail server is down. Owned by the user: row-level security shows a row only to a unit of work acting for them.
/// </summary>
public class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    /// <summary>The commissioning body the email came from (null for the platform's own messages).</summary>
    public Guid? TenantId { get; set; }
    public Guid OutboxMessageId { get; set; }
    public required string Subject { get; set; }
    /// <summary>The email's plain text.</summary>
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

/// <summary>Which emails a person may turn off, and which are never copied into the portal.</summary>
public static class EmailCategories
{
    /// <summary>Reminders of a date that the portal also shows on the dashboard: optional.</summary>
    public static readonly IReadOnlySet<string> Reminders = new HashSet<string>(StringComparer.Ordinal)
    {
        "submission-reminder", "engagement-reminder", "evaluation-reminder", "contract-expiry-reminder", "contract-extension-reminder",
    };

    /// <summary>Account emails carry links and codes for signing in: they are never kept as notifications.</summary>
    public static readonly IReadOnlySet<string> Account = new HashSet<string>(StringComparer.Ordinal)
    {
        "account-exists", "confirm-email", "reset-code", "reset-password", "invitation",
    };

    public static bool IsReminder(string? template) => template is not null && Reminders.Contains(template);

    public static bool KeptAsNotification(string? template) => template is not null && !Account.Contains(template);
}
