using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;
using QRCoder;

namespace ProcurementPortal.Web.Features.Account;

public sealed record EnableAuthenticatorCommand
{
    public string? Code { get; init; }

    public Errors Validate() => new SignInSecondFactorCommand { Code = Code }.Validate(SecondFactor.AuthenticatorCode);
}

/// <summary>What the set-up page shows: the key (in groups of four, to type in) and the same as a QR code.</summary>
public sealed record AuthenticatorSetUp(string Key, string QrCodeDataUri);

/// <summary>
/// Two-factor set-up: the page shows the account's authenticator key (creating one the first time); the user proves
/// the app works by entering a first code, which turns two-factor authentication on and issues 10 recovery codes.
/// </summary>
public sealed class SetUpAuthenticatorHandler(SignInManager<PortalUser> signIn, AccountChanges changes)
{
    public const string Issuer = "ProcurementPortal";
    public const int RecoveryCodeCount = 10;

    public async Task<Outcome<AuthenticatorSetUp>> ShowAsync(ClaimsPrincipal principal)
    {
        var users = signIn.UserManager;
        if (await users.GetUserAsync(principal) is not { TwoFactorEnabled: false } user)
        {
            return Outcome<AuthenticatorSetUp>.NotFound();
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        return Outcome<AuthenticatorSetUp>.Ok(new AuthenticatorSetUp(InGroups(key), QrCode(OtpAuthUri(user.Email!, key))));
    }

    public async Task<Outcome<IReadOnlyList<string>>> EnableAsync(ClaimsPrincipal principal, EnableAuthenticatorCommand command, CancellationToken ct)
    {
        var users = signIn.UserManager;
        if (await users.GetUserAsync(principal) is not { TwoFactorEnabled: false } user)
        {
            return Outcome<IReadOnlyList<string>>.NotFound();
        }
        var errors = command.Validate();
        if (!errors.IsEmpty)
        {
            return errors;
        }
        await using var transaction = await changes.BeginAsync(ct);
        var code = SignInSecondFactorCommand.Normalise(command.Code, SecondFactor.AuthenticatorCode);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return new Errors().Add(nameof(EnableAuthenticatorCommand.Code), "The code is not correct. Enter the code your app shows now");
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var recoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        changes.Record(user, "account.two_factor_enabled", "Two-factor authentication turned on with an authenticator app");
        await changes.CommitAsync(transaction, ct);
        await signIn.RefreshSignInAsync(user);
        return Outcome<IReadOnlyList<string>>.Ok(recoveryCodes);
    }

    /// <summary>"abcd efgh ijkl ...": easier to type into an app than 32 characters in a row.</summary>
    public static string InGroups(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The Key Uri Format authenticator apps read from the QR code.</summary>
    public static string OtpAuthUri(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    public static string QrCode(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
