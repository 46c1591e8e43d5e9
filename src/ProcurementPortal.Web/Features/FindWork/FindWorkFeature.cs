namespace ProcurementPortal.Web.Features.FindWork;

public static class FindWorkFeature
{
    /// <summary>Finding open tenders across every tenant.</summary>
    public static IServiceCollection AddFindWorkFeature(this IServiceCollection services) => services
        .AddScoped<FindOpportunities>();
}
