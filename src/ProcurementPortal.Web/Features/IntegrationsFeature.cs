using ProcurementPortal.Web.Features.ApiClients;
using ProcurementPortal.Web.Features.Webhooks;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features;

public static class IntegrationsFeature
{
    /// <summary>API clients (their token scheme), rate limits on the API, and outbound webhooks.</summary>
    public static IServiceCollection AddIntegrationsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddApiClientAuthentication();
        services.AddApiRateLimits(configuration);
        return services
            .AddScoped<ApiClientList>()
            .AddScoped<CreateApiClient>()
            .AddScoped<RevokeApiClient>()
            .AddScoped<WebhookQueries>()
            .AddScoped<CreateWebhookSubscription>()
            .AddScoped<RemoveWebhookSubscription>();
    }
}
