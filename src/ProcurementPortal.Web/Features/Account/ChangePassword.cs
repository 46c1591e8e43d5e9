using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Account;

public sealed record ChangePasswordCommand
{
    public string? CurrentPassword { get; init; }
    public string? NewPassword { get; init; }
    public string? ConfirmPassword { get; init; }

    public Errors Validate() => new Errors()
        .Require(!string.IsNullOrEmpty(CurrentPassword), nameof(CurrentPassword), "Enter your current password")
        .RequireNewPassword(NewPassword, ConfirmPassword, nameof(NewPassword), nameof(ConfirmPassword));
}

/// <summary>The signed-in user changes their password; the cookie is reissued for the new security stamp.</summary>
public sealed class ChangePasswordHandler(SignInManager<PortalUser> signIn, AccountChanges changes)
{
    public async Task<Outcome<Guid>> HandleAsync(ClaimsPrincipal principal, ChangePasswordCommand command, CancellationToken ct)
    {
        if (await signIn.UserManager.GetUserAsync(principal) is not { } user)
        {
            return Outcome<Guid>.NotFound();
        }
        var errors = command.Validate();
        if (!errors.IsEmpty)
        {
            return errors;
        }
        await using var transaction = await changes.BeginAsync(ct);
        var changed = await signIn.UserManager.ChangePasswordAsync(user, command.CurrentPassword!, command.NewPassword!);
        if (!changed.Succeeded)
        {
            return changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                ? new Errors().Add(nameof(ChangePasswordCommand.CurrentPassword), "Your current password is not correct")
                : AccountText.FromIdentity(changed, nameof(ChangePasswordCommand.NewPassword), nameof(ChangePasswordCommand.NewPassword));
        }
        changes.Record(user, "account.password_changed", "Password changed");
        await changes.CommitAsync(transaction, ct);
        await signIn.RefreshSignInAsync(user);
        return Outcome<Guid>.Ok(user.Id);
    }
}
