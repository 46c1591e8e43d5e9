namespace ProcurementPortal.Web.Features.Schemes;

public static class SchemesFeature
{
    /// <summary>Open framework schemes with re-admission rounds, and dynamic markets (ADR 028).</summary>
    public static IServiceCollection AddSchemesFeature(this IServiceCollection services) => services
        .AddScoped<SchemeQueries>()
        .AddScoped<CreateSchemeHandler>()
        .AddScoped<StartRoundHandler>()
        .AddScoped<MarketAccess>()
        .AddScoped<ApplyToMarketHandler>()
        .AddScoped<DecideApplicationHandler>();
}
