using Hangfire.Dashboard;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>The job dashboard is for platform admins only (401 when signed out, 403 for anyone else).</summary>
public sealed class HangfireDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User.HasClaim(PortalClaims.PlatformAdmin, "true");
}
