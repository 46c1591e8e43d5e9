using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProcurementPortal.Core.Data;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>
/// Health endpoints for a load balancer or orchestrator: <c>/health/live</c> answers while the process serves
/// requests; <c>/health/ready</c> also checks that PostgreSQL answers, so a node without its database is taken out.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<PostgreSqlHealthCheck>("postgresql", tags: [Ready]);
        return services;
    }

    public static void MapPortalHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) });
    }
}

/// <summary>Ready when the app role can open a connection to the portal's database.</summary>
public sealed class PostgreSqlHealthCheck(PortalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct)
            ? HealthCheckResult.Healthy("PostgreSQL answers")
            : HealthCheckResult.Unhealthy("PostgreSQL does not answer");
}
