using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Account;

/// <summary>Replaces the recovery codes of an account with two-factor on: the old ones stop working.</summary>
public sealed class GenerateRecoveryCodesHandler(UserManager<PortalUser> users, AccountChanges changes)
{
    public async Task<Outcome<IReadOnlyList<string>>> HandleAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (await users.GetUserAsync(principal) is not { TwoFactorEnabled: true } user)
        {
            return Outcome<IReadOnlyList<string>>.NotFound();
        }
        await using var transaction = await changes.BeginAsync(ct);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, SetUpAuthenticatorHandler.RecoveryCodeCount))!.ToList();
        changes.Record(user, "account.recovery_codes_generated", "New recovery codes generated; the old ones no longer work");
        await changes.CommitAsync(transaction, ct);
        return Outcome<IReadOnlyList<string>>.Ok(codes);
    }
}
