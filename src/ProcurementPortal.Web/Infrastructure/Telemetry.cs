using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>
/// OpenTelemetry traces and metrics for ASP.NET Core, outgoing HttpClient calls and Npgsql (every SQL command EF Core
/// sends goes through Npgsql), exported by OTLP. Off unless <c>Otlp:Endpoint</c> is set (e.g.
/// <c>Otlp__Endpoint=http://collector:4317</c>); <c>Otlp:Protocol</c> is <c>grpc</c> (default) or <c>http/protobuf</c>.
/// Hangfire has no OpenTelemetry instrumentation package among those this project may use: its jobs show up through
/// the SQL they run (Npgsql spans), not as spans of their own.
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "ProcurementPortal";

    public static IServiceCollection AddPortalTelemetry(this IServiceCollection services, IConfiguration config)
    {
        if (config["Otlp:Endpoint"] is not { Length: > 0 } endpoint)
        {
            return services;
        }
        var protocol = string.Equals(config["Otlp:Protocol"], "http/protobuf", StringComparison.OrdinalIgnoreCase)
            ? OtlpExportProtocol.HttpProtobuf
            : OtlpExportProtocol.Grpc;
        void Exporter(OtlpExporterOptions o)
        {
            o.Endpoint = new Uri(endpoint);
            o.Protocol = protocol;
        }
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(config["Otlp:ServiceName"] ?? ServiceName, serviceInstanceId: Environment.MachineName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(Exporter))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("Npgsql")
                .AddOtlpExporter(Exporter));
        return services;
    }
}
