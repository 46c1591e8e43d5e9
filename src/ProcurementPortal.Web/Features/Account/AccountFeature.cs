using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Account;

public static class AccountFeature
{
    public static IServiceCollection AddAccountFeature(this IServiceCollection services) => services
        .AddScoped<AccountChanges>()
        .AddScoped<AccountLinks>()
        .AddScoped<SignInHandler>()
        .AddScoped<SignInSecondFactorHandler>()
        .AddScoped<RegisterHandler>()
        .AddScoped<ConfirmEmailHandler>()
        .AddScoped<AccountLinkMailer>()
        .AddScoped<ResendConfirmationHandler>()
        .AddScoped<ForgotPasswordHandler>()
        .AddScoped<ResetPasswordHandler>()
        .AddScoped<ChangePasswordHandler>()
        .AddScoped<SetUpAuthenticatorHandler>()
        .AddScoped<GenerateRecoveryCodesHandler>()
        .AddScoped<DisableTwoFactorHandler>();
}

/// <summary>
/// One account use case as one transaction. Identity's store saves as it goes (user, tokens, lockout counters),
/// so the use case opens a transaction first; the audit event and any email join it and everything commits together.
/// Account events belong to the platform's audit chain, with the account itself as the actor: most of them
/// (registering, confirming, signing in, resetting a password) happen before anyone is signed in.
/// </summary>
public sealed class AccountChanges(PortalDbContext db)
{
    public Task<IDbContextTransaction> BeginAsync(CancellationToken ct) => db.Database.BeginTransactionAsync(ct);

    public void Record(PortalUser user, string action, string summary) =>
        new AuditLog(db, new TenantContext(), new AccountActor(user)).Record(action, nameof(PortalUser), user.Id, summary);

    public async Task CommitAsync(IDbContextTransaction transaction, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}

public sealed class AccountActor(PortalUser user) : IActor
{
    public Guid? UserId => user.Id;

    public string Name => user.Email ?? user.UserName ?? user.Id.ToString();
}

/// <summary>Links in account emails: absolute (the portal's public address), the Identity token base64url-encoded.</summary>
public sealed class AccountLinks(IOptions<PortalOptions> options)
{
    public string ConfirmEmail(PortalUser user, string token) => Build("/account/confirm-email", user, token);

    public string ResetPassword(PortalUser user, string token) => Build("/account/reset-password", user, token);

    public string SignIn => $"{Base}/account/sign-in";

    public string ForgotPassword => $"{Base}/account/forgot-password";

    private string Base => options.Value.BaseUrl.TrimEnd('/');

    private string Build(string path, PortalUser user, string token) =>
        $"{Base}{path}?userId={user.Id}&code={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}";

    /// <summary>The Identity token from a link's <c>code</c>, or null when the link was mangled.</summary>
    public static string? TokenFrom(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

public static class AccountText
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A moment as GOV.UK style writes it, in UK time: "2:05pm on 3 December 2026".</summary>
    public static string UkTime(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, London);
        var ampm = local.Hour < 12 ? "am" : "pm";
        return $"{local.ToString("h:mm", British)}{ampm} on {local.ToString("d MMMM yyyy", British)}";
    }

    public const string PasswordTooShort = "Password must be at least 12 characters";

    public static bool LooksLikeEmail(string? email) =>
        !string.IsNullOrWhiteSpace(email) && System.Net.Mail.MailAddress.TryCreate(email.Trim(), out var parsed) && parsed.Address == email.Trim();

    /// <summary>A new password's checks, shared by register, reset and change: entered, long enough, typed twice alike.</summary>
    public static Errors RequireNewPassword(this Errors errors, string? password, string? confirmation, string passwordField, string confirmationField)
    {
        if (string.IsNullOrEmpty(password))
        {
            return errors.Add(passwordField, "Enter a password");
        }
        errors.Require(password.Length >= 12, passwordField, PasswordTooShort);
        return string.IsNullOrEmpty(confirmation)
            ? errors.Add(confirmationField, "Confirm your password")
            : errors.Require(confirmation == password, confirmationField, "The passwords do not match");
    }

    /// <summary>Identity's refusals as field errors in our words: password rules on the password field, the rest on <paramref name="otherField"/>.</summary>
    public static Errors FromIdentity(IdentityResult result, string passwordField, string otherField)
    {
        var errors = new Errors();
        foreach (var error in result.Errors)
        {
            if (error.Code == nameof(IdentityErrorDescriber.PasswordTooShort))
            {
                errors.Add(passwordField, PasswordTooShort);
            }
            else if (error.Code.StartsWith("Password", StringComparison.Ordinal) && error.Code != nameof(IdentityErrorDescriber.PasswordMismatch))
            {
                errors.Add(passwordField, error.Description);
            }
            else
            {
                errors.Add(otherField, error.Description);
            }
        }
        return errors;
    }
}
