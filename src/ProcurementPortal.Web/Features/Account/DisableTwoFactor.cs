using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Account;

/// <summary>
/// Turns two-factor authentication off. The authenticator key is replaced too, so turning it on again means
/// setting up the app afresh rather than trusting a key that may have been seen.
/// </summary>
public sealed class DisableTwoFactorHandler(SignInManager<PortalUser> signIn, AccountChanges changes)
{
    public async Task<Outcome<Guid>> HandleAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var users = signIn.UserManager;
        if (await users.GetUserAsync(principal) is not { TwoFactorEnabled: true } user)
        {
            return Outcome<Guid>.NotFound();
        }
        await using var transaction = await changes.BeginAsync(ct);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        changes.Record(user, "account.two_factor_disabled", "Two-factor authentication turned off");
        await changes.CommitAsync(transaction, ct);
        await signIn.RefreshSignInAsync(user);
        return Outcome<Guid>.Ok(user.Id);
    }
}
