using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace ProcurementPortal.Web.Infrastructure.Demo;

/// <summary>
/// Runs the <see cref="DemoStager"/> once the portal has started and answers on <c>Portal:BaseUrl</c>, when
/// <c>Portal:DemoStages</c> is true (infra/run --demo); start-up has seeded the demo data by then.
/// </summary>
public sealed class DemoStagesService(
    IHostApplicationLifetime lifetime, IServiceScopeFactory scopes, IOptions<PortalOptions> options, ILogger<DemoStagesService> log) : IHostedService
{
    private Task running = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.DemoStages)
        {
            lifetime.ApplicationStarted.Register(() => running = Task.Run(() => RunAsync(lifetime.ApplicationStopping)));
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => running.WaitAsync(cancellationToken);

    private async Task RunAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        using var http = new HttpClient { BaseAddress = new Uri(options.Value.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        await using var scope = scopes.CreateAsyncScope();
        var results = await scope.ServiceProvider.GetRequiredService<DemoStager>().RunAsync(http, ct);
        var failed = results.Count(r => r.Outcome == DemoStageOutcome.Failed);
        log.LogInformation("Demo stages ready in {Seconds:0.0} s since the portal started: {Done} staged, {There} already there, {Failed} failed",
            watch.Elapsed.TotalSeconds, results.Count(r => r.Outcome == DemoStageOutcome.Done),
            results.Count(r => r.Outcome == DemoStageOutcome.AlreadyThere), failed);
    }
}

public static class DemoStagesFeature
{
    /// <summary>The demo stager and the service that runs it at start-up when <c>Portal:DemoStages</c> is true.</summary>
    public static IServiceCollection AddDemoStages(this IServiceCollection services)
    {
        services.AddSingleton<DemoBackstage>();
        services.AddScoped<DemoStager>();
        services.AddHostedService<DemoStagesService>();
        return services;
    }
}
