using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ProcurementPortal.Core.Domain;

namespace ProcurementPortal.Web.Infrastructure;

public static class PortalClaims
{
    public const string PlatformAdmin = "portal:platform_admin";
    public const string PlatformAdminPolicy = "PlatformAdmin";
}

/// <summary>Adds the platform-admin claim to the cookie and bearer principals of platform admins.</summary>
public sealed class PortalClaimsFactory(UserManager<PortalUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.IsPlatformAdmin)
        {
            identity.AddClaim(new Claim(PortalClaims.PlatformAdmin, "true"));
        }
        return identity;
    }
}
