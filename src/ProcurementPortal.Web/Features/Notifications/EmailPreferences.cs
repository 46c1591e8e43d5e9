using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Features.Account;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Notifications;

/// <summary>
/// Which emails the person receives. Reminders of dates (bid deadlines, engagement events, scores due, contract
/// expiry and extension options) may be turned off: they stay in the portal as notifications and on the dashboard.
/// Everything else (receipts, clarifications, addenda, award letters, account emails) is always sent.
/// </summary>
public sealed record EmailPreferencesCommand
{
    /// <summary>"yes" or "no" from the page; true or false from the API.</summary>
    public bool? ReminderEmails { get; init; }

    public Errors Validate() => new Errors()
        .Require(ReminderEmails is not null, nameof(ReminderEmails), "Select whether you want reminder emails");
}

public sealed class EmailPreferencesHandler(UserManager<PortalUser> users, AccountChanges changes)
{
    public async Task<EmailPreferencesCommand?> GetAsync(ClaimsPrincipal principal) =>
        await users.GetUserAsync(principal) is { } user ? new EmailPreferencesCommand { ReminderEmails = user.ReminderEmails } : null;

    public async Task<Outcome<EmailPreferencesCommand>> HandleAsync(ClaimsPrincipal principal, EmailPreferencesCommand command, CancellationToken ct)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return Outcome<EmailPreferencesCommand>.NotFound();
        }
        var errors = command.Validate();
        if (!errors.IsEmpty)
        {
            return errors;
        }
        if (user.ReminderEmails != command.ReminderEmails)
        {
            await using var transaction = await changes.BeginAsync(ct);
            user.ReminderEmails = command.ReminderEmails!.Value;
            changes.Record(user, "account.email_preferences_changed", user.ReminderEmails ? "Reminder emails turned on" : "Reminder emails turned off");
            await changes.CommitAsync(transaction, ct);
        }
        return Outcome<EmailPreferencesCommand>.Ok(new EmailPreferencesCommand { ReminderEmails = user.ReminderEmails });
    }
}
