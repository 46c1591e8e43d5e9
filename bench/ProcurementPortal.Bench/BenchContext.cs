using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProcurementPortal.Core;
using ProcurementPortal.Core.Data;
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

    /// <summary>The superuser's connection (past row-level security): for loading data by SQL and for pgbench.</summary>
    public string AdminConnectionString => Configuration.GetConnectionString("PortalAdmin")
        ?? throw new InvalidOperationException("ConnectionStrings:PortalAdmin is not configured (infra/bench sets it).");

    /// <summary>The same superuser on the portal's database.</summary>
    public string AdminPortalConnectionString =>
        new Npgsql.NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = new Npgsql.NpgsqlConnectionStringBuilder(AppConnectionString).Database }.ConnectionString;

    /// <summary>The portal started by infra/bench in Release as its own process.</summary>
    public Uri PortalUrl => new(Configuration["PORTAL_URL"]
        ?? throw new InvalidOperationException("PORTAL_URL is not set: run the HTTP scenarios through infra/bench, which starts the portal."));

    public string PgBench => Configuration["PGBENCH"] ?? "pgbench";

    /// <summary>
    /// The portal's <see cref="PortalDbContext"/> as the superuser (past row-level security), saving as <paramref name="tenant"/>
    /// once it is set: for writing set-up data fast, with the portal's own mappings.
    /// </summary>
    public PortalDbContext AdminDb(TenantContext tenant)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        PortalCore.ConfigureDbContext(options, AdminPortalConnectionString);
        options.AddInterceptors(new SaveLocksInterceptor(new TenantSaveLock(tenant)));
        return new PortalDbContext(options.Options, tenant);
    }

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
