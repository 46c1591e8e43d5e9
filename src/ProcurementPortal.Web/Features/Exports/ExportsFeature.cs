namespace ProcurementPortal.Web.Features;

/// <summary>What an officer takes out of the portal: the CSV/xlsx exports and the Procurement Act notices.</summary>
public static class ExportsFeature
{
    public static IServiceCollection AddExportsFeature(this IServiceCollection services) => services
        .AddScoped<Exports.ExportQueries>()
        .AddScoped<ActNotices.ActNoticeQueries>()
        .Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.AddOperationTransformer<Exports.OpenApiExamples>());
}
