using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Account;

/// <summary>
/// The signed-in user's own account: password and two-factor authentication. Its views live in Features/Account/Manage.
/// The API twins are Identity's /api/v1/identity/manage/info and /manage/2fa.
/// </summary>
[Authorize]
[NoApiTwin("A person's own password and authenticator, set up with a QR code in a browser; API callers use Identity's /api/v1/identity/manage endpoints")]
public sealed class ManageController(UserManager<PortalUser> users) : Controller
{
    public const string Flash = "AccountFlash";

    public sealed record Overview(string Name, string Email, bool TwoFactorEnabled, int RecoveryCodesLeft, bool ReminderEmails);

    [HttpGet("/account/manage")]
    public async Task<IActionResult> Index() => await OverviewAsync() is { } overview ? Page("Index", overview) : Challenge();

    [HttpGet("/account/manage/change-password")]
    public IActionResult ChangePassword() => Page("ChangePassword", new ChangePasswordCommand());

    [HttpPost("/account/manage/change-password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordCommand command, [FromServices] ChangePasswordHandler handler, CancellationToken ct) =>
        this.ToPageResult(await handler.HandleAsync(User, command, ct), () => Page("ChangePassword", command),
            _ => Done("/account/manage", "Your password has been changed"));

    [HttpGet("/account/manage/two-factor")]
    public async Task<IActionResult> TwoFactor() => await OverviewAsync() is { } overview ? Page("TwoFactor", overview) : Challenge();

    [HttpGet("/account/manage/two-factor/authenticator")]
    public async Task<IActionResult> Authenticator([FromServices] SetUpAuthenticatorHandler handler) =>
        await AuthenticatorPage(handler, new EnableAuthenticatorCommand());

    [HttpPost("/account/manage/two-factor/authenticator")]
    public async Task<IActionResult> Authenticator(EnableAuthenticatorCommand command, [FromServices] SetUpAuthenticatorHandler handler, CancellationToken ct)
    {
        var outcome = await handler.EnableAsync(User, command, ct);
        if (outcome.IsNotFound)
        {
            return Redirect("/account/manage/two-factor");
        }
        if (outcome.Errors is { } errors)
        {
            errors.CopyTo(ModelState);
            return await AuthenticatorPage(handler, command);
        }
        return Page("RecoveryCodes", outcome.Value);
    }

    [HttpPost("/account/manage/two-factor/recovery-codes")]
    public async Task<IActionResult> RecoveryCodes([FromServices] GenerateRecoveryCodesHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(User, ct);
        return outcome.Succeeded ? Page("RecoveryCodes", outcome.Value) : Redirect("/account/manage/two-factor");
    }

    [HttpGet("/account/manage/two-factor/disable")]
    public async Task<IActionResult> DisableTwoFactor() =>
        await users.GetUserAsync(User) is { TwoFactorEnabled: true } ? Page("DisableTwoFactor") : Redirect("/account/manage/two-factor");

    [HttpPost("/account/manage/two-factor/disable")]
    public async Task<IActionResult> DisableTwoFactor([FromServices] DisableTwoFactorHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(User, ct);
        return outcome.Succeeded ? Done("/account/manage/two-factor", "Two-factor authentication is off") : Redirect("/account/manage/two-factor");
    }

    private async Task<Overview?> OverviewAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return null;
        }
        var left = user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
        return new Overview(user.DisplayName, user.Email!, user.TwoFactorEnabled, left, user.ReminderEmails);
    }

    private async Task<IActionResult> AuthenticatorPage(SetUpAuthenticatorHandler handler, EnableAuthenticatorCommand command)
    {
        var setUp = await handler.ShowAsync(User);
        if (!setUp.Succeeded)
        {
            return Redirect("/account/manage/two-factor");
        }
        ViewData["SetUp"] = setUp.Value;
        return Page("Authenticator", command);
    }

    private RedirectResult Done(string to, string message)
    {
        TempData[Flash] = message;
        return Redirect(to);
    }

    private ViewResult Page(string name, object? model = null) => View($"/Features/Account/Manage/{name}.cshtml", model);
}
