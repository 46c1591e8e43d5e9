using System.Text.Json;

namespace ProcurementPortal.IntegrationTests.Performance;

/// <summary>
/// The runtime settings the web app is built with (its runtimeconfig.json, copied beside the tests), each measured in
/// infra/bench: a node serves a deadline rush with optimised code from the first call (ADR 035) and with server GC's
/// fixed heaps rather than the runtime's adaptation to the application's size (ADR 040).
/// </summary>
public sealed class WebRuntimeSettingsTests
{
    [Fact]
    public void The_web_app_runs_with_server_gc_fixed_heaps_and_no_tiered_compilation()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ProcurementPortal.Web.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal(0, properties.GetProperty("System.GC.DynamicAdaptationMode").GetInt32());
        Assert.False(properties.GetProperty("System.Runtime.TieredCompilation").GetBoolean());
    }
}
