using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Account;

public sealed record SignInCommand
{
    public string? Email { get; init; }
    public string? Password { get; init; }
    public string? ReturnUrl { get; init; }

    public Errors Validate() => new Errors()
        .Require(!string.IsNullOrWhiteSpace(Email), nameof(Email), "Enter your email address")
        .Require(!string.IsNullOrEmpty(Password), nameof(Password), "Enter your password");
}

public enum SignInStep
{
    SignedIn,
    SecondFactorRequired,
    LockedOut,
    EmailNotConfirmed,
}

public sealed record SignInOutcome(SignInStep Step, DateTimeOffset? LockedOutUntil = null);

/// <summary>
/// Signs in with email and password. A wrong email and a wrong password get the same answer (no account oracle);
/// failures count towards lockout. "Confirm your email first" is only said to someone who knows the password.
/// </summary>
public sealed class SignInHandler(SignInManager<PortalUser> signIn, AccountChanges changes, IOptions<IdentityOptions> identity)
{
    public const string WrongDetails = "Enter a correct email address and password";

    public async Task<Outcome<SignInOutcome>> HandleAsync(SignInCommand command, CancellationToken ct)
    {
        var errors = command.Validate();
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var users = signIn.UserManager;
        var user = await users.FindByEmailAsync(command.Email!.Trim());
        if (user is null)
        {
            return new Errors().Add(nameof(SignInCommand.Email), WrongDetails);
        }
        await using var transaction = await changes.BeginAsync(ct);
        var wasLockedOut = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, command.Password!, isPersistent: false, lockoutOnFailure: true);
        SignInOutcome? outcome = result.IsNotAllowed && await users.CheckPasswordAsync(user, command.Password!)
            ? new SignInOutcome(SignInStep.EmailNotConfirmed)
            : Conclude(result, user, wasLockedOut, "with a password", changes, identity.Value);
        // Committed whatever the result: a failed attempt must still count towards lockout.
        await changes.CommitAsync(transaction, ct);
        return outcome is null ? new Errors().Add(nameof(SignInCommand.Email), WrongDetails) : Outcome<SignInOutcome>.Ok(outcome);
    }

    /// <summary>What a password or second-factor attempt leads to, recording sign-ins and new lockouts; null when refused.</summary>
    internal static SignInOutcome? Conclude(
        SignInResult result, PortalUser user, bool wasLockedOut, string how, AccountChanges changes, IdentityOptions identity)
    {
        if (result.Succeeded)
        {
            changes.Record(user, "account.signed_in", $"Signed in {how}");
            return new SignInOutcome(SignInStep.SignedIn);
        }
        if (result.RequiresTwoFactor)
        {
            return new SignInOutcome(SignInStep.SecondFactorRequired);
        }
        if (result.IsLockedOut)
        {
            if (!wasLockedOut)
            {
                changes.Record(user, "account.locked_out",
                    $"Locked out after {identity.Lockout.MaxFailedAccessAttempts} failed attempts, until {user.LockoutEnd:O}");
            }
            return new SignInOutcome(SignInStep.LockedOut, user.LockoutEnd);
        }
        return null;
    }
}
