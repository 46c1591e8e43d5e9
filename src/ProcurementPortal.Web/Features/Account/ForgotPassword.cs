using Microsoft.AspNetCore.Identity;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Account;

/// <summary>
/// Emails a password reset link to a confirmed account. The page answers the same whether or not the address has
/// an account (no account oracle). The password changes only when the link is used, so there is no audit event here.
/// </summary>
public sealed class ForgotPasswordHandler(UserManager<PortalUser> users, EmailOutbox outbox, AccountChanges changes, AccountLinks links)
{
    public async Task<Outcome<string>> HandleAsync(EmailCommand command, CancellationToken ct)
    {
        var errors = command.Validate();
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var email = command.Email!.Trim();
        await using var transaction = await changes.BeginAsync(ct);
        if (await users.FindByEmailAsync(email) is { EmailConfirmed: true } user)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            outbox.Enqueue(email, "reset-password", new { Name = user.DisplayName, Link = links.ResetPassword(user, token) });
        }
        await changes.CommitAsync(transaction, ct);
        return Outcome<string>.Ok(email);
    }
}
