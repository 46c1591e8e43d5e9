using Microsoft.AspNetCore.Identity;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Account;

public sealed record EmailCommand
{
    public string? Email { get; init; }

    public Errors Validate() => new Errors()
        .Require(!string.IsNullOrWhiteSpace(Email), nameof(Email), "Enter your email address")
        .Require(string.IsNullOrWhiteSpace(Email) || AccountText.LooksLikeEmail(Email), nameof(Email),
            "Enter an email address in the correct format, like name@example.com");
}

/// <summary>
/// Sends a new confirmation link to an account that is not yet confirmed. The answer is the same whether or not
/// there is such an account. Nothing about the account changes, so there is no audit event.
/// </summary>
public sealed class ResendConfirmationHandler(UserManager<PortalUser> users, EmailOutbox outbox, AccountChanges changes, AccountLinks links)
{
    public async Task<Outcome<string>> HandleAsync(EmailCommand command, CancellationToken ct)
    {
        var errors = command.Validate();
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var email = command.Email!.Trim();
        await using var transaction = await changes.BeginAsync(ct);
        if (await users.FindByEmailAsync(email) is { EmailConfirmed: false } user)
        {
            var token = await users.GenerateEmailConfirmationTokenAsync(user);
            outbox.Enqueue(email, "confirm-email", new { Name = user.DisplayName, Link = links.ConfirmEmail(user, token) });
        }
        await changes.CommitAsync(transaction, ct);
        return Outcome<string>.Ok(email);
    }
}
