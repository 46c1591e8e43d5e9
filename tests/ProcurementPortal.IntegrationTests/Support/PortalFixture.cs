using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProcurementPortal.Core;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Migrations;

namespace ProcurementPortal.IntegrationTests.Support;

/// <summary>
/// One real PostgreSQL database per test run, created through the superuser connection that infra/test
/// exports, migrated by the same migrator as production, and the portal served over it.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const string PlatformAdminEmail = "platform-admin@test.local";
    public const string Password = "correct-horse-battery";

    public string DatabaseName { get; } = $"portal_test_{Guid.NewGuid():N}";
    public string AppConnectionString { get; private set; } = "";
    public string OwnerConnectionString { get; private set; } = "";
    public string SuperuserConnectionString { get; private set; } = "";
    public PortalAppFactory App { get; private set; } = null!;
    public MailSink Mail { get; } = new();

    /// <summary>Where the portal's file store writes during this run (removed at the end).</summary>
    public string StorageRoot { get; } = Path.Combine(Path.GetTempPath(), $"portal-files-{Guid.NewGuid():N}");

    /// <summary>Serve over Kestrel on a free local port (for a real browser) instead of the in-memory test server.</summary>
    public bool UseKestrel { get; init; }

    /// <summary>Extra configuration for the portal (e.g. <c>Portal:SeedDemoData</c>), applied over the defaults.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Where the portal answers: the Kestrel address, or the test server's.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var admin = Environment.GetEnvironmentVariable("ConnectionStrings__PortalAdmin")
            ?? throw new InvalidOperationException(
                "ConnectionStrings__PortalAdmin is not set: run the tests with infra/test, which starts PostgreSQL and the mail sink.");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {DatabaseName} owner portal_owner", connection);
            await create.ExecuteNonQueryAsync();
            await using var grant = new NpgsqlCommand($"grant connect on database {DatabaseName} to portal_app", connection);
            await grant.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = DatabaseName };
        SuperuserConnectionString = builder.ConnectionString;
        OwnerConnectionString = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Username = "portal_owner", Password = "portal_owner" }.ConnectionString;
        AppConnectionString = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Username = "portal_app", Password = "portal_app" }.ConnectionString;
        await Migrator.MigrateAsync(OwnerConnectionString, "portal_app");
        App = new PortalAppFactory(this);
        if (UseKestrel)
        {
            App.UseKestrel(0);
        }
        App.StartServer(); // starts the host, which runs the start-up tasks (platform admin bootstrap, demo data)
        BaseAddress = UseKestrel
            ? new Uri(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First())
            : App.Server.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        var admin = Environment.GetEnvironmentVariable("ConnectionStrings__PortalAdmin")!;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists {DatabaseName} with (force)", connection);
        await drop.ExecuteNonQueryAsync();
        if (Directory.Exists(StorageRoot))
        {
            Directory.Delete(StorageRoot, recursive: true);
        }
    }

    /// <summary>A DbContext as the superuser (bypasses RLS): for arranging and inspecting, and for testing one lock without the others.</summary>
    public PortalDbContext SuperuserDb(Guid? tenantId = null) => Db(SuperuserConnectionString, tenantId);

    /// <summary>A DbContext as the app role with the production interceptors, scoped to a tenant.</summary>
    public PortalDbContext AppDb(Guid? tenantId = null)
    {
        var tenant = TenantFor(tenantId);
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        PortalCore.ConfigureDbContext(options, AppConnectionString);
        options.AddInterceptors(new SaveLocksInterceptor(new TenantSaveLock(tenant)), new TenantConnectionInterceptor(tenant));
        return new PortalDbContext(options.Options, tenant);
    }

    private static PortalDbContext Db(string connectionString, Guid? tenantId)
    {
        var tenant = TenantFor(tenantId);
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        PortalCore.ConfigureDbContext(options, connectionString);
        options.AddInterceptors(new SaveLocksInterceptor(new TenantSaveLock(tenant)));
        return new PortalDbContext(options.Options, tenant);
    }

    private static TenantContext TenantFor(Guid? tenantId)
    {
        var tenant = new TenantContext();
        if (tenantId is { } id)
        {
            tenant.Set(new Organisation { Id = id, Kind = OrganisationKind.CommissioningBody, Name = "test", Slug = "test" });
        }
        return tenant;
    }

    /// <summary>A new tenant with a unique slug.</summary>
    public async Task<Organisation> CreateTenantAsync(string name = "Test Council")
    {
        await using var db = SuperuserDb();
        var tenant = new Organisation
        {
            Kind = OrganisationKind.CommissioningBody,
            Name = name,
            Slug = $"t{Guid.NewGuid():N}"[..12],
            AddressLine1 = "County Hall",
            Town = "Preston",
            Postcode = "PR1 8XJ",
        };
        db.Organisations.Add(tenant);
        await db.SaveChangesAsync();
        return tenant;
    }

    /// <summary>A confirmed user with the given roles in the given organisation.</summary>
    public async Task<PortalUser> CreateUserAsync(Organisation? organisation = null, params Role[] roles)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = $"user-{Guid.NewGuid():N}@test.local";
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        if (organisation is not null)
        {
            await using var db = SuperuserDb();
            foreach (var role in roles)
            {
                db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = organisation.Id, Role = role });
            }
            await db.SaveChangesAsync();
        }
        return user;
    }

    /// <summary>A second app over the same database, with other settings, disposed after <paramref name="use"/>.</summary>
    public async Task WithExtraAppAsync(Func<PortalAppFactory, Task> use, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = new PortalAppFactory(this, settings);
        try
        {
            await use(app);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    public HttpClient CreateClient() =>
        App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}

/// <summary>
/// The portal in a test host. Hangfire keeps its log provider in a process-wide static that each host overwrites when
/// it configures Hangfire; test hosts come and go (class fixtures, extra apps) in one process, so when a host stops
/// the provider is put back to a host still running — else Hangfire's lazily created statics would log into a
/// disposed logger factory and fail for the rest of the run.
/// </summary>
public sealed class PortalAppFactory(PortalFixture fixture, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    private static readonly List<Microsoft.Extensions.Logging.ILoggerFactory> RunningHosts = [];
    private Microsoft.Extensions.Logging.ILoggerFactory? _loggers;

    protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        _loggers = host.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>();
        lock (RunningHosts)
        {
            RunningHosts.Add(_loggers);
        }
        return host;
    }

    public override async ValueTask DisposeAsync()
    {
        lock (RunningHosts)
        {
            if (_loggers is not null)
            {
                RunningHosts.Remove(_loggers);
            }
            if (RunningHosts.Count > 0)
            {
                Hangfire.Logging.LogProvider.SetCurrentLogProvider(new Hangfire.AspNetCore.AspNetCoreLogProvider(RunningHosts[0]));
            }
        }
        await base.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Portal", fixture.AppConnectionString);
        builder.UseSetting("Portal:PlatformAdmin:Email", PortalFixture.PlatformAdminEmail);
        builder.UseSetting("Portal:PlatformAdmin:Password", PortalFixture.Password);
        builder.UseSetting("Portal:BaseUrl", "http://localhost");
        builder.UseSetting("Portal:Lockout:MaxFailedAttempts", "3");
        // Tests run jobs themselves, deterministically; the in-process server is exercised by its own test.
        builder.UseSetting("Jobs:InProcessServer", "false");
        builder.UseSetting("Storage:Root", fixture.StorageRoot);
        builder.UseSetting("Smtp:Host", Environment.GetEnvironmentVariable("Smtp__Host") ?? "127.0.0.1");
        builder.UseSetting("Smtp:Port", Environment.GetEnvironmentVariable("Smtp__Port") ?? "2525");
        foreach (var (key, value) in fixture.Settings.Concat(settings ?? new Dictionary<string, string?>()))
        {
            builder.UseSetting(key, value);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Portal";
}
