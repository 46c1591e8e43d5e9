using Microsoft.AspNetCore.Identity;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Account;

/// <summary>Follows the link in the confirmation email. A wrong, expired or mangled link is "not found".</summary>
public sealed class ConfirmEmailHandler(UserManager<PortalUser> users, AccountChanges changes)
{
    public async Task<Outcome<string>> HandleAsync(Guid? userId, string? code, CancellationToken ct)
    {
        var token = AccountLinks.TokenFrom(code);
        var user = userId is { } id && token is not null ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null)
        {
            return Outcome<string>.NotFound();
        }
        if (user.EmailConfirmed)
        {
            return Outcome<string>.Ok(user.Email!);
        }
        await using var transaction = await changes.BeginAsync(ct);
        if (!(await users.ConfirmEmailAsync(user, token!)).Succeeded)
        {
            return Outcome<string>.NotFound();
        }
        changes.Record(user, "account.email_confirmed", "Email address confirmed");
        await changes.CommitAsync(transaction, ct);
        return Outcome<string>.Ok(user.Email!);
    }
}
