using ProcurementPortal.Web.Features.Framework;

namespace ProcurementPortal.Web.Features.Brokerage;

public static class BrokerageFeature
{
    /// <summary>The framework after award (its members) and the brokerage of care packages among them.</summary>
    public static IServiceCollection AddBrokerageFeature(this IServiceCollection services) => services
        .AddScoped<FrameworkMembers>()
        .AddScoped<MemberAccess>()
        .AddScoped<MemberStatusChange>()
        .AddScoped<SuspendMemberHandler>()
        .AddScoped<RecordMemberCapacityHandler>()
        .AddScoped<ReinstateMemberHandler>()
        .AddScoped<DirectAwards>()
        .AddScoped<ProposeDirectAwardHandler>()
        .AddScoped<ConfirmDirectAwardHandler>()
        .AddScoped<PackageRequests>()
        .AddScoped<PackageAccess>()
        .AddScoped<PackageResponder>()
        .AddScoped<PostPackageRequestHandler>()
        .AddScoped<OfferOnPackageHandler>()
        .AddScoped<DeclinePackageHandler>()
        .AddScoped<ConfirmPlacementHandler>()
        .AddScoped<PackageWindowJob>();
}
