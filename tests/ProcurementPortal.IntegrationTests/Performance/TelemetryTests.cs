using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Performance;

/// <summary>OpenTelemetry is off by default and on when an OTLP endpoint is configured.</summary>
[Collection(PortalCollection.Name)]
public sealed class TelemetryTests(PortalFixture fixture)
{
    [Fact]
    public void Without_an_otlp_endpoint_no_traces_or_metrics_are_collected()
    {
        Assert.Null(fixture.App.Services.GetService<TracerProvider>());
        Assert.Null(fixture.App.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task With_an_otlp_endpoint_traces_and_metrics_are_collected_and_a_request_still_answers()
    {
        await fixture.WithExtraAppAsync(async node =>
        {
            Assert.NotNull(node.Services.GetService<TracerProvider>());
            Assert.NotNull(node.Services.GetService<MeterProvider>());
            var response = await node.CreateClient().GetAsync("/health/ready");
            Assert.True(response.IsSuccessStatusCode);
        }, new Dictionary<string, string?> { ["Otlp:Endpoint"] = "http://127.0.0.1:4317" });
    }
}
