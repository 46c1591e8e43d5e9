using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Account;

/// <summary>
/// Signing in and out, registering, confirming an email address and resetting a forgotten password.
/// The API twins of these pages are Identity's own endpoints under /api/v1/identity (MapIdentityApi).
/// </summary>
[NoApiTwin("Cookie sign-in, sign-out, registration and password recovery of a person in a browser; API callers use Identity's own /api/v1/identity endpoints (bearer tokens), which run Identity's checks rather than these handlers")]
public sealed class AccountController(SignInManager<PortalUser> signIn) : Controller
{
    public sealed record CheckEmailPage(string Message);

    public sealed record EmailFormPage(string Title, string Intro, string Action, string Button);

    [HttpGet("/account/sign-in")]
    public IActionResult SignIn(string? returnUrl) => View(new SignInCommand { ReturnUrl = LocalOrNull(returnUrl) });

    [HttpPost("/account/sign-in")]
    public async Task<IActionResult> SignIn(SignInCommand command, [FromServices] SignInHandler handler, CancellationToken ct) =>
        this.ToPageResult(await handler.HandleAsync(command, ct), () => View(command), outcome => Next(outcome, command.ReturnUrl, command.Email));

    [HttpGet("/account/sign-in/two-factor")]
    public Task<IActionResult> TwoFactor(string? returnUrl) => SecondFactorPage("TwoFactor", returnUrl);

    [HttpPost("/account/sign-in/two-factor")]
    public Task<IActionResult> TwoFactor(SignInSecondFactorCommand command, [FromServices] SignInSecondFactorHandler handler, CancellationToken ct) =>
        CompleteSecondFactor("TwoFactor", SecondFactor.AuthenticatorCode, command, handler, ct);

    [HttpGet("/account/sign-in/recovery-code")]
    public Task<IActionResult> RecoveryCode(string? returnUrl) => SecondFactorPage("RecoveryCode", returnUrl);

    [HttpPost("/account/sign-in/recovery-code")]
    public Task<IActionResult> RecoveryCode(SignInSecondFactorCommand command, [FromServices] SignInSecondFactorHandler handler, CancellationToken ct) =>
        CompleteSecondFactor("RecoveryCode", SecondFactor.RecoveryCode, command, handler, ct);

    [HttpPost("/account/sign-out")]
    public async Task<IActionResult> SignOutOfPortal()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }

    [HttpGet("/account/register")]
    public IActionResult Register() => View(new RegisterCommand());

    [HttpPost("/account/register")]
    public async Task<IActionResult> Register(RegisterCommand command, [FromServices] RegisterHandler handler, CancellationToken ct) =>
        this.ToPageResult(await handler.HandleAsync(command, ct), () => View(command),
            email => View("CheckEmail", new CheckEmailPage($"We have sent an email to {email}. Follow the link in it to confirm your email address and finish creating your account.")));

    [HttpGet("/account/confirm-email")]
    public async Task<IActionResult> ConfirmEmail(Guid? userId, string? code, [FromServices] ConfirmEmailHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(userId, code, ct);
        return outcome.Succeeded ? View("EmailConfirmed", outcome.Value) : View("LinkNotValid");
    }

    [HttpGet("/account/resend-confirmation")]
    public IActionResult ResendConfirmation(string? email) => ResendConfirmationForm(new EmailCommand { Email = email });

    [HttpPost("/account/resend-confirmation")]
    public async Task<IActionResult> ResendConfirmation(EmailCommand command, [FromServices] ResendConfirmationHandler handler, CancellationToken ct) =>
        this.ToPageResult(await handler.HandleAsync(command, ct), () => ResendConfirmationForm(command),
            email => View("CheckEmail", new CheckEmailPage($"If {email} has an account that is not confirmed yet, we have sent it a new link to confirm the address.")));

    [HttpGet("/account/forgot-password")]
    public IActionResult ForgotPassword() => ForgotPasswordForm(new EmailCommand());

    [HttpPost("/account/forgot-password")]
    public async Task<IActionResult> ForgotPassword(EmailCommand command, [FromServices] ForgotPasswordHandler handler, CancellationToken ct) =>
        this.ToPageResult(await handler.HandleAsync(command, ct), () => ForgotPasswordForm(command),
            email => View("CheckEmail", new CheckEmailPage($"If {email} has an account, we have sent it a link to reset the password. The link works once.")));

    [HttpGet("/account/reset-password")]
    public IActionResult ResetPassword(Guid? userId, string? code) =>
        userId is null || string.IsNullOrWhiteSpace(code) ? View("LinkNotValid") : View(new ResetPasswordCommand { UserId = userId, Code = code });

    [HttpPost("/account/reset-password")]
    public async Task<IActionResult> ResetPassword(ResetPasswordCommand command, [FromServices] ResetPasswordHandler handler, CancellationToken ct) =>
        this.ToPageResult(await handler.HandleAsync(command, ct), () => View(command), _ => Redirect("/account/reset-password/done"));

    [HttpGet("/account/reset-password/done")]
    public IActionResult PasswordReset() => View();

    private IActionResult Next(SignInOutcome outcome, string? returnUrl, string? email) => outcome.Step switch
    {
        SignInStep.SignedIn => Redirect(LocalOrNull(returnUrl) ?? "/"),
        SignInStep.SecondFactorRequired => Redirect(WithReturnUrl("/account/sign-in/two-factor", returnUrl)),
        SignInStep.LockedOut => View("LockedOut", outcome.LockedOutUntil is { } until ? AccountText.UkTime(until) : null),
        _ => View("EmailNotConfirmed", email),
    };

    private async Task<IActionResult> SecondFactorPage(string view, string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? Redirect(WithReturnUrl("/account/sign-in", returnUrl))
            : View(view, new SignInSecondFactorCommand { ReturnUrl = LocalOrNull(returnUrl) });

    private async Task<IActionResult> CompleteSecondFactor(
        string view, SecondFactor factor, SignInSecondFactorCommand command, SignInSecondFactorHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(factor, command, ct);
        return outcome.IsNotFound
            ? Redirect(WithReturnUrl("/account/sign-in", command.ReturnUrl))
            : this.ToPageResult(outcome, () => View(view, command), next => Next(next, command.ReturnUrl, null));
    }

    private ViewResult ResendConfirmationForm(EmailCommand command) => EmailForm(command, new EmailFormPage(
        "Get a new confirmation link", "Enter the email address you registered with. If the account is not confirmed yet, we will send a new link to confirm it.",
        "/account/resend-confirmation", "Send a new link"));

    private ViewResult ForgotPasswordForm(EmailCommand command) => EmailForm(command, new EmailFormPage(
        "Reset your password", "Enter the email address of your account. We will send you a link to choose a new password.",
        "/account/forgot-password", "Send a reset link"));

    private ViewResult EmailForm(EmailCommand command, EmailFormPage page)
    {
        ViewData["Page"] = page;
        return View("EmailForm", command);
    }

    /// <summary>Only a local address is followed after signing in: anything else would make the portal an open redirect.</summary>
    private string? LocalOrNull(string? returnUrl) => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : null;

    private string WithReturnUrl(string path, string? returnUrl) =>
        LocalOrNull(returnUrl) is { } local ? QueryHelpers.AddQueryString(path, "returnUrl", local) : path;
}
