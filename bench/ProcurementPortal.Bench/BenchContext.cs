using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProcurementPortal.Core;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Bench;

/// <summary>What every scenario may use: the database (as the app role and as the owner) and the portal's own services.</summary>
public sealed class BenchContext : IAsyncDisposable
{
    public required IConfiguration Configuration { get; init; }
    public required ServiceProvider Services { get; init; }
    public string AppConnectionString => PortalCore.AppConnectionString(Configuration);
    public string OwnerConnectionString => Configuration.GetConnectionString("PortalOwner")
        ?? throw new InvalidOperationException("ConnectionStrings:PortalOwner is not configured.");
    public string SmtpHost => Configuration["Smtp:Host"] ?? "127.0.0.1";
    public int SmtpPort => Configuration.GetValue("Smtp:Port", 2525);

    public static BenchContext Create()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddPortalCore(configuration);
        services.AddSingleton<IActor>(new SystemActor("bench"));
        return new BenchContext { Configuration = configuration, Services = services.BuildServiceProvider() };
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
