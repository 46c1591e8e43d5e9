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
public sealed class ResendConfirmationHandler(UserManager<PortalUser> users, AccountLinkMailer mailer, AccountLinks links)
{
    public Task<Outcome<string>> HandleAsync(EmailCommand command, CancellationToken ct) =>
        mailer.SendAsync(command, user => !user.EmailConfirmed, async user =>
            ("confirm-email", new { Name = user.DisplayName, Link = links.ConfirmEmail(user, await users.GenerateEmailConfirmationTokenAsync(user)) }), ct);
}

/// <summary>
/// "Email me a link" for an address typed by anyone: the link goes only to an account in the right state, and the
/// answer is the address back whatever happened, so the page says nothing about which addresses have accounts.
/// </summary>
public sealed class AccountLinkMailer(UserManager<PortalUser> users, EmailOutbox outbox, AccountChanges changes)
{
    public async Task<Outcome<string>> SendAsync(
        EmailCommand command, Func<PortalUser, bool> wanted, Func<PortalUser, Task<(string Template, object Model)>> compose, CancellationToken ct)
    {
        var errors = command.Validate();
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var email = command.Email!.Trim();
        if (await users.FindByEmailAsync(email) is { } user && wanted(user))
        {
            await using var transaction = await changes.BeginAsync(ct);
            var (template, model) = await compose(user);
            outbox.Enqueue(email, template, model);
            await changes.CommitAsync(transaction, ct);
        }
        return Outcome<string>.Ok(email);
    }
}
