using Microsoft.AspNetCore.Identity;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Account;

public sealed record ResetPasswordCommand
{
    public Guid? UserId { get; init; }
    public string? Code { get; init; }
    public string? Password { get; init; }
    public string? ConfirmPassword { get; init; }

    public Errors Validate() => new Errors().RequireNewPassword(Password, ConfirmPassword, nameof(Password), nameof(ConfirmPassword));
}

/// <summary>Sets a new password from the emailed link; the link works once (the security stamp changes).</summary>
public sealed class ResetPasswordHandler(UserManager<PortalUser> users, AccountChanges changes)
{
    public const string LinkNotValid = "This link to reset your password has expired or has already been used. Ask for a new link";

    public async Task<Outcome<Guid>> HandleAsync(ResetPasswordCommand command, CancellationToken ct)
    {
        var errors = command.Validate();
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var token = AccountLinks.TokenFrom(command.Code);
        var user = command.UserId is { } id && token is not null ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null)
        {
            return new Errors().Add("", LinkNotValid);
        }
        await using var transaction = await changes.BeginAsync(ct);
        var reset = await users.ResetPasswordAsync(user, token!, command.Password!);
        if (!reset.Succeeded)
        {
            return reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? new Errors().Add("", LinkNotValid)
                : AccountText.FromIdentity(reset, nameof(ResetPasswordCommand.Password), "");
        }
        changes.Record(user, "account.password_reset", "Password reset with an emailed link");
        await changes.CommitAsync(transaction, ct);
        return Outcome<Guid>.Ok(user.Id);
    }
}
