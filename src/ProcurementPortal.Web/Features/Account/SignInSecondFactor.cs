using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Account;

public enum SecondFactor
{
    AuthenticatorCode,
    RecoveryCode,
}

public sealed record SignInSecondFactorCommand
{
    public string? Code { get; init; }
    public string? ReturnUrl { get; init; }

    /// <summary>Authenticator codes are often typed "123 456"; recovery codes ("ab1cd-ef2gh") are compared as issued.</summary>
    public static string Normalise(string? code, SecondFactor factor) =>
        factor == SecondFactor.AuthenticatorCode ? (code ?? "").Replace(" ", "").Replace("-", "") : (code ?? "").Trim();

    public Errors Validate(SecondFactor factor)
    {
        var code = Normalise(Code, factor);
        return factor == SecondFactor.AuthenticatorCode
            ? new Errors()
                .Require(code.Length > 0, nameof(Code), "Enter the code from your authenticator app")
                .Require(code.Length == 0 || (code.Length == 6 && code.All(char.IsAsciiDigit)), nameof(Code), "The code must be 6 digits")
            : new Errors().Require(code.Length > 0, nameof(Code), "Enter one of your recovery codes");
    }
}

/// <summary>
/// The second step of signing in, for an account with two-factor authentication: a code from the authenticator app
/// (each code works once: <see cref="Core.Identity.ReplayProtectedAuthenticatorTokenProvider"/>) or a recovery code
/// (each works once: Identity removes it). Wrong codes count towards lockout like wrong passwords.
/// </summary>
public sealed class SignInSecondFactorHandler(SignInManager<PortalUser> signIn, AccountChanges changes, IOptions<IdentityOptions> identity)
{
    public async Task<Outcome<SignInOutcome>> HandleAsync(SecondFactor factor, SignInSecondFactorCommand command, CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Outcome<SignInOutcome>.NotFound();
        }
        var errors = command.Validate(factor);
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var code = SignInSecondFactorCommand.Normalise(command.Code, factor);
        await using var transaction = await changes.BeginAsync(ct);
        var wasLockedOut = await signIn.UserManager.IsLockedOutAsync(user);
        var result = factor == SecondFactor.AuthenticatorCode
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        var how = factor == SecondFactor.AuthenticatorCode ? "with a password and an authenticator code" : "with a password and a recovery code";
        var outcome = SignInHandler.Conclude(result, user, wasLockedOut, how, changes, identity.Value);
        await changes.CommitAsync(transaction, ct);
        return outcome is not null
            ? Outcome<SignInOutcome>.Ok(outcome)
            : new Errors().Add(nameof(SignInSecondFactorCommand.Code), factor == SecondFactor.AuthenticatorCode
                ? "The code is not correct or has already been used. Enter the code your app shows now"
                : "The recovery code is not correct or has already been used");
    }
}
