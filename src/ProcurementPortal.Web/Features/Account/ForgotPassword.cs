using Microsoft.AspNetCore.Identity;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Account;

/// <summary>
/// Emails a password reset link to a confirmed account. The page answers the same whether or not the address has
/// an account (no account oracle). The password changes only when the link is used, so there is no audit event here.
/// </summary>
public sealed class ForgotPasswordHandler(UserManager<PortalUser> users, AccountLinkMailer mailer, AccountLinks links)
{
    public Task<Outcome<string>> HandleAsync(EmailCommand command, CancellationToken ct) =>
        mailer.SendAsync(command, user => user.EmailConfirmed, async user =>
            ("reset-password", new { Name = user.DisplayName, Link = links.ResetPassword(user, await users.GeneratePasswordResetTokenAsync(user)) }), ct);
}
