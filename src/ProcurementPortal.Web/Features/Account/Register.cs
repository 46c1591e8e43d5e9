using Microsoft.AspNetCore.Identity;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Account;

public sealed record RegisterCommand
{
    public string? DisplayName { get; init; }
    public string? Email { get; init; }
    public string? Password { get; init; }
    public string? ConfirmPassword { get; init; }

    public Errors Validate() => new Errors()
        .Require(!string.IsNullOrWhiteSpace(DisplayName), nameof(DisplayName), "Enter your name")
        .Require((DisplayName?.Trim().Length ?? 0) <= 200, nameof(DisplayName), "Name must be 200 characters or fewer")
        .Require(!string.IsNullOrWhiteSpace(Email), nameof(Email), "Enter your email address")
        .Require(string.IsNullOrWhiteSpace(Email) || AccountText.LooksLikeEmail(Email), nameof(Email),
            "Enter an email address in the correct format, like name@example.com")
        .RequireNewPassword(Password, ConfirmPassword, nameof(Password), nameof(ConfirmPassword));
}

/// <summary>
/// Creates an unconfirmed account and queues the confirmation email. An address that already has an account gets
/// an email saying so instead, and the page says the same either way: registering is not an account oracle.
/// </summary>
public sealed class RegisterHandler(UserManager<PortalUser> users, EmailOutbox outbox, AccountChanges changes, AccountLinks links)
{
    public async Task<Outcome<string>> HandleAsync(RegisterCommand command, CancellationToken ct)
    {
        var errors = command.Validate();
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var email = command.Email!.Trim();
        await using var transaction = await changes.BeginAsync(ct);
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            outbox.Enqueue(email, "account-exists",
                new { Name = existing.DisplayName, SignInLink = links.SignIn, ForgotPasswordLink = links.ForgotPassword });
            await changes.CommitAsync(transaction, ct);
            return Outcome<string>.Ok(email);
        }
        var user = new PortalUser { UserName = email, Email = email, DisplayName = command.DisplayName!.Trim() };
        var created = await users.CreateAsync(user, command.Password!);
        if (!created.Succeeded)
        {
            return AccountText.FromIdentity(created, nameof(RegisterCommand.Password), nameof(RegisterCommand.Email));
        }
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        outbox.Enqueue(email, "confirm-email", new { Name = user.DisplayName, Link = links.ConfirmEmail(user, token) });
        changes.Record(user, "account.registered", "Account created; email address not yet confirmed");
        await changes.CommitAsync(transaction, ct);
        return Outcome<string>.Ok(email);
    }
}
